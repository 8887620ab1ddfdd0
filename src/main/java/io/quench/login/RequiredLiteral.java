package io.quench.login;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a piece of literal text that every match of a regular expression must contain, so
 * the reader can skip the expression for lines without it ({@link String#contains} is far
 * cheaper than a regex that scans with {@code .*?}). Conservative: alternation, optional
 * parts, character classes, negative lookarounds, {@code \Q..\E} and case-insensitive or
 * comment flags contribute nothing; when in doubt the answer is the empty string, which
 * means "no pre-filter, always run the expression".
 */
final class RequiredLiteral {

	private final String re;

	private int pos;

	private boolean stopped;

	private RequiredLiteral(String re) {
		this.re = re;
	}

	/**
	 * The longest literal every match must contain.
	 * @param regex a valid {@link java.util.regex.Pattern} expression
	 * @return the literal, or {@code ""} if none could be proven
	 */
	static String of(String regex) {
		RequiredLiteral parser = new RequiredLiteral(regex);
		List<String> found = new ArrayList<>();
		parser.sequence(found);
		if (parser.stopped && regex.indexOf('|', parser.pos) >= 0) {
			// Parsing stopped early: an alternation further on could make any literal
			// optional.
			return "";
		}
		if (parser.pos < regex.length() && !parser.stopped) {
			// An unbalanced ')' cannot happen in a compiled pattern; be safe anyway.
			return "";
		}
		String best = "";
		for (String literal : found) {
			if (literal.length() > best.length()) {
				best = literal;
			}
		}
		return best;
	}

	/** Parses up to an unmatched ')' or the end; adds this sequence's literals to out. */
	private void sequence(List<String> out) {
		List<String> local = new ArrayList<>();
		StringBuilder run = new StringBuilder();
		boolean alternation = false;
		while (this.pos < this.re.length() && !this.stopped) {
			char c = this.re.charAt(this.pos);
			if (c == ')') {
				break;
			}
			if (c == '|') {
				alternation = true;
				flush(run, local);
				this.pos++;
			}
			else if (c == '(') {
				flush(run, local);
				group(local);
			}
			else if (c == '[') {
				flush(run, local);
				skipClass();
				skipQuantifier();
			}
			else if (c == '\\') {
				escape(run, local);
			}
			else if (c == '.' || c == '^' || c == '$' || c == '?' || c == '*' || c == '+' || c == '{') {
				flush(run, local);
				this.pos++;
				skipQuantifier();
			}
			else {
				this.pos++;
				literal(c, run, local);
			}
		}
		flush(run, local);
		if (!alternation) {
			out.addAll(local);
		}
	}

	private void escape(StringBuilder run, List<String> local) {
		if (this.pos + 1 >= this.re.length()) {
			this.stopped = true;
			return;
		}
		char n = this.re.charAt(this.pos + 1);
		this.pos += 2;
		if (!Character.isLetterOrDigit(n)) {
			literal(n, run, local);
			return;
		}
		flush(run, local);
		switch (n) {
			case 'Q' -> this.stopped = true;
			case 'p', 'P', 'x', 'N' -> {
				if (this.pos < this.re.length() && this.re.charAt(this.pos) == '{') {
					skipTo('}');
				}
				else {
					this.pos += (n == 'x') ? 2 : 1;
				}
			}
			case 'k' -> skipTo('>');
			case 'u' -> this.pos += 4;
			case 'c' -> this.pos += 1;
			case '0' -> {
				while (this.pos < this.re.length() && this.re.charAt(this.pos) >= '0'
						&& this.re.charAt(this.pos) <= '7') {
					this.pos++;
				}
			}
			default -> {
				// \d \s \w \b \t \n ... : not a literal character
			}
		}
		skipQuantifier();
	}

	private void literal(char c, StringBuilder run, List<String> local) {
		if (this.pos < this.re.length()) {
			char q = this.re.charAt(this.pos);
			if (q == '?' || q == '*'
					|| (q == '{' && this.pos + 1 < this.re.length() && this.re.charAt(this.pos + 1) == '0')) {
				flush(run, local);
				skipQuantifier();
				return;
			}
			if (q == '+' || q == '{') {
				run.append(c);
				flush(run, local);
				skipQuantifier();
				return;
			}
		}
		run.append(c);
	}

	private void group(List<String> out) {
		this.pos++; // '('
		boolean collect = true;
		if (this.pos < this.re.length() && this.re.charAt(this.pos) == '?') {
			String rest = this.re.substring(this.pos);
			if (rest.startsWith("?:") || rest.startsWith("?=") || rest.startsWith("?>")) {
				this.pos += 2;
			}
			else if (rest.startsWith("?<=") || rest.startsWith("?<!")) {
				this.pos += 3;
				collect = false;
			}
			else if (rest.startsWith("?!")) {
				this.pos += 2;
				collect = false;
			}
			else if (rest.startsWith("?<")) {
				skipTo('>');
			}
			else {
				// Inline flags: (?imsx-imsx) or (?imsx-imsx:...)
				int end = this.pos + 1;
				while (end < this.re.length() && "idmsuxU-".indexOf(this.re.charAt(end)) >= 0) {
					end++;
				}
				String flags = this.re.substring(this.pos + 1, end);
				boolean changesLiterals = flags.contains("i") || flags.contains("x") || flags.contains("U");
				if (end < this.re.length() && this.re.charAt(end) == ')') {
					this.pos = end + 1;
					if (changesLiterals) {
						this.stopped = true;
					}
					return;
				}
				this.pos = end + 1; // past ':'
				collect = !changesLiterals;
			}
		}
		List<String> inner = new ArrayList<>();
		sequence(inner);
		if (this.stopped) {
			return;
		}
		this.pos++; // ')'
		boolean optional = false;
		if (this.pos < this.re.length()) {
			char q = this.re.charAt(this.pos);
			optional = q == '?' || q == '*'
					|| (q == '{' && this.pos + 1 < this.re.length() && this.re.charAt(this.pos + 1) == '0');
		}
		skipQuantifier();
		if (collect && !optional) {
			out.addAll(inner);
		}
	}

	private void skipClass() {
		this.pos++; // '['
		if (this.pos < this.re.length() && this.re.charAt(this.pos) == '^') {
			this.pos++;
		}
		if (this.pos < this.re.length() && this.re.charAt(this.pos) == ']') {
			this.pos++;
		}
		while (this.pos < this.re.length()) {
			char c = this.re.charAt(this.pos);
			if (c == '\\') {
				this.pos += 2;
			}
			else if (c == '[') {
				skipClass();
			}
			else if (c == ']') {
				this.pos++;
				return;
			}
			else {
				this.pos++;
			}
		}
	}

	private void skipQuantifier() {
		if (this.pos >= this.re.length()) {
			return;
		}
		char q = this.re.charAt(this.pos);
		if (q == '?' || q == '*' || q == '+') {
			this.pos++;
		}
		else if (q == '{') {
			skipTo('}');
		}
		else {
			return;
		}
		if (this.pos < this.re.length() && (this.re.charAt(this.pos) == '?' || this.re.charAt(this.pos) == '+')) {
			this.pos++;
		}
	}

	private void skipTo(char end) {
		int at = this.re.indexOf(end, this.pos);
		this.pos = (at < 0) ? this.re.length() : at + 1;
	}

	private static void flush(StringBuilder run, List<String> out) {
		if (run.length() > 0) {
			out.add(run.toString());
			run.setLength(0);
		}
	}

}
