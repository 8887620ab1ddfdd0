package io.quench.suspect;

/**
 * A ranking threshold value that is not a number of the right kind in its range (400).
 */
class InvalidThresholdException extends IllegalArgumentException {

	private final RankingThreshold threshold;

	private final String value;

	InvalidThresholdException(RankingThreshold threshold, String value) {
		super(threshold.property() + " must be " + (threshold.integer() ? "a whole number" : "a number") + " from "
				+ threshold.min() + " to " + threshold.max());
		this.threshold = threshold;
		this.value = value;
	}

	RankingThreshold threshold() {
		return this.threshold;
	}

	String value() {
		return this.value;
	}

}
