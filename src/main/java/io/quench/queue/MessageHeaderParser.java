package io.quench.queue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.io.MaxHeaderLimitException;
import org.apache.james.mime4j.stream.DefaultFieldBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.util.ByteArrayBuffer;

import io.quench.queue.EnvelopeAddress.Role;

/**
 * Splits and decodes an RFC 5322 header block with Apache Mime4j: folded lines, RFC 2047
 * encoded words in any charset Java knows (with the RFC 2231 language suffix), raw 8-bit
 * bytes (UTF-8 if valid, else windows-1252), a lenient Date, the Received chain's first
 * hop.
 */
final class MessageHeaderParser {

	/**
	 * Reading stops at this many header fields. Real header blocks have 20 to 100 fields;
	 * long Received chains and list headers stay well below 1000.
	 */
	static final int MAX_HEADER_COUNT = 1000;

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	/**
	 * RFC 2231 section 5: {@code =?charset*language?...}; Mime4j knows no language
	 * suffix.
	 */
	private static final Pattern ENCODED_WORD_LANGUAGE = Pattern.compile("=\\?([^?*\\s]+)\\*[^?\\s]*\\?");

	/** Day names in {@link java.time.DayOfWeek} order, as RFC 5322 writes them. */
	private static final String[] WEEKDAYS = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

