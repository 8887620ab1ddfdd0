package io.quench.login;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogFileNameTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void poaNamesCarryMonthDayAndCounter() {
		assertThat(LogFileName.parse("0518poa.001")).get()
			.extracting(LogFileName::monthDay, LogFileName::kind, LogFileName::counter)
			.containsExactly(MonthDay.of(5, 18), LogKind.POA, "001");
	}

	@Test
	void hexLookingCountersAreAccepted() {
		assertThat(LogFileName.parse("1028poa.00c")).get().extracting(LogFileName::counter).isEqualTo("00c");
	}

	@Test
	void gwiaLogsAreNamedLogOrGwia() {
		assertThat(LogFileName.parse("1204log.003")).get().extracting(LogFileName::kind).isEqualTo(LogKind.GWIA);
		assertThat(LogFileName.parse("1204gwia.003")).get().extracting(LogFileName::kind).isEqualTo(LogKind.GWIA);
	}

	@Test
	void otherNamesAndImpossibleDaysAreNotLogNames() {
		assertThat(LogFileName.parse("poa.currentlog")).isEmpty();
		assertThat(LogFileName.parse("1345poa.001")).isEmpty();
		assertThat(LogFileName.parse("0231poa.001")).isEmpty();
		assertThat(LogFileName.parse("0518poa.001.gz")).isEmpty();
	}

	@Test
	void theYearIsTheModificationYear() {
		LogFileName name = LogFileName.parse("0518poa.001").orElseThrow();
		assertThat(name.date(Instant.parse("2026-05-19T08:00:00Z"), BERLIN)).isEqualTo(LocalDate.of(2026, 5, 18));
	}

	@Test
	void aDayAfterTheModificationDayIsInThePreviousYear() {
		LogFileName name = LogFileName.parse("1231poa.001").orElseThrow();
		assertThat(name.date(Instant.parse("2026-01-02T08:00:00Z"), BERLIN)).isEqualTo(LocalDate.of(2025, 12, 31));
	}

	@Test
	void theModificationDayIsTakenInTheSourceZone() {
		LogFileName name = LogFileName.parse("0101poa.001").orElseThrow();
		// 23:30 UTC on 31 December is already 1 January in Berlin.
		assertThat(name.date(Instant.parse("2025-12-31T23:30:00Z"), BERLIN)).isEqualTo(LocalDate.of(2026, 1, 1));
	}

	@Test
	void leapDayGoesBackToALeapYear() {
		LogFileName name = LogFileName.parse("0229poa.001").orElseThrow();
		assertThat(name.date(Instant.parse("2026-03-01T08:00:00Z"), BERLIN)).isEqualTo(LocalDate.of(2024, 2, 29));
	}

}
