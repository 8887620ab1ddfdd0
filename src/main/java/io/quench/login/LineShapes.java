package io.quench.login;

/**
 * Reduces a log line to its shape: the fixed words kept, the variable parts replaced by
 * placeholders (see {@link LineShape#shape()}). Hand-written single pass, no regular
 * expressions: it runs on every unmatched line, which in a POA log is most lines.
 */
final class LineShapes {

	private LineShapes() {
	}

	static String shapeOf(String line) {
		int n = line.length();
		StringBuilder out = new StringBuilder(Math.min(n, ShapeCounter.MAX_SHAPE_CHARS) + 16);
		int i = 0;
		int time = LineHead.timeEnd(line);
		if (time > 0) {
			out.append("<time>");
			i = time;
			int thread = LineHead.threadEnd(line, i);
			if (thread > 0) {
				out.append(" <thread>");
				i = thread;
			}
		}
		boolean afterEquals = false;
		while (i < n && out.length() < ShapeCounter.MAX_SHAPE_CHARS) {
			char c = line.charAt(i);
			if (c == '"') {
				int close = line.indexOf('"', i + 1);
				i = (close < 0) ? n : close + 1;
				out.append("<str>");
				afterEquals = false;
			}
			else if (isTokenChar(c)) {
				int end = i + 1;
				while (end < n && isTokenChar(line.charAt(end))) {
					end++;
				}
				// Trailing punctuation belongs to the sentence, not the token.
				int tokenEnd = end;
				while (tokenEnd > i + 1 && isTrailingPunctuation(line.charAt(tokenEnd - 1))) {
					tokenEnd--;
				}
				if (afterEquals) {
					out.append("<v>");
				}
				else {
					token(line, i, tokenEnd, out);
				}
				out.append(line, tokenEnd, end);
				i = end;
				afterEquals = false;
			}
			else {
				afterEquals = c == '=';
				out.append(c);
				i++;
			}
		}
		if (out.length() > ShapeCounter.MAX_SHAPE_CHARS) {
			out.setLength(ShapeCounter.MAX_SHAPE_CHARS);
		}
		return out.toString();
	}

	private static void token(String s, int from, int to, StringBuilder out) {
		if (isEmail(s, from, to)) {
			out.append("<email>");
		}
		else if (isIpv4(s, from, to) || isIpv6(s, from, to)) {
			out.append("<ip>");
		}
		else {
			// Words, numbers, hex ids, dotted names: classify each part between
			// separators.
			int part = from;
			for (int i = from; i <= to; i++) {
				if (i == to || isSeparator(s.charAt(i))) {
					part(s, part, i, out);
					if (i < to) {
						out.append(s.charAt(i));
					}
					part = i + 1;
				}
			}
		}
	}

	private static void part(String s, int from, int to, StringBuilder out) {
		if (from == to) {
			return;
		}
		int digits = 0;
		int hexLetters = 0;
		for (int i = from; i < to; i++) {
			char c = s.charAt(i);
			if (c >= '0' && c <= '9') {
				digits++;
			}
			else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
				hexLetters++;
			}
		}
		int length = to - from;
		if (digits == length) {
			out.append("<n>");
		}
		else if (digits > 0 && digits + hexLetters == length && length >= 3) {
			out.append("<hex>");
		}
		else if (digits == 0) {
			out.append(s, from, to);
		}
		else {
			boolean inDigits = false;
			for (int i = from; i < to; i++) {
				char c = s.charAt(i);
				boolean digit = c >= '0' && c <= '9';
				if (digit && !inDigits) {
					out.append("<n>");
				}
				else if (!digit) {
					out.append(c);
				}
				inDigits = digit;
			}
		}
	}

	private static boolean isEmail(String s, int from, int to) {
		int at = s.indexOf('@', from);
		return at > from && at < to - 3 && s.indexOf('.', at) > at + 1 && s.indexOf('.', at) < to - 1;
	}

	private static boolean isIpv4(String s, int from, int to) {
		int dots = 0;
		int run = 0;
		int i = from;
		for (; i < to; i++) {
			char c = s.charAt(i);
			if (c >= '0' && c <= '9') {
				if (++run > 3) {
					return false;
				}
			}
			else if (c == '.' && run > 0 && dots < 3) {
				dots++;
				run = 0;
			}
			else {
				break;
			}
		}
		if (dots != 3 || run == 0) {
			return false;
		}
		if (i == to) {
			return true;
		}
		// host:port
		if (s.charAt(i) != ':' || i + 1 == to) {
			return false;
		}
		for (int j = i + 1; j < to; j++) {
			if (s.charAt(j) < '0' || s.charAt(j) > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean isIpv6(String s, int from, int to) {
		int colons = 0;
		boolean hex = false;
		boolean doubleColon = false;
		for (int i = from; i < to; i++) {
			char c = s.charAt(i);
			if (c == ':') {
				colons++;
				if (i > from && s.charAt(i - 1) == ':') {
					doubleColon = true;
				}
			}
			else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
				hex = true;
			}
			else if (c != '.') {
				return false;
			}
		}
		return hex && colons >= 2 && (doubleColon || colons >= 7);
	}

	private static boolean isTokenChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
				|| c == '%' || c == '+' || c == '-' || c == '@' || c == ':'
				|| (c > 127 && Character.isLetterOrDigit(c));
	}

	private static boolean isSeparator(char c) {
		return c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '@' || c == ':';
	}

	private static boolean isTrailingPunctuation(char c) {
		return c == '.' || c == ':' || c == '-' || c == '_';
	}

}
