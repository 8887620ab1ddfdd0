package io.quench.login;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a GroupWise agent log: {@code MMDDpoa.NNN} (POA), {@code MMDDlog.NNN}
 * (GWIA, per the documentation) or {@code MMDDgwia.NNN} (GWIA, seen in the field but
 * unconfirmed). {@code MMDD} is the day the agent started the file; {@code NNN} a per-day
 * counter that runs past {@code 009} with hex-looking digits ({@code 1028poa.00c}). Names
 * carry no year: {@link #date(Instant, ZoneId)} takes it from the file's modification
 * time.
 *
 * @param name the file name as given
 * @param monthDay the month and day in the name
 * @param kind the agent that writes such files
 * @param counter the extension, as written (order files by modification time, not by it)
 */
public record LogFileName(String name, MonthDay monthDay, LogKind kind, String counter) {

	/** Checks the fields. */
	public LogFileName {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(monthDay, "monthDay");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(counter, "counter");
	}

	private static final Pattern NAME = Pattern
		.compile("(?i)(?<month>\\d{2})(?<day>\\d{2})(?<agent>poa|log|gwia)\\.(?<counter>[0-9a-f]{3,4})");

	/**
	 * Parses a log file name.
	 * @param fileName a file name without directories, e.g. {@code 0518poa.001}
	 * @return the parsed name, or empty if it is not a log file name (or names a day that
	 * does not exist, such as {@code 1345})
	 */
	public static Optional<LogFileName> parse(String fileName) {
		if (fileName == null) {
			return Optional.empty();
		}
		Matcher m = NAME.matcher(fileName);
		if (!m.matches()) {
			return Optional.empty();
		}
		MonthDay monthDay;
		try {
			monthDay = MonthDay.of(Integer.parseInt(m.group("month")), Integer.parseInt(m.group("day")));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
		LogKind kind = m.group("agent").toLowerCase(Locale.ROOT).equals("poa") ? LogKind.POA : LogKind.GWIA;
		return Optional.of(new LogFileName(fileName, monthDay, kind, m.group("counter")));
	}

	/**
	 * Parses the last element of a path.
	 * @param path a file path
	 * @return the parsed name, or empty
	 */
	public static Optional<LogFileName> of(Path path) {
		Path name = path.getFileName();
		return (name != null) ? parse(name.toString()) : Optional.empty();
	}

	/**
	 * The day the file was started. The year is the modification time's year in the given
	 * zone, or the year before if {@code MMDD} would then lie after the modification day
	 * (a file started on 31 December and still written on 2 January); 29 February goes
	 * back to the latest leap year that qualifies.
	 * @param modified the file's last modification time
	 * @param zone the zone of the agent's clock
	 * @return the start date
	 */
	public LocalDate date(Instant modified, ZoneId zone) {
		LocalDate modifiedDay = LocalDate.ofInstant(modified, zone);
		int year = modifiedDay.getYear();
		while (!this.monthDay.isValidYear(year) || this.monthDay.atYear(year).isAfter(modifiedDay)) {
			year--;
		}
		return this.monthDay.atYear(year);
	}

}
