package io.quench.suspect;

import java.time.Instant;

/**
 * Which window to rank over: evidence from {@code from} (inclusive) to {@code to}
 * (exclusive); either may be null for "since the first" / "until the last" event.
 */
public record RankingQuery(Instant from, Instant to) {

	public RankingQuery {
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidRankingQueryException("from must be before to");
		}
	}

	/** All stored evidence. */
	public static RankingQuery all() {
		return new RankingQuery(null, null);
	}

}
