package io.quench.login;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One named regular expression that recognises one kind of log line and says which event
 * it is. The expression is searched in the line ({@link Matcher#find()}), so anchor it
 * with {@code ^} as the shipped patterns do. Its named groups fill the event:
 * <ul>
 * <li>{@code time} ({@code HH:MM:SS}) and {@code thread} (hex) — optional: by default the
 * parser reads both from the start of the line;</li>
 * <li>{@code gwId}, {@code netId}, {@code ip}, {@code platform}, {@code code},
 * {@code address}, {@code msgId} — see {@link LogEvent}.</li>
 * </ul>
 * Other group names are rejected, so a misspelt group is a configuration error rather
 * than a silently empty field. Use {@code (?:...)} for groups that only structure the
 * expression.
 *
 * @param name unique name, by convention {@code <kind>.<event type>.<label>}, e.g.
 * {@code poa.login_success.tolerant} (see {@link LogPatterns#fromMap})
 * @param kind the log this pattern applies to
 * @param type the event a matching line produces
 * @param regex a {@link Pattern java.util.regex} expression
 */
public record LinePattern(String name, LogKind kind, EventType type, String regex) {

	/** The named groups the parser reads; any other name is a configuration error. */
	public static final Set<String> GROUPS = Set.of("time", "thread", "gwId", "netId", "ip", "platform", "code",
			"address", "msgId");

	private static final Pattern GROUP_NAME = Pattern.compile("(?<!\\\\)\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

	/**
	 * Checks the name, kind, type and expression.
	 * @throws InvalidLogPatternException if the expression does not compile or names an
	 * unknown group
	 */
	public LinePattern {
		if (name == null || name.isBlank()) {
			throw new InvalidLogPatternException(String.valueOf(name), "a pattern needs a name");
		}
		if (kind == null || type == null) {
			throw new InvalidLogPatternException(name, "a pattern needs a log kind and an event type");
		}
		if (regex == null || regex.isBlank()) {
			throw new InvalidLogPatternException(name, "the regular expression is empty");
		}
		compile(name, regex);
		Set<String> unknown = new TreeSet<>(groupNames(regex));
		unknown.removeAll(GROUPS);
		if (!unknown.isEmpty()) {
			throw new InvalidLogPatternException(name,
					"unknown named group(s) " + unknown + "; the parser reads " + new TreeSet<>(GROUPS));
		}
	}

	static Pattern compile(String name, String regex) {
		try {
			return Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			throw new InvalidLogPatternException(name, "not a valid regular expression: " + ex.getDescription()
					+ " near index " + ex.getIndex() + " in " + regex, ex);
		}
	}

	static Set<String> groupNames(String regex) {
		Set<String> names = new TreeSet<>();
		Matcher m = GROUP_NAME.matcher(regex);
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	/**
	 * The default name for a pattern: {@code <kind>.<event type>.<label>} in lower case.
	 * @param kind the log
	 * @param type the event
	 * @param label what distinguishes this pattern from others for the same event
	 * @return the name
	 */
	static String nameOf(LogKind kind, EventType type, String label) {
		return (kind + "." + type + "." + label).toLowerCase(Locale.ROOT);
	}

}
