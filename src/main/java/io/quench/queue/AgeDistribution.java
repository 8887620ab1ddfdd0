package io.quench.queue;

import java.time.Instant;
import java.util.List;

/**
 * Present messages by age class, and the oldest one.
 *
 * @param rows one per {@link AgeBucket}, in order
 * @param oldest mtime of the oldest present message, or null when none is present
 * @param oldestSender its envelope sender (may be null)
 */
public record AgeDistribution(List<Row> rows, Instant oldest, String oldestSender) {

	public AgeDistribution {
		rows = List.copyOf(rows);
	}

	public long total() {
		return this.rows.stream().mapToLong(Row::total).sum();
	}

	/** The largest single count, the scale of the bars (at least 1). */
	public long max() {
		return Math.max(1, this.rows.stream().mapToLong((row) -> Math.max(row.send(), row.defer())).max().orElse(1));
	}

	/**
	 * One age class.
	 *
	 * @param bucket the class
	 * @param send present in send/
	 * @param defer present in defer/
	 */
	public record Row(AgeBucket bucket, long send, long defer) {

		public long total() {
			return this.send + this.defer;
		}

	}

}
