package io.quench.login;

/**
 * Reads the {@code HH:MM:SS <hex thread>} that starts every agent log line, without
 * regular expressions (it runs on every line). Hours may have one digit.
 */
final class LineHead {

	private LineHead() {
	}

	/**
	 * The end of a leading {@code H:MM:SS} or {@code HH:MM:SS}.
	 * @param s the line
	 * @return the index after the seconds, or -1 if the line does not start with a time
	 */
	static int timeEnd(CharSequence s) {
		int n = s.length();
		int h = (n > 1 && isDigit(s.charAt(1))) ? 2 : 1;
		if (n < h + 6 || !isDigit(s.charAt(0)) || s.charAt(h) != ':' || !isDigit(s.charAt(h + 1))
				|| !isDigit(s.charAt(h + 2)) || s.charAt(h + 3) != ':' || !isDigit(s.charAt(h + 4))
				|| !isDigit(s.charAt(h + 5))) {
			return -1;
		}
		if (n > h + 6 && isDigit(s.charAt(h + 6))) {
			return -1;
		}
		return h + 6;
	}

	/**
	 * The seconds since midnight of a leading time.
	 * @param s the line
	 * @return seconds, or -1 if the line does not start with a valid time
	 */
	static int secondOfDay(CharSequence s) {
		int end = timeEnd(s);
		if (end < 0) {
			return -1;
		}
		int hours = (end == 8) ? (s.charAt(0) - '0') * 10 + (s.charAt(1) - '0') : s.charAt(0) - '0';
		int minutes = (s.charAt(end - 5) - '0') * 10 + (s.charAt(end - 4) - '0');
		int seconds = (s.charAt(end - 2) - '0') * 10 + (s.charAt(end - 1) - '0');
		if (hours > 23 || minutes > 59 || seconds > 59) {
			return -1;
		}
		return hours * 3600 + minutes * 60 + seconds;
	}

	/**
	 * The end of the hexadecimal thread id after the time.
	 * @param s the line
	 * @param timeEnd the index after the time
	 * @return the index after the thread id, or -1 if no thread id follows (spaces, then
	 * hex digits, then a space or the end of the line)
	 */
	static int threadEnd(CharSequence s, int timeEnd) {
		int n = s.length();
		int i = timeEnd;
		while (i < n && s.charAt(i) == ' ') {
			i++;
		}
		if (i == timeEnd) {
			return -1;
		}
		int start = i;
		while (i < n && isHex(s.charAt(i))) {
			i++;
		}
		if (i == start || (i < n && s.charAt(i) != ' ' && s.charAt(i) != '\t')) {
			return -1;
		}
		return i;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isHex(char c) {
		return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

}
