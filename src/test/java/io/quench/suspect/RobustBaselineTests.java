package io.quench.suspect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RobustBaselineTests {

	@Test
	void theMedianAndMadIgnoreOneHugeValue() {
		RobustBaseline baseline = RobustBaseline.of(new double[] { 1, 2, 2, 3, 4, 10_000 });

		assertThat(baseline.median()).isEqualTo(2.5);
		// Deviations 1.5 0.5 0.5 0.5 1.5 9997.5: their median is 1.
		assertThat(baseline.mad()).isEqualTo(1.0);
		assertThat(baseline.line(3.5, 1)).isCloseTo(2.5 + 3.5 * 1.4826, within(1e-9));
		assertThat(baseline.isOutlier(10_000, 3.5, 1)).isTrue();
		assertThat(baseline.isOutlier(7, 3.5, 1)).isFalse();
	}

	@Test
	void aPopulationWhereEveryoneIsAlikeStillNeedsTheFloorToBeCrossed() {
		RobustBaseline baseline = RobustBaseline.of(new double[] { 2, 2, 2, 2, 2, 1, 2 });

		assertThat(baseline.mad()).isZero();
		assertThat(baseline.isOutlier(5, 3.5, 1)).isFalse();
		assertThat(baseline.isOutlier(6, 3.5, 1)).isTrue();
	}

	@Test
	void anEmptyPopulationHasNoOutliers() {
		assertThat(RobustBaseline.of(new double[0]).isOutlier(1_000_000, 3.5, 1)).isFalse();
	}

}
