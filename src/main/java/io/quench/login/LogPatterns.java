package io.quench.login;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured line patterns, in the order they are tried: for each line the first
 * pattern of the line's {@link LogKind} that matches wins. Unmatched lines are counted by
 * shape ({@link ShapeCounter}), so a line layout the defaults miss shows up and can be
 * added here, by configuration, without code.
 *
 * <p>
 * The shipped {@link #defaults()} come in two flavours per event: a
 * <em>reconstructed</em> pattern that matches the line shapes in {@code docs/formats.md}
 * exactly, then a <em>tolerant</em> one that anchors only on
 * {@code HH:MM:SS <hex thread>} and the literal keyword (e.g. {@code C/S Login}) and
 * picks IP literals and {@code key=value} fields wherever they occur, because the real
 * field order is not confirmed.
 *
 * @param patterns the patterns in the order they are tried; names are unique
 */
public record LogPatterns(List<LinePattern> patterns) {

	// Building blocks of the shipped expressions.
	static final String TIME = "(?<time>\\d{1,2}:\\d{2}:\\d{2})";

	static final String THREAD = "(?<thread>[0-9A-Fa-f]+)";

	static final String HEAD = "^" + TIME + " +" + THREAD;

	/**
	 * A GWIA line may carry a process type after the thread: {@code DMN:}, {@code POP3}.
	 */
	static final String GWIA_HEAD = HEAD + "(?: +[A-Z][A-Z0-9]*:?)??";

	private static final String H16 = "[0-9A-Fa-f]{1,4}";

	static final String IPV4 = "(?:\\d{1,3}\\.){3}\\d{1,3}";

	static final String IPV6 = "(?:(?:" + H16 + ":){7}" + H16 + "|(?:" + H16 + "(?::" + H16 + "){0,6})?::(?:(?:" + H16
			+ ":){0,5}" + IPV4 + "|" + H16 + "(?::" + H16 + "){0,6})?)";

	/** An IPv4 or IPv6 literal standing on its own (not part of a longer token). */
	static final String IP = "(?<![\\w:.])(?:" + IPV6 + "|" + IPV4 + ")(?![\\w:]|\\.\\d)";

	/** Words after a keyword that turn a login line into a failure. */
	static final String FAILURE_WORDS = "(?i:fail|error|denied|invalid|incorrect|refused|reject)";

	// Tolerant field extraction: each is an always-succeeding lookahead placed after
	// HEAD,
	// so the fields may stand anywhere on the line, in any order.
	static final String ANY_IP = "(?=(?:.*?(?<ip>" + IP + "))?)";

	static final String ANY_GW_ID = "(?=(?:.*?\\b(?i:gw ?id|user(?: ?id| ?name)?)\\s*[=:]\\s*(?<gwId>[^\\s:;,=<>]+))?)";

	static final String ANY_NET_ID = "(?=(?:.*?\\b(?i:net(?:work)? ?id)\\s*[=:]\\s*(?<netId>[^\\s:;,=<>]+))?)";

	static final String ANY_PLATFORM = "(?=(?:.*?(?<![\\w.@])(?<platform>(?i:winnt|win32|windows|linux|mac|soap|imap4?|web|webacc|caldav|pop3?))(?![\\w.=@]))?)";

	static final String ANY_MSG_ID = "(?=(?:.*?\\bMSG\\s+(?<msgId>\\d+))?)";

	static final String ANY_AUTH_USER = "(?=(?:.*?\\b(?i:for|user(?:name)?)\\s*[=:]?\\s*<?(?<gwId>[^\\s<>,;]+))?)";

	static final String ANY_TO_ADDRESS = "(?=(?:.*?\\b(?i:to):?\\s+<?(?<address>[^\\s<>@]+@[^\\s<>]+?)>?(?=[\\s,;]|$))?)";

	private static final LogPatterns DEFAULTS = new LogPatterns(List.of(
	// @formatter:off
			poa(EventType.LOGIN_SUCCESS, "reconstructed", HEAD
					+ " C/S Login (?<platform>\\S+) Net Id=(?<netId>\\S+) :: GW Id=(?<gwId>\\S+) :: (?<ip>" + IP + ")\\s*$"),
			poa(EventType.LOGOUT, "reconstructed", HEAD
					+ " C/S Logout (?<platform>\\S+) Net Id=(?<netId>\\S+) :: GW Id=(?<gwId>\\S+) :: (?<ip>" + IP + ")\\s*$"),
			poa(EventType.LOGIN_FAILURE, "reconstructed", HEAD
					+ " Error: Password incorrect \\[(?<code>D019)\\] User: (?<gwId>\\S+)\\s+(?<ip>" + IP + ")\\s*$"),
			poa(EventType.LOGIN_FAILURE, "tolerant", HEAD + "\\b" + ANY_GW_ID + ANY_NET_ID + ANY_IP + ANY_PLATFORM
					+ ".*?\\b(?<code>D019)\\b"),
			poa(EventType.LOGIN_FAILURE, "cs-login-failed", HEAD + "\\b" + ANY_GW_ID + ANY_NET_ID + ANY_IP + ANY_PLATFORM
					+ ".*?C/S Login\\b(?=.*?" + FAILURE_WORDS + ")"),
			poa(EventType.LOGOUT, "tolerant", HEAD + "\\b" + ANY_GW_ID + ANY_NET_ID + ANY_IP + ANY_PLATFORM
					+ ".*?C/S Logout\\b"),
			poa(EventType.LOGIN_SUCCESS, "tolerant", HEAD + "\\b" + ANY_GW_ID + ANY_NET_ID + ANY_IP + ANY_PLATFORM
					+ ".*?C/S Login\\b"),
			gwia(EventType.SMTP_AUTH_SUCCESS, "reconstructed", GWIA_HEAD
					+ " MSG (?<msgId>\\d+) SMTP AUTH(?: [A-Z0-9-]+)? accepted for (?<gwId>\\S+) from (?<ip>" + IP + ")\\s*$"),
			gwia(EventType.SMTP_AUTH_FAILURE, "reconstructed", GWIA_HEAD
					+ " MSG (?<msgId>\\d+) SMTP AUTH(?: [A-Z0-9-]+)? failed for (?<gwId>\\S+) from (?<ip>" + IP + ")\\s*$"),
			gwia(EventType.MESSAGE_SENDER, "reconstructed", GWIA_HEAD
					+ " MSG (?<msgId>\\d+) Sender: <?(?<address>[^\\s<>]+)>?\\s*$"),
			gwia(EventType.MESSAGE_RECIPIENT, "reconstructed", GWIA_HEAD
					+ " MSG (?<msgId>\\d+) Recipient: <?(?<address>[^\\s<>]+)>?\\s*$"),
			gwia(EventType.RELAY_DENIED, "reconstructed", GWIA_HEAD
					+ " MSG (?<msgId>\\d+) Relay denied from (?<ip>" + IP + ") to <?(?<address>[^\\s<>]+)>?\\s*$"),
			gwia(EventType.SMTP_AUTH_FAILURE, "tolerant", HEAD + "\\b" + ANY_MSG_ID + ANY_IP + ANY_AUTH_USER
					+ ".*?\\bAUTH\\b(?=.*?" + FAILURE_WORDS + ")"),
			gwia(EventType.SMTP_AUTH_SUCCESS, "tolerant", HEAD + "\\b" + ANY_MSG_ID + ANY_IP + ANY_AUTH_USER
					+ ".*?\\bAUTH\\b(?=.*?(?i:accept|succe|authenticated|\\bok\\b))"),
			gwia(EventType.MESSAGE_SENDER, "tolerant", HEAD + "\\b" + ANY_MSG_ID + ANY_IP
					+ ".*?\\bSender:\\s*<?(?<address>[^\\s<>]+)"),
			gwia(EventType.MESSAGE_SENDER, "mail-from", HEAD + "\\b" + ANY_MSG_ID + ANY_IP
					+ ".*?MAIL FROM:\\s*<?(?<address>[^\\s<>]*)"),
			gwia(EventType.MESSAGE_RECIPIENT, "tolerant", HEAD + "\\b" + ANY_MSG_ID
					+ ".*?\\bRecipient:\\s*<?(?<address>[^\\s<>]+)"),
			gwia(EventType.MESSAGE_RECIPIENT, "rcpt-to", HEAD + "\\b" + ANY_MSG_ID
					+ ".*?RCPT TO:\\s*<?(?<address>[^\\s<>]+)"),
			gwia(EventType.RELAY_DENIED, "tolerant", HEAD + "\\b" + ANY_MSG_ID + ANY_IP + ANY_TO_ADDRESS
					+ ".*?\\b[Rr]elay(?:ing)? (?:denied|refused|rejected|not allowed|prohibited)")));
	// @formatter:on

	/**
	 * Checks that names are unique.
	 * @throws InvalidLogPatternException naming the first duplicate
	 */
	public LogPatterns {
		patterns = List.copyOf(patterns);
		Set<String> names = new LinkedHashSet<>();
		for (LinePattern pattern : patterns) {
			if (!names.add(pattern.name())) {
				throw new InvalidLogPatternException(pattern.name(), "defined twice");
			}
		}
	}

	/**
	 * The shipped patterns for the line shapes of {@code docs/formats.md} plus tolerant
	 * variants.
	 * @return the defaults
	 */
	public static LogPatterns defaults() {
		return DEFAULTS;
	}

	/**
	 * Patterns from configuration: one entry per pattern, the key saying which log and
	 * event it is for: {@code <kind>.<event type>[.<label>]}, e.g.
	 * {@code poa.login_success.capture-2026}. Kind and event type are case-insensitive
	 * and may use {@code -} for {@code _}. Entries are tried in the map's iteration
	 * order.
	 * @param regexByName regular expression by pattern name
	 * @return the patterns
	 * @throws InvalidLogPatternException for a bad name or expression, naming the pattern
	 */
	public static LogPatterns fromMap(Map<String, String> regexByName) {
		List<LinePattern> patterns = new ArrayList<>();
		regexByName.forEach((name, regex) -> patterns.add(parse(name, regex)));
		return new LogPatterns(patterns);
	}

	/**
	 * These patterns changed by configuration: an entry with the name of an existing
	 * pattern replaces its expression in place (a blank expression removes it); an entry
	 * with a new name ({@code <kind>.<event type>[.<label>]}, as in {@link #fromMap}) is
	 * added <em>before</em> all existing patterns, so a pattern written for a real
	 * capture wins over the shipped guesses.
	 * @param regexByName regular expression by pattern name
	 * @return the changed patterns
	 * @throws InvalidLogPatternException for a bad name or expression, naming the pattern
	 */
	public LogPatterns withOverrides(Map<String, String> regexByName) {
		Map<String, LinePattern> byName = new LinkedHashMap<>();
		this.patterns.forEach((p) -> byName.put(p.name(), p));
		List<LinePattern> added = new ArrayList<>();
		regexByName.forEach((name, regex) -> {
			LinePattern existing = byName.get(name);
			if (existing == null) {
				added.add(parse(name, regex));
			}
			else if (regex == null || regex.isBlank()) {
				byName.remove(name);
			}
			else {
				byName.put(name, new LinePattern(name, existing.kind(), existing.type(), regex));
			}
		});
		List<LinePattern> result = new ArrayList<>(added);
		result.addAll(byName.values());
		return new LogPatterns(result);
	}

	/**
	 * The patterns for one log, in order.
	 * @param kind the log
	 * @return its patterns
	 */
	public List<LinePattern> forKind(LogKind kind) {
		return this.patterns.stream().filter((p) -> p.kind() == kind).toList();
	}

	/**
	 * A pattern by name.
	 * @param name the pattern name
	 * @return the pattern, if configured
	 */
	public Optional<LinePattern> find(String name) {
		return this.patterns.stream().filter((p) -> p.name().equals(name)).findFirst();
	}

	static LinePattern parse(String name, String regex) {
		String[] parts = (name == null) ? new String[0] : name.split("\\.", 3);
		if (parts.length < 2) {
			throw new InvalidLogPatternException(String.valueOf(name),
					"the name must be <kind>.<event type>[.<label>], e.g. poa.login_success.capture");
		}
		LogKind kind = parseEnum(LogKind.class, parts[0], name, "log kind");
		EventType type = parseEnum(EventType.class, parts[1], name, "event type");
		return new LinePattern(name, kind, type, regex);
	}

	private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String name, String what) {
		try {
			return Enum.valueOf(type, text.trim().replace('-', '_').toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidLogPatternException(name, "unknown " + what + " '" + text + "'; expected one of "
					+ List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT));
		}
	}

	private static LinePattern poa(EventType type, String label, String regex) {
		return new LinePattern(LinePattern.nameOf(LogKind.POA, type, label), LogKind.POA, type, regex);
	}

	private static LinePattern gwia(EventType type, String label, String regex) {
		return new LinePattern(LinePattern.nameOf(LogKind.GWIA, type, label), LogKind.GWIA, type, regex);
	}

}
