package io.quench.source;

/**
 * Published (about once a second at most, per run) when a running scan has stored more
 * since its previous progress write: rankings may refresh before the run ends.
 *
 * @param runId the run
 * @param sourceId its source
 * @param kind the source's kind
 * @param stored items and events stored so far
 */
public record IngestProgressed(long runId, long sourceId, SourceKind kind, long stored) {
}
