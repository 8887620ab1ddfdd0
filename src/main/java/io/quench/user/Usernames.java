package io.quench.user;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * User names are case-insensitive: stored and compared in lower case.
 */
final class Usernames {

	private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

	private Usernames() {
	}

	static String normalize(String username) {
		return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
	}

	static boolean isValid(String normalized) {
		return VALID.matcher(normalized).matches();
	}

}
