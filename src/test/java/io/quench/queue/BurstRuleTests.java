package io.quench.queue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BurstRuleTests {

	static final long H0 = Instant.parse("2026-12-04T00:00:00Z").getEpochSecond() / 3600;

	private static Map<Long, Long> hours(long... counts) {
		Map<Long, Long> hourly = new HashMap<>();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] > 0) {
				hourly.put(H0 + i, counts[i]);
			}
		}
		return hourly;
	}

	@Test
	void theBurstIsTheFirstHourAboveTenTimesTheMedianOfTheHoursBefore() {
		// Hours before hour 4: 3, 5, 4, 6 -> median 4.5; 46 > 45.
		BurstRule.Burst burst = BurstRule.start(hours(3, 5, 4, 6, 46, 900)).orElseThrow();
		assertThat(burst.start()).isEqualTo(Instant.parse("2026-12-04T04:00:00Z"));
		assertThat(burst.count()).isEqualTo(46);
		assertThat(burst.median()).isEqualTo(4.5);
	}

	@Test
	void exactlyTenTimesIsNotABurst() {
		// Hour 4: 45 = 10 x 4.5 is not more; hour 5: median of 3,4,5,6,45 is 5 -> 51 >
		// 50.
		BurstRule.Burst burst = BurstRule.start(hours(3, 5, 4, 6, 45, 51)).orElseThrow();
		assertThat(burst.start()).isEqualTo(Instant.parse("2026-12-04T05:00:00Z"));
		assertThat(burst.median()).isEqualTo(5.0);
	}

	@Test
	void emptyHoursCountAsZeroAndAMedianBelowOneCountsAsOne() {
		// Hours before hour 3: 2, 0, 0 -> median 0, counted as 1: 10 is not more than 10,
		// 11 at hour 4 is (median of 2,0,0,10 is 1).
		assertThat(BurstRule.start(hours(2, 0, 0, 10, 11)).orElseThrow().start())
			.isEqualTo(Instant.parse("2026-12-04T04:00:00Z"));
	}

	@Test
	void theFirstHourIsNeverTheStartAndSteadyQueuesHaveNoBurst() {
		assertThat(BurstRule.start(hours(5000))).isEmpty();
		assertThat(BurstRule.start(hours(5000, 4000, 6000))).isEmpty();
		assertThat(BurstRule.start(Map.of())).isEmpty();
	}

	@Test
	void onlyTheLastNinetyDaysOfHoursAreSearched() {
		Map<Long, Long> hourly = new HashMap<>();
		// Ten years earlier, a big hour: were it searched, the hours after it would have
		// a median of 0 (as 1) and the single message at H0 - 1 would not matter, but the
		// burst at H0 must still be found, and the search stays within 2,160 hours.
		hourly.put(H0 - 10 * 365 * 24, 500L);
		hourly.put(H0 - BurstRule.MAX_HOURS, 1_000L); // just outside the search
		hourly.put(H0 - 1, 1L);
		hourly.put(H0, 11L);
		// Searched: H0 - 2159 .. H0, all empty but H0 - 1 -> median 0 (as 1): 11 > 10.
		// Were H0 - 2160 (1,000 messages) searched first, H0 - 2159 would not be the
		// start
		// either, and H0 would still be: the cap changes the cost, not this answer.
		assertThat(BurstRule.start(hourly).orElseThrow().start()).isEqualTo(Instant.ofEpochSecond(H0 * 3600));
		// With the big hour as the first searched hour, the hour after it is not a burst.
		assertThat(BurstRule.start(Map.of(H0, 1_000L, H0 + 1, 11L))).isEmpty();
	}

	@Test
	void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
		assertThat(BurstRule.median(List.of(1L, 2L, 3L, 10L))).isEqualTo(2.5);
		assertThat(BurstRule.median(List.of(7L))).isEqualTo(7.0);
	}

}
