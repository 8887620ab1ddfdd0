package io.quench.source;

import java.time.Instant;

/**
 * Published when a source is added, changed, removed, scanned or a scan cancelled, for
 * the audit trail.
 */
public record SourceChanged(String source, Change change, String detail, String actor, Instant at) {

	public enum Change {

		ADDED, UPDATED, REMOVED, ENABLED, DISABLED, SCAN_STARTED, SCAN_CANCELLED

	}

}
