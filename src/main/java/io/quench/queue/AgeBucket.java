package io.quench.queue;

import java.time.Duration;

/**
 * Age classes of a present message (now minus its mtime): each holds the ages from the
 * previous class's limit (inclusive) up to its own (exclusive), so a message exactly 5
 * minutes old is in "5 to 15 minutes". A future mtime counts as newest.
 */
public enum AgeBucket {

	UNDER_5_MINUTES(Duration.ofMinutes(5)), UNDER_15_MINUTES(Duration.ofMinutes(15)), UNDER_1_HOUR(Duration.ofHours(1)),
	UNDER_6_HOURS(Duration.ofHours(6)), UNDER_24_HOURS(Duration.ofHours(24)), UNDER_3_DAYS(Duration.ofDays(3)),
	OLDER(null);

	/** Upper age limit, or null for the last class. */
	final Duration limit;

	AgeBucket(Duration limit) {
		this.limit = limit;
	}

	/** The message key of the class's label. */
	public String key() {
		return "queues.age." + name().toLowerCase(java.util.Locale.ROOT);
	}

}
