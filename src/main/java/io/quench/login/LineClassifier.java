package io.quench.login;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The compiled form of {@link LogPatterns} for one reader: per log kind, the patterns in
 * order, each with the literal its matches must contain. A line is tested for each
 * distinct literal at most once ({@link String#contains}); only patterns whose literal is
 * present run their expression. Matchers are reused, so an instance is confined to one
 * thread.
 */
final class LineClassifier {

	private final Map<LogKind, Kind> kinds = new EnumMap<>(LogKind.class);

	LineClassifier(LogPatterns patterns) {
		for (LogKind kind : LogKind.values()) {
			this.kinds.put(kind, new Kind(patterns.forKind(kind)));
		}
	}

	/**
	 * The first pattern of the kind matching the line.
	 * @param kind the log kind
	 * @param line the line
	 * @return the match, or {@code null}
	 */
	Match classify(LogKind kind, String line) {
		return this.kinds.get(kind).classify(line);
	}

	/** A successful match: read groups before the next {@code classify} call. */
	static final class Match {

		final LinePattern pattern;

		private final Matcher matcher;

		private final Set<String> groups;

		Match(LinePattern pattern, Matcher matcher, Set<String> groups) {
			this.pattern = pattern;
			this.matcher = matcher;
			this.groups = groups;
		}

		/**
		 * A named group's text.
		 * @param name one of {@link LinePattern#GROUPS}
		 * @return the text, or {@code null} if the pattern has no such group or it did
		 * not participate
		 */
		String group(String name) {
			return this.groups.contains(name) ? this.matcher.group(name) : null;
		}

	}

	private static final class Kind {

		private final Match[] matches;

		private final int[] literalIndex;

		private final String[] literals;

		private final byte[] literalState;

		Kind(List<LinePattern> patterns) {
			this.matches = new Match[patterns.size()];
			this.literalIndex = new int[patterns.size()];
			List<String> distinct = new ArrayList<>();
			for (int i = 0; i < patterns.size(); i++) {
				LinePattern p = patterns.get(i);
				this.matches[i] = new Match(p, LinePattern.compile(p.name(), p.regex()).matcher(""),
						LinePattern.groupNames(p.regex()));
				String literal = RequiredLiteral.of(p.regex());
				if (literal.isEmpty()) {
					this.literalIndex[i] = -1;
				}
				else {
					int at = distinct.indexOf(literal);
					if (at < 0) {
						at = distinct.size();
						distinct.add(literal);
					}
					this.literalIndex[i] = at;
				}
			}
			this.literals = distinct.toArray(new String[0]);
			this.literalState = new byte[this.literals.length];
		}

		Match classify(String line) {
			java.util.Arrays.fill(this.literalState, (byte) 0);
			for (int i = 0; i < this.matches.length; i++) {
				int literal = this.literalIndex[i];
				if (literal >= 0) {
					byte state = this.literalState[literal];
					if (state == 0) {
						state = line.contains(this.literals[literal]) ? (byte) 1 : (byte) 2;
						this.literalState[literal] = state;
					}
					if (state == 2) {
						continue;
					}
				}
				Match match = this.matches[i];
				if (match.matcher.reset(line).find()) {
					return match;
				}
			}
			return null;
		}

	}

}
