package io.quench.suspect;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The network an address belongs to: its /24 (IPv4) or /48 (IPv6). */
final class Networks {

	private Networks() {
	}

	static String of(String ip) {
		if (ip == null || ip.isBlank()) {
			return null;
		}
		if (ip.indexOf(':') < 0) {
			int last = ip.lastIndexOf('.');
			return (last < 0) ? ip : ip.substring(0, last) + ".0/24";
		}
		if (!ip.matches("[0-9A-Fa-f:.]+")) {
			return ip;
		}
		try {
			byte[] bytes = InetAddress.getByName(ip).getAddress();
			StringBuilder network = new StringBuilder();
			for (int i = 0; i < 6; i += 2) {
				network.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF))).append(':');
			}
			return network.append(":/48").toString();
		}
		catch (UnknownHostException ex) {
			return ip;
		}
	}

}
