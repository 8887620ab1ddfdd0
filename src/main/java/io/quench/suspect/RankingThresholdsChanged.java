package io.quench.suspect;

import java.time.Instant;
import java.util.List;

/**
 * Published when an admin changes ranking thresholds (or resets them to their configured
 * defaults); the ranking uses the new values from the next request on.
 *
 * @param actor who
 * @param changes what changed
 * @param at when
 */
public record RankingThresholdsChanged(String actor, List<Change> changes, Instant at) {

	public RankingThresholdsChanged {
		changes = List.copyOf(changes);
	}

	/**
	 * One threshold's change.
	 *
	 * @param threshold its property name below {@code quench.ranking}
	 * @param from the value before
	 * @param to the value after
	 * @param reset whether it went back to its configured default
	 */
	public record Change(String threshold, String from, String to, boolean reset) {
	}

}
