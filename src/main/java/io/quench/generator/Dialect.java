package io.quench.generator;

/** The four queue-file dialects of {@code docs/formats.md}. */
public enum Dialect {

	/** (a) XML envelope, then the RFC 5322 message. */
	A,

	/** (b) XML throughout, the message base64 in {@code MimeContent}. */
	B,

	/** (c) Legacy SMTP script with mixed line ends. */
	C,

	/** (d) Bare RFC 5322 message. */
	D;

	/** {@code a}, {@code b}, {@code c} or {@code d}, any case. */
	public static Dialect of(String letter) {
		return switch (letter.trim().toLowerCase(java.util.Locale.ROOT)) {
			case "a" -> A;
			case "b" -> B;
			case "c" -> C;
			case "d" -> D;
			default -> throw new IllegalArgumentException("unknown dialect " + letter + " (a, b, c or d)");
		};
	}

}
