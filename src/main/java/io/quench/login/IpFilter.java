package io.quench.login;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IP filter of the Logins pages: an exact address as the log writes it, or an IPv4
 * network of prefix length 8, 16 or 24 in CIDR notation ({@code 10.1.2.0/24}), matched as
 * a prefix of the address text ({@code 10.1.2.}). The host part of the CIDR address is
 * ignored. Other prefix lengths and IPv6 networks are refused: log addresses are text,
 * and only whole octets are a text prefix.
 *
 * @param exact the address, or null
 * @param prefix the address text's prefix, or null
 */
record IpFilter(String exact, String prefix) {

	/** Longest address text a log line carries (the column's width). */
	static final int MAX_LENGTH = 64;

	private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

	private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+");

	static final IpFilter NONE = new IpFilter(null, null);

	/** The filter for what the operator typed; blank is no filter. */
	static IpFilter parse(String value) {
		if (value == null || value.isBlank()) {
			return NONE;
		}
		String text = value.strip();
		if (text.length() > MAX_LENGTH + 3) {
			throw new InvalidLoginQueryException("IP too long");
		}
		if (text.contains("/")) {
			Matcher m = CIDR.matcher(text);
			if (!m.matches()) {
				throw new InvalidLoginQueryException("only IPv4 /8, /16 or /24 networks");
			}
			int[] octets = new int[4];
			for (int i = 0; i < 4; i++) {
				octets[i] = Integer.parseInt(m.group(i + 1));
				if (octets[i] > 255) {
					throw new InvalidLoginQueryException("not an IPv4 address");
				}
			}
			int bits = Integer.parseInt(m.group(5));
			if (bits != 8 && bits != 16 && bits != 24) {
				throw new InvalidLoginQueryException("only IPv4 /8, /16 or /24 networks");
			}
			StringBuilder prefix = new StringBuilder();
			for (int i = 0; i < bits / 8; i++) {
				prefix.append(octets[i]).append('.');
			}
			return new IpFilter(null, prefix.toString());
		}
		if (!ADDRESS.matcher(text).matches()) {
			throw new InvalidLoginQueryException("not an IP address");
		}
		return new IpFilter(text, null);
	}

	boolean none() {
		return this.exact == null && this.prefix == null;
	}

}
