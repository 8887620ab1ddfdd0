package io.quench.login;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Turns the {@code HH:MM:SS} of successive lines of one file into instants.
 * <ul>
 * <li>The file starts on a known day (from its name, or given).</li>
 * <li><b>Midnight rollover</b>: when the time goes back by more than
 * {@link #ROLLOVER_SECONDS}, the line belongs to the next day. Threads interleave by
 * seconds, and a daylight-saving change moves the clock back by one hour at most, so a
 * larger step back can only be midnight. A file silent for more than a whole day cannot
 * be detected.</li>
 * <li><b>Daylight saving</b>: a time in a gap (spring forward) is moved forward by the
 * length of the gap ({@link ZonedDateTime#ofLocal}); a time in an overlap (fall back)
 * takes the earlier offset (summer time), keeps the offset of the previous line while it
 * is still valid, and switches to the later offset once the clock steps back by more than
 * {@link #OVERLAP_STEP_BACK_SECONDS} inside the overlap — that is the repeated hour being
 * written.</li>
 * <li>Lines without a time take the time of the previous timed line (or the start of the
 * day).</li>
 * </ul>
 * Days without a zone transition skip the zone rules and compute instants with
 * arithmetic, which keeps the per-line cost to a few comparisons.
 */
final class LogClock {

	/**
	 * A step back larger than this is midnight. One hour: the largest daylight-saving
	 * step in use is one hour, and interleaved threads are out of order by seconds.
	 */
	static final int ROLLOVER_SECONDS = 3600;

	/**
	 * Inside a fall-back overlap, a step back larger than this means the repeated hour
	 * has begun. Five minutes: far above thread interleaving (seconds), far below the
	 * one-hour repeat.
	 */
	static final int OVERLAP_STEP_BACK_SECONDS = 300;

	private static final int SECONDS_PER_DAY = 86_400;

	private final ZoneRules rules;

	private final ZoneId zone;

	private LocalDate day;

	private int lastSecond = -1;

	private ZoneOffset lastOffset;

	private long epochSecond;

	private boolean transitionDay;

	private ZoneOffset dayOffset;

	LogClock(ZoneId zone, LocalDate startDay) {
		this(zone, startDay, null, null);
	}

	LogClock(ZoneId zone, LocalDate day, LocalTime lastTime, ZoneOffset lastOffset) {
		this.zone = zone;
		this.rules = zone.getRules();
		setDay(day);
		this.lastOffset = lastOffset;
		if (lastTime != null) {
			this.lastSecond = lastTime.toSecondOfDay();
			this.epochSecond = resolve(this.lastSecond, 0);
		}
		else {
			this.epochSecond = resolve(0, 0);
		}
	}

	/**
	 * Moves the clock to the time of the next timed line.
	 * @param secondOfDay the line's {@code HH:MM:SS} as seconds since midnight
	 */
	void advance(int secondOfDay) {
		int back = 0;
		if (this.lastSecond >= 0) {
			back = this.lastSecond - secondOfDay;
			if (back > ROLLOVER_SECONDS) {
				setDay(this.day.plusDays(1));
				back = 0;
			}
		}
		this.epochSecond = resolve(secondOfDay, back);
		this.lastSecond = secondOfDay;
	}

	Instant instant() {
		return Instant.ofEpochSecond(this.epochSecond);
	}

	LocalDate day() {
		return this.day;
	}

	LocalTime lastTime() {
		return (this.lastSecond >= 0) ? LocalTime.ofSecondOfDay(this.lastSecond) : null;
	}

	ZoneOffset lastOffset() {
		return this.lastOffset;
	}

	private long resolve(int secondOfDay, int back) {
		if (!this.transitionDay) {
			this.lastOffset = this.dayOffset;
			return this.day.toEpochDay() * SECONDS_PER_DAY + secondOfDay - this.dayOffset.getTotalSeconds();
		}
		LocalDateTime local = LocalDateTime.of(this.day, LocalTime.ofSecondOfDay(secondOfDay));
		List<ZoneOffset> valid = this.rules.getValidOffsets(local);
		ZonedDateTime at;
		if (valid.size() == 2) {
			ZoneOffsetTransition overlap = this.rules.getTransition(local);
			ZoneOffset preferred = (back > OVERLAP_STEP_BACK_SECONDS) ? overlap.getOffsetAfter()
					: (this.lastOffset != null) ? this.lastOffset : overlap.getOffsetBefore();
			at = ZonedDateTime.ofLocal(local, this.zone, preferred);
		}
		else {
			at = ZonedDateTime.ofLocal(local, this.zone, null);
		}
		this.lastOffset = at.getOffset();
		return at.toEpochSecond();
	}

	private void setDay(LocalDate day) {
		this.day = day;
		ZoneOffset start = this.rules.getOffset(day.atStartOfDay(ZoneOffset.UTC).minusDays(1).toInstant());
		ZoneOffset end = this.rules.getOffset(day.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());
		ZoneOffsetTransition next = this.rules
			.nextTransition(day.atStartOfDay(ZoneOffset.UTC).minusDays(1).toInstant());
		this.transitionDay = !start.equals(end) || (next != null
				&& next.getInstant().isBefore(day.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant()));
		this.dayOffset = start;
	}

}
