package io.quench.suspect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartTests {

	static final Instant T = Instant.parse("2026-12-04T14:00:00Z");

	@Test
	void eachNonZeroValueIsABarInsideThePlotWithAHeightProportionalToItsValue() {
		SvgChart chart = SvgChart.of("c", List.of(new SvgChart.Point(T, 10, 0),
				new SvgChart.Point(T.plusSeconds(60), 40, 20), new SvgChart.Point(T.plusSeconds(300), 0, 5)), 60);

		assertThat(chart.first()).extracting(SvgChart.Bar::value).containsExactly(10L, 40L);
		assertThat(chart.second()).extracting(SvgChart.Bar::value).containsExactly(20L, 5L);
		assertThat(chart.max()).isEqualTo(40);
		assertThat(chart.peak()).isEqualTo(40);
		assertThat(chart.peakAt()).isEqualTo(T.plusSeconds(60));
		assertThat(chart.secondPeak()).isEqualTo(20);
		assertThat(chart.firstTotal()).isEqualTo(50);
		assertThat(chart.secondTotal()).isEqualTo(25);
		List<SvgChart.Bar> all = new ArrayList<>(chart.first());
		all.addAll(chart.second());
		for (SvgChart.Bar bar : all) {
			assertThat(bar.x()).isBetween((double) chart.left(), (double) chart.right());
			assertThat(bar.x() + bar.width()).isLessThanOrEqualTo(chart.right());
			assertThat(bar.y() + bar.height()).isCloseTo(chart.bottom(), org.assertj.core.data.Offset.offset(0.11));
			assertThat(bar.height()).isCloseTo((double) bar.value() / 40 * SvgChart.PLOT_HEIGHT,
					org.assertj.core.data.Offset.offset(0.11));
		}
		// The two bars of a bucket sit side by side, the solid one left.
		assertThat(chart.first().get(1).x()).isLessThan(chart.second().get(0).x());
		assertThat(chart.bucketUnit()).isEqualTo("minute");
	}

	@Test
	void theAxisHasAtMostSixLabelledTimesInUtcAndAnEmptySeriesDrawsNothing() {
		List<SvgChart.Point> points = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			points.add(new SvgChart.Point(T.plusSeconds(i * 600L), i, 0));
		}
		SvgChart chart = SvgChart.of("c", points, 600);
		assertThat(chart.ticks()).hasSizeLessThanOrEqualTo(SvgChart.MAX_TICKS);
		assertThat(chart.ticks().get(0).label()).isEqualTo("12-04 14:00");
		assertThat(chart.bucketUnit()).isEqualTo("minutes");
		assertThat(chart.bucketCount()).isEqualTo(10);
		assertThat(chart.first()).hasSize(299);

		SvgChart empty = SvgChart.of("e", List.of(), 3600);
		assertThat(empty.empty()).isTrue();
		assertThat(empty.bucketUnit()).isEqualTo("hour");
		assertThat(SvgChart.of("d", List.of(new SvgChart.Point(T, 1, 0)), 86_400).ticks().get(0).label())
			.isEqualTo("2026-12-04");
	}

}
