package io.quench.suspect;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Client addresses of trusted applications, as single IPs or CIDR blocks (IPv4 and IPv6).
 * Only literal addresses are accepted: a host name would need DNS.
 */
final class TrustedHosts {

	private record Block(byte[] network, int prefix) {

		boolean contains(byte[] address) {
			if (address.length != this.network.length) {
				return false;
			}
			int full = this.prefix / 8;
			for (int i = 0; i < full; i++) {
				if (address[i] != this.network[i]) {
					return false;
				}
			}
			int rest = this.prefix % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xFF << (8 - rest)) & 0xFF;
			return (address[full] & mask) == (this.network[full] & mask);
		}

	}

	private final List<Block> blocks;

	private TrustedHosts(List<Block> blocks) {
		this.blocks = blocks;
	}

	static TrustedHosts of(List<String> entries) {
		List<Block> blocks = new ArrayList<>();
		for (String entry : entries) {
			String text = entry.strip();
			int slash = text.indexOf('/');
			byte[] network = literal((slash < 0) ? text : text.substring(0, slash));
			if (network == null) {
				throw new IllegalArgumentException("not an IP address or CIDR block: " + entry);
			}
			int prefix = network.length * 8;
			if (slash >= 0) {
				try {
					prefix = Integer.parseInt(text.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("not a CIDR block: " + entry);
				}
				if (prefix < 0 || prefix > network.length * 8) {
					throw new IllegalArgumentException("not a CIDR block: " + entry);
				}
			}
			blocks.add(new Block(network, prefix));
		}
		return new TrustedHosts(List.copyOf(blocks));
	}

	boolean isEmpty() {
		return this.blocks.isEmpty();
	}

	boolean contains(String ip) {
		if (ip == null || this.blocks.isEmpty()) {
			return false;
		}
		byte[] address = literal(ip);
		return address != null && this.blocks.stream().anyMatch((block) -> block.contains(address));
	}

	/** The address's bytes, or null if it is not a literal IPv4 or IPv6 address. */
	private static byte[] literal(String text) {
		// Only literals reach InetAddress, which then parses them without any DNS
		// look-up.
		boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
		boolean v6 = text.contains(":") && text.matches("[0-9A-Fa-f:.]+");
		if (!v4 && !v6) {
			return null;
		}
		try {
			return InetAddress.getByName(text).getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
