package io.quench.source;

/**
 * Published when a run ends, whatever its outcome, so that rankings and live views
 * refresh.
 */
public record IngestRunFinished(long runId, long sourceId, SourceKind kind, IngestRun.Status status) {
}
