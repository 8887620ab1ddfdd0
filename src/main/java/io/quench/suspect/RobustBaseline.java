package io.quench.suspect;

import java.util.Arrays;

/**
 * A population's median and median absolute deviation (MAD), and the outlier line
 * {@code median + k * max(1.4826 * MAD, floor)}. 1.4826 makes the MAD estimate the
 * standard deviation for normal data; the floor keeps a population where nearly everyone
 * has the same value (MAD 0) from calling every small difference an outlier.
 */
record RobustBaseline(double median, double mad, int size) {

	/** MAD to standard deviation for normally distributed data. */
	static final double NORMAL_SCALE = 1.4826;

	static final RobustBaseline EMPTY = new RobustBaseline(0, 0, 0);

	static RobustBaseline of(double[] values) {
		if (values.length == 0) {
			return EMPTY;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		double median = median(sorted);
		double[] deviations = new double[sorted.length];
		for (int i = 0; i < sorted.length; i++) {
			deviations[i] = Math.abs(sorted[i] - median);
		}
		Arrays.sort(deviations);
		return new RobustBaseline(median, median(deviations), values.length);
	}

	private static double median(double[] sorted) {
		int n = sorted.length;
		return ((n % 2) == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	/** The value above which a member is an outlier. */
	double line(double k, double floor) {
		return this.median + k * Math.max(NORMAL_SCALE * this.mad, floor);
	}

	boolean isOutlier(double value, double k, double floor) {
		return this.size > 0 && value > line(k, floor);
	}

}
