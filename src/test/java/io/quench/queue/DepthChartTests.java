package io.quench.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DepthChartTests {

	static final Instant T = Instant.parse("2026-12-04T09:00:00Z");

	@Test
	void noPointsNoChart() {
		assertThat(DepthChart.of(List.of())).isNull();
	}

	@Test
	void eachFolderIsAStepLineScaledToARoundMaximumSendSolidDeferDashed() {
		DepthChart chart = DepthChart.of(List.of(new DepthPoint(T, "SEND", 0, 0), new DepthPoint(T, "DEFER", 100, 0),
				new DepthPoint(T.plusSeconds(3600), "SEND", 150, 0),
				new DepthPoint(T.plusSeconds(3600), "DEFER", 100, 0)));
		// Maximum 150 -> axis top 200; plot from x 70 to 704, y 12 (200) to 204 (0).
		assertThat(chart.yTicks()).extracting(DepthChart.Tick::label).containsExactly(0L, 100L, 200L);
		DepthChart.Series send = chart.series().get(0);
		assertThat(send.folder()).isEqualTo("SEND");
		assertThat(send.dashed()).isFalse();
		// 150 of 200 -> 204 - 192 * 0.75 = 60.
		assertThat(send.path()).isEqualTo("M70.0 204.0 H704.0 V60.0");
		DepthChart.Series defer = chart.series().get(1);
		assertThat(defer.dashed()).isTrue();
		assertThat(defer.path()).isEqualTo("M70.0 108.0 H704.0 V108.0");
		assertThat(chart.xTicks()).extracting(DepthChart.Tick::label)
			.containsExactly("2026-12-04 09:00", "2026-12-04 10:00");
	}

	@Test
	void aSingleScanIsALevelLineAcrossFromTheMiddle() {
		DepthChart chart = DepthChart.of(List.of(new DepthPoint(T, "SEND", 5, 0)));
		assertThat(chart.series()).singleElement()
			.satisfies((s) -> assertThat(s.path()).isEqualTo("M387.0 12.0 H704.0 V12.0"));
		assertThat(chart.xTicks()).hasSize(1);
	}

	@Test
	void markersAreThinnedButKeepTheLastPoint() {
		List<DepthPoint> points = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			points.add(new DepthPoint(T.plusSeconds(60L * i), "SEND", i, 0));
		}
		DepthChart.Series send = DepthChart.of(points).series().get(0);
		assertThat(send.markers()).hasSizeLessThanOrEqualTo(DepthChart.MAX_MARKERS + 1);
		assertThat(send.markers().get(send.markers().size() - 1).messages()).isEqualTo(499);
	}

	@Test
	void roundMaximaAreOneTwoOrFiveTimesAPowerOfTen() {
		assertThat(DepthChart.niceCeiling(1)).isEqualTo(1);
		assertThat(DepthChart.niceCeiling(3)).isEqualTo(5);
		assertThat(DepthChart.niceCeiling(184_200)).isEqualTo(200_000);
		assertThat(DepthChart.niceCeiling(500_001)).isEqualTo(1_000_000);
	}

	@Test
	void theSummarySaysUpDownOrTheSame() {
		List<DepthSummary> summaries = DepthSummary.of(List.of(new DepthPoint(T, "SEND", 1203, 0),
				new DepthPoint(T, "DEFER", 9, 0), new DepthPoint(T.plusSeconds(60), "SEND", 184_200, 0),
				new DepthPoint(T.plusSeconds(60), "DEFER", 9, 0)));
		assertThat(summaries).containsExactly(new DepthSummary("SEND", 184_200, 1203, T, "up"),
				new DepthSummary("DEFER", 9, 9, T, "same"));
	}

}
