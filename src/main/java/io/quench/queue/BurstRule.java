package io.quench.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When the burst started: the first hour whose count of queued messages (by mtime) is
 * more than {@value #FACTOR} times the median count of all the hours before it, empty
 * hours included; a median under 1 counts as 1, so a handful of messages after a quiet
 * stretch is no burst. The first hour with a message has no hours before it and is never
 * the start. Only the {@value #MAX_HOURS} hours up to the newest message are looked at
 * (one stray message with a year-old mtime must not make the search walk a year of empty
 * hours). docs/queues.md documents the rule.
 */
public final class BurstRule {

	/** How many times the usual hourly count makes a burst. */
	static final int FACTOR = 10;

	/** 90 days of hours: longer than any incident's queue history. */
	static final int MAX_HOURS = 90 * 24;

	private BurstRule() {
	}

	/**
	 * The burst's start.
	 * @param hourly messages queued per hour, keyed by hours since the epoch (missing
	 * hours had none)
	 * @return the start, or empty when no hour qualifies
	 */
	static Optional<Burst> start(Map<Long, Long> hourly) {
		if (hourly.isEmpty()) {
			return Optional.empty();
		}
		long last = Collections.max(hourly.keySet());
		long first = Math.max(Collections.min(hourly.keySet()), last - MAX_HOURS + 1);
		List<Long> before = new ArrayList<>();
		for (long hour = first; hour <= last; hour++) {
			long count = hourly.getOrDefault(hour, 0L);
			if (!before.isEmpty()) {
				double median = median(before);
				if (count > FACTOR * Math.max(1.0, median)) {
					return Optional.of(new Burst(Instant.ofEpochSecond(hour * 3600), count, median));
				}
			}
			int at = Collections.binarySearch(before, count);
			before.add((at >= 0) ? at : -at - 1, count);
		}
		return Optional.empty();
	}

	/** The median of a sorted, non-empty list. */
	static double median(List<Long> sorted) {
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
	}

	/**
	 * A burst's first hour.
	 *
	 * @param start the hour's beginning
	 * @param count messages queued in it
	 * @param median the median hourly count before it
	 */
	public record Burst(Instant start, long count, double median) {
	}

}
