package io.quench.suspect;

import java.util.List;

/**
 * One reason for points: a message code ({@code suspect.reason.<code>} in
 * messages.properties) and the numbers it shows.
 */
record Reason(String code, int points, List<Object> args) {

	Reason {
		args = List.copyOf(args);
	}

	static Reason of(String code, int points, Object... args) {
		return new Reason(code, points, List.of(args));
	}

}
