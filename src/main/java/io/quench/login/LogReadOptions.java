package io.quench.login;

import java.time.LocalDate;

/**
 * How to read one file, beyond what its name says.
 *
 * @param kind the log kind, or {@code null} to take it from the file name (an uploaded
 * file whose name does not carry it must say)
 * @param date the day the file starts, or {@code null} to take it from the file name and
 * modification time (an uploaded file whose name does not carry it must say)
 * @param finalFile {@code true} if nothing more will be written to the file (rotated
 * away, uploaded): a last line without a line end is then read; otherwise it is left for
 * the next read, which will see it complete
 */
public record LogReadOptions(LogKind kind, LocalDate date, boolean finalFile) {

	private static final LogReadOptions DEFAULTS = new LogReadOptions(null, null, false);

	/**
	 * Kind and date from the file name; the file may still grow.
	 * @return the defaults
	 */
	public static LogReadOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * These options with an explicit log kind.
	 * @param kind the log kind
	 * @return the changed options
	 */
	public LogReadOptions withKind(LogKind kind) {
		return new LogReadOptions(kind, this.date, this.finalFile);
	}

	/**
	 * These options with an explicit start date.
	 * @param date the day the file starts
	 * @return the changed options
	 */
	public LogReadOptions withDate(LocalDate date) {
		return new LogReadOptions(this.kind, date, this.finalFile);
	}

	/**
	 * These options for a file that will not grow any more.
	 * @return the changed options
	 */
	public LogReadOptions asFinal() {
		return new LogReadOptions(this.kind, this.date, true);
	}

}
