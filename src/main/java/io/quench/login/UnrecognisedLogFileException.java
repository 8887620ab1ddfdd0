package io.quench.login;

import java.nio.file.Path;

/**
 * A file's name does not say which agent wrote it or on which day it starts, and the read
 * options did not say either: rename it {@code MMDDpoa.NNN} / {@code MMDDlog.NNN}, or
 * give {@link LogReadOptions#withKind} and {@link LogReadOptions#withDate}.
 */
public class UnrecognisedLogFileException extends RuntimeException {

	private final transient Path file;

	UnrecognisedLogFileException(Path file, String what) {
		super("Cannot tell the " + what + " of log file " + file
				+ ": its name is not MMDDpoa.NNN, MMDDlog.NNN or MMDDgwia.NNN; give the " + what + " explicitly");
		this.file = file;
	}

	/**
	 * The file that could not be recognised.
	 * @return its real path
	 */
	public Path file() {
		return this.file;
	}

}
