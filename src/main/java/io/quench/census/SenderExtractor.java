package io.quench.census;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A deliberately simple sender extraction for {@code census --by sender}, until the queue
 * parser ({@code io.quench.queue}) takes over. In order: the first {@code <EmailAddress>}
 * directly inside an {@code <Originator>}, {@code <Sender>} or {@code <From>} element;
 * else the first {@code MAIL FROM:} line (angle brackets and ESMTP parameters removed);
 * else the first {@code From:} header line (the address in angle brackets, or the whole
 * trimmed value). Folded headers and quoted '<' in display names are not handled.
 */
final class SenderExtractor {

	private static final byte[][] SENDER_ELEMENTS = { ascii("<Originator>"), ascii("<Sender>"), ascii("<From>") };

	private static final byte[] OPEN = ascii("<EmailAddress>");

	private static final byte[] CLOSE = ascii("</EmailAddress>");

	private SenderExtractor() {
	}

	/** The sender's address bytes, or null when none of the three rules finds one. */
	static byte[] extract(byte[] bytes, int length) {
		byte[] sender = fromXml(bytes, length);
		if (sender == null) {
			sender = fromLine(bytes, length, ascii("MAIL FROM:"));
		}
		if (sender == null) {
			sender = fromLine(bytes, length, ascii("From:"));
		}
		return sender;
	}

	private static byte[] fromXml(byte[] bytes, int length) {
		int best = -1;
		int bestEnd = -1;
		for (byte[] element : SENDER_ELEMENTS) {
			int at = indexOf(bytes, length, element, 0);
			if (at >= 0 && (best < 0 || at < best)) {
				best = at;
				bestEnd = at + element.length;
			}
		}
		if (best < 0) {
			return null;
		}
		int i = bestEnd;
		while (i < length && isSpace(bytes[i])) {
			i++;
		}
		if (i + OPEN.length > length || !Arrays.equals(bytes, i, i + OPEN.length, OPEN, 0, OPEN.length)) {
			return null;
		}
		int start = i + OPEN.length;
		int end = start;
		while (end < length && bytes[end] != '<' && bytes[end] != '\n') {
			end++;
		}
		if (end == start || end + CLOSE.length > length
				|| !Arrays.equals(bytes, end, end + CLOSE.length, CLOSE, 0, CLOSE.length)) {
			return null;
		}
		return Arrays.copyOfRange(bytes, start, end);
	}

	/**
	 * The address on the first line that starts with {@code prefix} (ASCII
	 * case-insensitive).
	 */
	private static byte[] fromLine(byte[] bytes, int length, byte[] prefix) {
		int line = 0;
		while (line < length) {
			int end = line;
			while (end < length && bytes[end] != '\n') {
				end++;
			}
			if (startsWithIgnoreCase(bytes, line, end, prefix)) {
				return address(bytes, line + prefix.length, end);
			}
			line = end + 1;
		}
		return null;
	}

	private static byte[] address(byte[] bytes, int from, int to) {
		int open = -1;
		for (int i = from; i < to; i++) {
			if (bytes[i] == '<') {
				open = i;
				break;
			}
		}
		if (open >= 0) {
			for (int i = open + 1; i < to; i++) {
				if (bytes[i] == '>') {
					return (i > open + 1) ? Arrays.copyOfRange(bytes, open + 1, i) : null;
				}
			}
			return null;
		}
		int start = from;
		while (start < to && isSpace(bytes[start])) {
			start++;
		}
		int end = start;
		while (end < to && !isSpace(bytes[end])) {
			end++;
		}
		return (end > start) ? Arrays.copyOfRange(bytes, start, end) : null;
	}

	private static boolean startsWithIgnoreCase(byte[] bytes, int from, int to, byte[] prefix) {
		if (to - from < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (lower(bytes[from + i]) != lower(prefix[i])) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(byte[] bytes, int length, byte[] needle, int from) {
		outer: for (int i = from; i + needle.length <= length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (bytes[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static boolean isSpace(byte b) {
		return b == ' ' || b == '\t' || b == '\r' || b == '\n';
	}

	private static byte lower(byte b) {
		return (b >= 'A' && b <= 'Z') ? (byte) (b + 32) : b;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
