package io.quench.login;

/**
 * A configured line pattern cannot be used: its name does not say which log and event it
 * is for, its regular expression does not compile, or it names a group the parser does
 * not know. The message names the pattern, so an operator can find the configuration key.
 */
public class InvalidLogPatternException extends IllegalArgumentException {

	private final String patternName;

	InvalidLogPatternException(String patternName, String message, Throwable cause) {
		super("Log pattern '" + patternName + "': " + message, cause);
		this.patternName = patternName;
	}

	InvalidLogPatternException(String patternName, String message) {
		this(patternName, message, null);
	}

	/**
	 * The name of the offending pattern, as configured.
	 * @return the pattern name
	 */
	public String patternName() {
		return this.patternName;
	}

}
