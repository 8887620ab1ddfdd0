package io.quench.login;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogClockTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void aTimeIsTakenOnTheStartDayInTheSourceZone() {
		LogClock clock = new LogClock(BERLIN, LocalDate.of(2026, 12, 4));
		assertThat(at(clock, "14:02:11")).isEqualTo(Instant.parse("2026-12-04T13:02:11Z"));
	}

	@Test
	void aStepBackOfMoreThanAnHourIsMidnight() {
		LogClock clock = new LogClock(BERLIN, LocalDate.of(2026, 12, 4));
		at(clock, "23:59:58");
		assertThat(at(clock, "00:00:03")).isEqualTo(Instant.parse("2026-12-04T23:00:03Z"));
		assertThat(clock.day()).isEqualTo(LocalDate.of(2026, 12, 5));
	}

	@Test
	void interleavedThreadsOutOfOrderBySecondsStayOnTheSameDay() {
		LogClock clock = new LogClock(BERLIN, LocalDate.of(2026, 12, 4));
		at(clock, "10:00:05");
		assertThat(at(clock, "10:00:01")).isEqualTo(Instant.parse("2026-12-04T09:00:01Z"));
	}

	@Test
	void aTimeInTheSpringGapMovesForwardByTheGap() {
		LogClock clock = new LogClock(BERLIN, LocalDate.of(2026, 3, 29));
		at(clock, "01:59:59");
		assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-29T00:59:59Z"));
		// 02:30 does not exist in Berlin that day; it is read as 03:30 CEST.
		assertThat(at(clock, "02:30:00")).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
		assertThat(at(clock, "03:00:01")).isEqualTo(Instant.parse("2026-03-29T01:00:01Z"));
	}

	@Test
	void theRepeatedAutumnHourTakesSummerTimeFirstThenWinterTimeOnceTheClockStepsBack() {
		LogClock clock = new LogClock(BERLIN, LocalDate.of(2026, 10, 25));
		assertThat(at(clock, "02:10:00")).isEqualTo(Instant.parse("2026-10-25T00:10:00Z"));
		assertThat(at(clock, "02:59:50")).isEqualTo(Instant.parse("2026-10-25T00:59:50Z"));
		assertThat(at(clock, "02:59:48")).as("interleaving, not the repeat")
			.isEqualTo(Instant.parse("2026-10-25T00:59:48Z"));
		assertThat(at(clock, "02:00:05")).isEqualTo(Instant.parse("2026-10-25T01:00:05Z"));
		assertThat(at(clock, "02:30:00")).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
		assertThat(at(clock, "03:00:00")).isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
	}

	@Test
	void aFileStartingInTheRepeatedHourTakesTheEarlierOffset() {
		LogClock clock = new LogClock(BERLIN, LocalDate.of(2026, 10, 25));
		assertThat(at(clock, "02:30:00")).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
	}

	@Test
	void aRestoredClockContinuesTheDayAndRollover() {
		LogClock clock = new LogClock(BERLIN, LocalDate.of(2026, 12, 4), LocalTime.of(23, 50), null);
		assertThat(at(clock, "00:10:00")).isEqualTo(Instant.parse("2026-12-04T23:10:00Z"));
	}

	private static Instant at(LogClock clock, String time) {
		clock.advance(LocalTime.parse(time).toSecondOfDay());
		return clock.instant();
	}

}