	private static final String[] MONTHS = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
			"Nov", "Dec" };

	/**
	 * One field builder per parsing thread, reset for each field: Mime4j builds and
	 * checks each field; the lines come from the header block, already read.
	 */
	private final ThreadLocal<FieldReader> fieldReaders;

	MessageHeaderParser(int headerCap) {
		this.fieldReaders = ThreadLocal.withInitial(() -> new FieldReader(headerCap));
	}

	/**
	 * Parses the header block into {@link ParseContext#headers} and
	 * {@link ParseContext#headerSender}.
	 * @param block the header lines (see {@link HeaderBlock})
	 * @param context receives headers and warnings
	 * @param addressesFromHeaders also record Sender/From/Return-Path and To/Cc/Bcc as
	 * the file's addresses (dialect (d), which has no envelope)
	 */
	void parse(byte[] block, ParseContext context, boolean addressesFromHeaders) {
		Collected c = new Collected();
		int[] fields = { 0 };
		String stopped = readFields(block, (field) -> {
			fields[0]++;
			field(field, c, context);
		});
		if (stopped != null) {
			context.warn("message headers read only in part: " + stopped);
		}
		if (fields[0] == 0) {
			context.warn("no message headers found");
		}
		context.headers = new MessageHeaders(c.subject, c.from, c.to, c.cc, c.date, c.messageId, c.firstReceivedHop,
				(c.xMailer != null) ? c.xMailer : c.userAgent);
		List<String> senders = new ArrayList<>();
		senders.addAll(c.senderAddresses);
		senders.addAll(c.fromAddresses);
		senders.addAll(c.returnPathAddresses);
		if (!senders.isEmpty()) {
			context.headerSender = senders.get(0);
		}
		if (addressesFromHeaders) {
			c.senderAddresses.forEach((a) -> context.address(a, Role.SENDER, "Sender:"));
			c.fromAddresses.forEach((a) -> context.address(a, Role.SENDER, "From:"));
			c.returnPathAddresses.forEach((a) -> context.address(a, Role.SENDER, "Return-Path:"));
			c.toAddresses.forEach((a) -> context.address(a, Role.RECIPIENT, "To:"));
			c.ccAddresses.forEach((a) -> context.address(a, Role.RECIPIENT, "Cc:"));
			c.bccAddresses.forEach((a) -> context.address(a, Role.RECIPIENT, "Bcc:"));
		}
	}

	/**
	 * Reads the block's fields in order, as Mime4j's token stream would (non-strict): a
	 * malformed field (no colon, a bad name) is skipped, and reading stops after
	 * {@link #MAX_HEADER_COUNT} fields (malformed ones included) or at a field longer
	 * than the header cap.
	 * @param block the header lines (see {@link HeaderBlock})
	 * @param each receives each field, valid only during the call
	 * @return null if the whole block was read, else why reading stopped
	 */
	String readFields(byte[] block, Consumer<Field> each) {
		FieldReader reader = this.fieldReaders.get();
		try {
			int at = 0;
			for (int attempted = 0; at < block.length; attempted++) {
				if (attempted >= MAX_HEADER_COUNT) {
					throw new MaxHeaderLimitException("Maximum header limit exceeded");
				}
				at = reader.next(block, at);
				RawField field;
				try {
					field = reader.builder.build();
				}
				catch (MimeException ex) {
					continue;
				}
				each.accept(field);
			}
			return null;
		}
		catch (MimeException ex) {
			return ex.getMessage();
		}
	}

	private void field(Field field, Collected c, ParseContext context) {
		String name = field.getName().strip();
		String raw = rawValue(field, name, context);
		String value = unfold(raw);
		switch (name.toLowerCase(Locale.ROOT)) {
			case "subject" -> c.subject = first(c.subject, decodeWords(value));
			case "from" -> {
				c.from = first(c.from, decodeWords(value));
				c.fromAddresses.addAll(addresses(value, name, context));
			}
			case "sender" -> c.senderAddresses.addAll(addresses(value, name, context));
			case "return-path" -> c.returnPathAddresses.addAll(addresses(value, name, context));
			case "to" -> {
				c.to = first(c.to, decodeWords(value));
				c.toAddresses.addAll(addresses(value, name, context));
			}
			case "cc" -> {
				c.cc = first(c.cc, decodeWords(value));
				c.ccAddresses.addAll(addresses(value, name, context));
			}
			case "bcc" -> c.bccAddresses.addAll(addresses(value, name, context));
			case "date" -> {
				if (c.date == null) {
					c.date = date(value, context);
				}
			}
			case "message-id" -> c.messageId = first(c.messageId, cap(ParseContext.normalise(value)));
			// Each hop adds its Received on top, so the last one read is the first hop.
			case "received" -> c.firstReceivedHop = cap(collapseWhitespace(value).strip());
			case "x-mailer" -> c.xMailer = first(c.xMailer, decodeWords(value));
			case "user-agent" -> c.userAgent = first(c.userAgent, decodeWords(value));
			default -> {
			}
		}
	}

	/** The field's value bytes, decoded as UTF-8 if valid, else windows-1252. */
	private static String rawValue(Field field, String name, ParseContext context) {
		byte[] raw = (field.getRaw() != null) ? field.getRaw().toByteArray() : null;
		if (raw == null) {
			return (field.getBody() != null) ? field.getBody() : "";
		}
		int colon = 0;
		while (colon < raw.length && raw[colon] != ':') {
			colon++;
		}
		int start = Math.min(colon + 1, raw.length);
		boolean eightBit = false;
		for (int i = start; i < raw.length; i++) {
			if (raw[i] < 0) {
				eightBit = true;
				break;
			}
		}
		if (!eightBit) {
			return new String(raw, start, raw.length - start, StandardCharsets.US_ASCII);
		}
		try {
			String utf8 = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(raw, start, raw.length - start))
				.toString();
			context.warn("raw 8-bit bytes in header " + name + ": read as UTF-8");
			return utf8;
		}
		catch (CharacterCodingException ex) {
			context.warn("raw 8-bit bytes in header " + name + ": not UTF-8, read as windows-1252");
			return new String(raw, start, raw.length - start, WINDOWS_1252);
		}
	}

	/**
	 * Replaces each run of whitespace ({@code \\s}: space, tab, line feed, vertical tab,
	 * form feed, carriage return) by one space, without a regular expression.
	 */
	static String collapseWhitespace(String value) {
		StringBuilder collapsed = null;
		int i = 0;
		while (i < value.length()) {
			char c = value.charAt(i);
			if (!isRegexWhitespace(c)) {
				if (collapsed != null) {
					collapsed.append(c);
				}
				i++;
				continue;
			}
			int end = i + 1;
			while (end < value.length() && isRegexWhitespace(value.charAt(end))) {
				end++;
			}
			if (collapsed == null) {
				if (c == ' ' && end == i + 1) {
					// A single space stays as it is.
					i = end;
					continue;
				}
				collapsed = new StringBuilder(value.length()).append(value, 0, i);
			}
			collapsed.append(' ');
			i = end;
		}
		return (collapsed != null) ? collapsed.toString() : value;
	}

	private static boolean isRegexWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	private static String unfold(String value) {
		return value.replace("\r", "").replace("\n", "").strip();
	}

	static String decodeWords(String value) {
		if (!value.isEmpty() && !value.contains("=?")) {
			// No encoded word: Mime4j would return the value as it is.
			return cap(value.strip());
		}
		String text = (value.indexOf('*') >= 0) ? ENCODED_WORD_LANGUAGE.matcher(value).replaceAll("=?$1?") : value;
		try {
			text = DecoderUtil.decodeEncodedWords(text, DecodeMonitor.SILENT);
		}
		catch (RuntimeException ex) {
			// Leave the words encoded rather than lose the header.
		}
		return cap(text.strip());
	}

	private static List<String> addresses(String value, String name, ParseContext context) {
		List<String> result = new ArrayList<>();
		try {
			AddressList list = LenientAddressParser.DEFAULT.parseAddressList(value);
			for (Mailbox mailbox : list.flatten()) {
				if (mailbox.getAddress() != null && !mailbox.getAddress().isBlank()) {
					result.add(mailbox.getAddress());
				}
			}
		}
		catch (RuntimeException ex) {
			context.warn("unreadable addresses in " + name + ": " + ex.getMessage());
		}
		return result;
	}

	private static Instant date(String value, ParseContext context) {
		Instant canonical = canonicalDate(value);
		if (canonical != null) {
			return canonical;
		}
		try {
			DateTimeField field = DateTimeFieldLenientImpl.PARSER.parse(new RawField("Date", value),
					DecodeMonitor.SILENT);
			Date date = field.getDate();
			if (date != null) {
				return date.toInstant();
			}
		}
		catch (RuntimeException ex) {
			// Reported below.
		}
		context.warn("unparseable Date: " + cap(value));
		return null;
	}

	/**
	 * The instant of a Date in the form nearly every mailer writes, {@code Sun, 29 Nov
	 * 2026 21:33:23 +0100}, read without java.time's formatter (a few microseconds a
	 * header); null for anything else, which Mime4j's lenient parser then reads. Only
	 * values that parser reads unambiguously are taken: the day of the week must fit the
	 * date and every field must be in range, so the result is the same.
	 */
	static Instant canonicalDate(String value) {
		// "Www, D MMM YYYY HH:MM:SS +HHMM", the day with one or two digits.
		int length = value.length();
		if (length != 31 && length != 30) {
			return null;
		}
		int d = (length == 31) ? 1 : 0;
		if (value.charAt(3) != ',' || value.charAt(4) != ' ' || value.charAt(6 + d) != ' '
				|| value.charAt(10 + d) != ' ' || value.charAt(15 + d) != ' ' || value.charAt(18 + d) != ':'
				|| value.charAt(21 + d) != ':' || value.charAt(24 + d) != ' ') {
			return null;
		}
		int weekday = indexOf(WEEKDAYS, value, 0);
		int month = indexOf(MONTHS, value, 7 + d);
		int day = digits(value, 5, 1 + d);
		int year = digits(value, 11 + d, 4);
		int hour = digits(value, 16 + d, 2);
		int minute = digits(value, 19 + d, 2);
		int second = digits(value, 22 + d, 2);
		char sign = value.charAt(25 + d);
		int offsetHours = digits(value, 26 + d, 2);
		int offsetMinutes = digits(value, 28 + d, 2);
		if (weekday < 0 || month < 0 || day < 1 || year < 1000 || hour < 0 || hour > 23 || minute < 0 || minute > 59
				|| second < 0 || second > 59 || (sign != '+' && sign != '-') || offsetHours < 0 || offsetHours > 14
				|| offsetMinutes < 0 || offsetMinutes > 59) {
			return null;
		}
		if (day > YearMonth.of(year, month + 1).lengthOfMonth()) {
			return null;
		}
		LocalDate date = LocalDate.of(year, month + 1, day);
		if (date.getDayOfWeek().ordinal() != weekday) {
			return null;
		}
		int offsetSeconds = ((sign == '-') ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
		return LocalDateTime.of(date, LocalTime.of(hour, minute, second))
			.toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
	}

	/** The index of the three letters at {@code at} in {@code names}, or -1. */
	private static int indexOf(String[] names, String value, int at) {
		for (int i = 0; i < names.length; i++) {
			if (value.startsWith(names[i], at)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The number written with exactly {@code count} ASCII digits at {@code at}, or -1.
	 */
	private static int digits(String value, int at, int count) {
		int n = 0;
		for (int i = at; i < at + count; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			n = n * 10 + (c - '0');
		}
		return n;
	}

	private static String first(String current, String candidate) {
		return (current != null) ? current : candidate;
	}

	private static String cap(String value) {
		if (value.length() <= QueueFileParser.MAX_HEADER_VALUE_CHARS) {
			return value;
		}
		return value.substring(0, QueueFileParser.MAX_HEADER_VALUE_CHARS - 1) + "\u2026";
	}

	/** The header values collected so far (first occurrence wins, except Received). */
	private static final class Collected {

		String subject;

		String from;

		String to;

		String cc;

		Instant date;

		String messageId;

		String firstReceivedHop;

		String xMailer;

		String userAgent;

		final List<String> senderAddresses = new ArrayList<>();

		final List<String> fromAddresses = new ArrayList<>();

		final List<String> returnPathAddresses = new ArrayList<>();

		final List<String> toAddresses = new ArrayList<>();

		final List<String> ccAddresses = new ArrayList<>();

		final List<String> bccAddresses = new ArrayList<>();

	}

	/**
	 * Groups a header block's lines into fields for Mime4j's {@link DefaultFieldBuilder},
	 * as Mime4j's own stream does: a line that starts with a space or a tab continues the
	 * field before it (the block's first line always starts a field), each field ends
	 * before the next line that does not. The block comes from {@link HeaderBlock}: lines
	 * ending in CRLF, no empty line, at most the header cap.
	 */
	private static final class FieldReader {

		final DefaultFieldBuilder builder;

		private final ByteArrayBuffer line = new ByteArrayBuffer(256);

		FieldReader(int maxFieldBytes) {
			this.builder = new DefaultFieldBuilder(maxFieldBytes);
		}

		/**
		 * Hands the field that starts at {@code at} to the builder, line by line.
		 * @return where the next field starts
		 * @throws MimeException if the field is longer than the builder takes
		 */
		int next(byte[] block, int at) throws MimeException {
			this.builder.reset();
			int position = at;
			do {
				int end = position;
				while (end < block.length && block[end] != '\n') {
					end++;
				}
				end = Math.min(end + 1, block.length);
				this.line.clear();
				this.line.append(block, position, end - position);
				this.builder.append(this.line);
				position = end;
			}
			while (position < block.length && (block[position] == ' ' || block[position] == '\t'));
			return position;
		}

	}

}
