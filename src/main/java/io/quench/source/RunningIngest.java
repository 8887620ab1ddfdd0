package io.quench.source;

import java.time.Instant;

/**
 * A scan going on now (on any instance sharing the database), as far as its last progress
 * write tells.
 *
 * @param sourceId the source
 * @param sourceName its name
 * @param kind its kind
 * @param runId the run
 * @param filesDone files done so far
 * @param events events stored so far
 * @param startedAt when the run started
 */
public record RunningIngest(long sourceId, String sourceName, SourceKind kind, long runId, long filesDone, long events,
		Instant startedAt) {
}
