package io.quench.source;

/**
 * Published when a run ends, whatever its outcome, so that rankings and live views
 * refresh.
 *
 * @param changed whether the run stored, replaced or marked gone anything (an unchanged
 * rescan did not: what was read from the database before it is still right)
 */
public record IngestRunFinished(long runId, long sourceId, SourceKind kind, IngestRun.Status status, boolean changed) {

	/** A run that may have changed anything. */
	public IngestRunFinished(long runId, long sourceId, SourceKind kind, IngestRun.Status status) {
		this(runId, sourceId, kind, status, true);
	}

}
