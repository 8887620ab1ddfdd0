package io.quench.login;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What one read of a log file did.
 *
 * @param file the real path read (symbolic links resolved)
 * @param kind the log kind the lines were parsed as
 * @param cursor where to continue next time
 * @param linesRead complete lines consumed, including oversized ones
 * @param matched lines that became events
 * @param unmatched lines no pattern recognised (counted by shape)
 * @param oversized lines longer than {@link LogReader#MAX_LINE_BYTES}, skipped
 * @param bytesRead bytes consumed (the cursor moved by this much, from 0 after a restart)
 * @param restartReason why reading started again at offset 0 although a cursor was given
 * (rotated, truncated, rewritten), or {@code null}
 */
public record LogReadResult(Path file, LogKind kind, LogCursor cursor, long linesRead, long matched, long unmatched,
		long oversized, long bytesRead, String restartReason) {

	/** Checks the required fields. */
	public LogReadResult {
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(cursor, "cursor");
	}

	/**
	 * Whether the given cursor was discarded and the file read from its start.
	 * @return {@code true} after rotation or truncation
	 */
	public boolean restarted() {
		return this.restartReason != null;
	}

}
