package io.quench.user;

import java.security.SecureRandom;

/**
 * Rules for operator passwords and the generator for temporary ones.
 */
final class PasswordPolicy {

	/** NIST SP 800-63B asks for at least 8; consoles that move mail get 12. */
	static final int MIN_LENGTH = 12;

	/** bcrypt reads at most 72 bytes; longer input would be silently cut. */
	static final int MAX_LENGTH = 72;

	/** 20 characters from 56 unambiguous symbols: about 116 bits. */
	private static final int GENERATED_LENGTH = 20;

	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private PasswordPolicy() {
	}

	/**
	 * The message key of the first rule the password breaks, or null when it is
	 * acceptable.
	 */
	static String violation(String username, String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			return "password.tooShort";
		}
		if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
			return "password.tooLong";
		}
		if (password.toLowerCase(java.util.Locale.ROOT).contains(username)) {
			return "password.containsUsername";
		}
		return null;
	}

	static String generate() {
		char[] out = new char[GENERATED_LENGTH];
		for (int i = 0; i < out.length; i++) {
			out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(out);
	}

}
