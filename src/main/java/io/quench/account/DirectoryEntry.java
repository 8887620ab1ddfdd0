package io.quench.account;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One GroupWise user from the directory: ids and SMTP addresses, lower case.
 */
record DirectoryEntry(String gwId, String networkId, String preferredAddress, List<String> aliases, String postOffice,
		String domain) {

	DirectoryEntry {
		Objects.requireNonNull(gwId, "gwId");
		gwId = gwId.strip().toLowerCase(Locale.ROOT);
		networkId = blankToNull(networkId);
		preferredAddress = (blankToNull(preferredAddress) == null) ? null
				: preferredAddress.strip().toLowerCase(Locale.ROOT);
		aliases = aliases.stream()
			.map(String::strip)
			.filter((a) -> !a.isEmpty())
			.map((a) -> a.toLowerCase(Locale.ROOT))
			.distinct()
			.toList();
		postOffice = blankToNull(postOffice);
		domain = blankToNull(domain);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
