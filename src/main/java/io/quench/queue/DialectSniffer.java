package io.quench.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Tells a queue file's dialect from its first bytes, after a UTF-8 BOM and leading
 * whitespace.
 */
final class DialectSniffer {

	/**
	 * The first 8 KiB are enough to tell text from binary and to see the first two lines
	 * of an SMTP script (a domain and a HELO line are each well under 1 KiB).
	 */
	static final int SNIFF_BYTES = 8 * 1024;

	/**
	 * Text in any charset has (next to) no C0 control bytes other than tab, CR, LF, FF
	 * and ESC (ISO-2022-JP); random or GroupWise binary data has about one in nine. 5%
	 * separates the two with a wide margin.
	 */
	static final double MAX_CONTROL_SHARE = 0.05;

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	/** 0x20 in every byte: a byte below it borrows in {@code word - SPACES}. */
	private static final long SPACES = 0x2020202020202020L;

	private static final long DELS = 0x7F7F7F7F7F7F7F7FL;

	private static final long HIGHS = 0x8080808080808080L;

	private static final Pattern DOMAIN = Pattern
		.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)*[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.?"
				+ "|\\[[0-9A-Fa-f.:]+\\]");

	private static final Pattern GREETING = Pattern.compile("(?i)(HELO|EHLO)(\\s.*)?");

	private static final Pattern MAIL_FROM = Pattern.compile("(?i)MAIL FROM:.*");

	/**
	 * A header field name (printable ASCII but colon) and a colon, RFC 5322 section 2.2.
	 */
	private static final Pattern HEADER = Pattern.compile("[!-9;-~]+[ \\t]*:.*");

	private DialectSniffer() {
	}

	/**
	 * What the first bytes say.
	 *
	 * @param kind the kind of content
	 * @param skip the number of leading bytes (BOM, whitespace) to skip before parsing
	 * @param problem why the file is not parsed, for {@link Kind#EMPTY},
	 * {@link Kind#BINARY} and {@link Kind#UNKNOWN}
	 */
	record Sniff(Kind kind, int skip, String problem) {
	}

	enum Kind {

		EMPTY, BINARY, XML, SMTP_SCRIPT, RFC5322, UNKNOWN

	}

	static Sniff sniff(byte[] head, int length) {
		if (length == 0) {
			return new Sniff(Kind.EMPTY, 0, "empty file");
		}
		int controls = 0;
		int i = 0;
		while (i < length) {
			if (i + 8 <= length) {
				// Eight bytes at a time: most words of text hold no byte below 0x20 and
				// no
				// DEL, and are skipped; a word that does is looked at byte by byte.
				long word = (long) LONGS.get(head, i);
				long del = word ^ DELS;
				if (((((word - SPACES) & ~word) | ((del - ONES) & ~del)) & HIGHS) == 0) {
					i += 8;
					continue;
				}
			}
			int end = Math.min(i + 8, length);
			for (; i < end; i++) {
				int b = head[i] & 0xff;
				if (b == 0) {
					return new Sniff(Kind.BINARY, 0, "binary file: NUL bytes in the first " + SNIFF_BYTES + " bytes");
				}
				if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) || b == 0x7f) {
					controls++;
				}
			}
		}
		if (controls > length * MAX_CONTROL_SHARE) {
			return new Sniff(Kind.BINARY, 0,
					"binary file: " + controls + " control bytes in the first " + length + " bytes");
		}
		int skip = 0;
		if (length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
			skip = 3;
		}
		while (skip < length && isWhitespace(head[skip])) {
			skip++;
		}
		if (skip == length) {
			return new Sniff(Kind.EMPTY, skip, "empty file (whitespace only)");
		}
		if (head[skip] == '<') {
			return new Sniff(Kind.XML, skip, null);
		}
		String first = line(head, skip, length);
		int secondStart = skip + first.length();
		while (secondStart < length && (head[secondStart] == '\r' || head[secondStart] == '\n')) {
			secondStart++;
		}
		String firstLine = first.strip();
		if (MAIL_FROM.matcher(firstLine).matches() || GREETING.matcher(firstLine).matches()) {
			return new Sniff(Kind.SMTP_SCRIPT, skip, null);
		}
		if (DOMAIN.matcher(firstLine).matches() && secondStart < length
				&& GREETING.matcher(line(head, secondStart, length).strip()).matches()) {
			return new Sniff(Kind.SMTP_SCRIPT, skip, null);
		}
		if (HEADER.matcher(firstLine).matches() || firstLine.startsWith("From ")) {
			return new Sniff(Kind.RFC5322, skip, null);
		}
		return new Sniff(Kind.UNKNOWN, skip, "no known dialect");
	}

	private static boolean isWhitespace(byte b) {
		return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f';
	}

	/**
	 * The line starting at {@code start}, without its line end (ISO-8859-1, one char a
	 * byte).
	 */
	private static String line(byte[] head, int start, int length) {
		int end = start;
		while (end < length && head[end] != '\n' && head[end] != '\r') {
			end++;
		}
		return new String(head, start, end - start, StandardCharsets.ISO_8859_1);
	}

}
