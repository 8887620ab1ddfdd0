package io.quench.login;

import java.time.Instant;
import java.util.Objects;

/**
 * One recognised log line. Fields a line does not carry are {@code null}.
 *
 * @param at when it happened: the line's {@code HH:MM:SS} on the file's date in the
 * source's zone (see {@link LogReader} for rollover and daylight-saving rules)
 * @param source the log that wrote it
 * @param type what happened
 * @param gwId the GroupWise user id ({@code GW Id=}, {@code User:}); for SMTP AUTH the
 * name the client authenticated as, which may be an address
 * @param networkId the network (LDAP) id ({@code Net Id=})
 * @param ip the client's IPv4 or IPv6 address as written in the line
 * @param platform the client platform or protocol in lower case: {@code winnt},
 * {@code soap}, {@code imap}...; {@code smtp} for GWIA AUTH events that name none
 * @param errorCode the GroupWise error code, e.g. {@code D019}
 * @param threadId the hexadecimal POA thread or GWIA process number
 * @param address an e-mail address: the sender, the recipient, or the relay target
 * @param messageRef the GWIA's message number ({@code MSG 41237}), which ties the AUTH,
 * sender and recipient lines of one message together
 * @param pattern the name of the {@link LinePattern} that matched
 * @param file the real path of the log file
 * @param lineNumber 1-based line number in the file
 * @param offset byte offset of the line's first byte in the file
 * @param raw the line as decoded, cut to {@link #MAX_RAW_CHARS}
 */
public record LogEvent(Instant at, LogKind source, EventType type, String gwId, String networkId, String ip,
		String platform, String errorCode, String threadId, String address, String messageRef, String pattern,
		String file, long lineNumber, long offset, String raw) {

	/**
	 * Longest raw line kept in an event. Real event lines are under 200 characters; 1 KiB
	 * keeps every field of a long variant while bounding what a flood of events can cost.
	 * The full line stays in the file at {@link #offset()}.
	 */
	public static final int MAX_RAW_CHARS = 1024;

	/**
	 * Checks required fields, turns blank optional fields into {@code null} and cuts the
	 * raw line.
	 */
	public LogEvent {
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(pattern, "pattern");
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(raw, "raw");
		if (lineNumber < 1) {
			throw new IllegalArgumentException("lineNumber must be >= 1: " + lineNumber);
		}
		if (offset < 0) {
			throw new IllegalArgumentException("offset must be >= 0: " + offset);
		}
		gwId = blankToNull(gwId);
		networkId = blankToNull(networkId);
		ip = blankToNull(ip);
		platform = blankToNull(platform);
		errorCode = blankToNull(errorCode);
		threadId = blankToNull(threadId);
		address = blankToNull(address);
		messageRef = blankToNull(messageRef);
		if (raw.length() > MAX_RAW_CHARS) {
			raw = raw.substring(0, MAX_RAW_CHARS);
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
