package io.quench.source;

import java.time.Duration;
import java.time.Instant;

/**
 * One scan of a source, as the pages show it.
 */
public record IngestRun(long id, long sourceId, Status status, String startedBy, Instant startedAt, Instant finishedAt,
		Instant heartbeatAt, boolean cancelRequested, long filesTotal, long filesDone, long bytesTotal, long bytesDone,
		long itemsOk, long itemsFailed, long itemsSkipped, long itemsGone, long events, String topSenders,
		String message) {

	public enum Status {

		RUNNING, SUCCEEDED, FAILED, CANCELLED

	}

	public boolean running() {
		return this.status == Status.RUNNING;
	}

	/** Percent of bytes (or files, when sizes are unknown) done, 0 to 100. */
	public int percent() {
		if (this.bytesTotal > 0) {
			return (int) Math.min(100, this.bytesDone * 100 / this.bytesTotal);
		}
		if (this.filesTotal > 0) {
			return (int) Math.min(100, this.filesDone * 100 / this.filesTotal);
		}
		return running() ? 0 : 100;
	}

	public Duration elapsed(Instant now) {
		return Duration.between(this.startedAt, this.finishedAt != null ? this.finishedAt : now);
	}

	/** Files per second so far. */
	public double filesPerSecond(Instant now) {
		double seconds = Math.max(0.001, elapsed(now).toMillis() / 1000.0);
		return this.filesDone / seconds;
	}

	/** Remaining time at the current byte rate, or null when it cannot be told yet. */
	public Duration eta(Instant now) {
		if (!running() || this.bytesDone == 0 || this.bytesTotal <= this.bytesDone) {
			return null;
		}
		double millis = elapsed(now).toMillis();
		double rate = this.bytesDone / Math.max(1.0, millis);
		return Duration.ofMillis((long) ((this.bytesTotal - this.bytesDone) / rate));
	}

}
