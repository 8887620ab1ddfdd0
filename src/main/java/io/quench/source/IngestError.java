package io.quench.source;

import java.time.Instant;

/**
 * A problem with one item (file, line) of a run. The run goes on.
 */
public record IngestError(String path, String reason, Instant at) {
}
