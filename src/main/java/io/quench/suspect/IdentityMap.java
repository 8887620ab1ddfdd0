package io.quench.suspect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who is who: GroupWise id, network id and SMTP addresses from the directory, then the
 * operators' explicit links (a sender address or login id to an account), then the
 * {@code userid@domain} rule (a sender whose local part is a known GroupWise or network
 * id in a local domain), then unmapped keys (the address or the login id itself). Local
 * domains are the domains of the directory's addresses. Plain Java.
 */
final class IdentityMap {

	/** One directory row: an account and one of its addresses (or none). */
	record DirectoryRow(String gwId, String networkId, String address, boolean preferred) {
	}

	/**
	 * Whom an address or login id belongs to.
	 *
	 * @param key the GroupWise id, or the address or login id itself when unmapped
	 * @param mapped whether the directory, an operator's link or the userid@domain rule
	 * knows the account
	 * @param addresses the account's addresses, preferred first (the address itself when
	 * unmapped)
	 */
	record Identity(String key, boolean mapped, List<String> addresses) {
	}

	private final Map<String, Identity> byGwId = new HashMap<>();

	private final Map<String, Identity> byNetworkId = new HashMap<>();

	private final Map<String, Identity> byAddress = new HashMap<>();

	private final Set<String> localDomains = new LinkedHashSet<>();

	private final Map<String, String> networkIdByGwId = new HashMap<>();

	/** Linked identifier (address or login id) to its account. */
	private final Map<String, Identity> byLink = new HashMap<>();

	/** Free-form account keys of links (accounts the directory does not know). */
	private final Map<String, Identity> byLinkedAccount = new HashMap<>();

	private IdentityMap() {
	}

	static IdentityMap of(List<DirectoryRow> rows) {
		return of(rows, Map.of());
	}

	/**
	 * The directory plus the operators' active links (identifier to account key). A link
	 * to a GroupWise id, network id or address of the directory joins that account; a
	 * link to any other key makes an account of its own (mapped, with the linked
	 * addresses), which login ids and addresses equal to that key also reach. A link of
	 * an identifier the directory already knows is ignored: the directory comes first.
	 */
	static IdentityMap of(List<DirectoryRow> rows, Map<String, String> links) {
		IdentityMap map = directory(rows);
		Map<String, LinkedHashSet<String>> freeForm = new LinkedHashMap<>();
		links.forEach((identifier, account) -> {
			if (map.account(account) == null) {
				LinkedHashSet<String> own = freeForm.computeIfAbsent(lower(account), (k) -> new LinkedHashSet<>());
				if (lower(identifier).indexOf('@') > 0) {
					own.add(lower(identifier));
				}
			}
		});
		freeForm.forEach((account, addresses) -> {
			if (account.indexOf('@') > 0) {
				addresses.add(account);
			}
			map.byLinkedAccount.put(account, new Identity(account, true, List.copyOf(addresses)));
		});
		links.forEach((identifier, account) -> {
			Identity target = map.account(account);
			if (target == null) {
				target = map.byLinkedAccount.get(lower(account));
			}
			map.byLink.put(lower(identifier), target);
		});
		return map;
	}

	/**
	 * The directory account behind a GroupWise id, network id or address, or null: the
	 * targets a link may name when there is a directory.
	 */
	Identity account(String key) {
		if (key == null || key.isBlank()) {
			return null;
		}
		String lower = lower(key);
		Identity known = this.byGwId.get(lower);
		if (known == null) {
			known = this.byNetworkId.get(lower);
		}
		if (known == null) {
			known = this.byAddress.get(lower);
		}
		return known;
	}

	/** Whether the directory itself maps this address or login id (links cannot). */
	boolean inDirectory(String identifier) {
		return account(identifier) != null;
	}

	/** Whether the directory has any account (else link targets are free-form keys). */
	boolean hasDirectory() {
		return !this.byGwId.isEmpty();
	}

	private static IdentityMap directory(List<DirectoryRow> rows) {
		IdentityMap map = new IdentityMap();
		Map<String, LinkedHashSet<String>> addresses = new LinkedHashMap<>();
		Map<String, String> networkIds = new HashMap<>();
		for (DirectoryRow row : rows) {
			String gwId = lower(row.gwId());
			LinkedHashSet<String> own = addresses.computeIfAbsent(gwId, (k) -> new LinkedHashSet<>());
			if (row.networkId() != null && !row.networkId().isBlank()) {
				networkIds.putIfAbsent(gwId, lower(row.networkId()));
			}
			if (row.address() != null && !row.address().isBlank()) {
				String address = lower(row.address());
				if (row.preferred()) {
					LinkedHashSet<String> reordered = new LinkedHashSet<>();
					reordered.add(address);
					reordered.addAll(own);
					own.clear();
					own.addAll(reordered);
				}
				else {
					own.add(address);
				}
			}
		}
		addresses.forEach((gwId, own) -> {
			Identity identity = new Identity(gwId, true, List.copyOf(own));
			map.byGwId.put(gwId, identity);
			String networkId = networkIds.get(gwId);
			if (networkId != null) {
				map.byNetworkId.putIfAbsent(networkId, identity);
				map.networkIdByGwId.put(gwId, networkId);
			}
			for (String address : own) {
				map.byAddress.putIfAbsent(address, identity);
				String domain = domain(address);
				if (!domain.isEmpty()) {
					map.localDomains.add(domain);
				}
			}
		});
		return map;
	}

	Set<String> localDomains() {
		return this.localDomains;
	}

	boolean isLocal(String domain) {
		return domain != null && this.localDomains.contains(lower(domain));
	}

	/** The network id of a directory account (lower case), or null. */
	String networkId(String gwId) {
		return (gwId == null) ? null : this.networkIdByGwId.get(lower(gwId));
	}

	/** The account behind an envelope sender address. */
	Identity sender(String address) {
		String lower = lower(address);
		Identity known = this.byAddress.get(lower);
		if (known != null) {
			return known;
		}
		Identity linked = linked(lower);
		if (linked != null) {
			return linked;
		}
		int at = lower.lastIndexOf('@');
		if (at > 0 && isLocal(lower.substring(at + 1))) {
			String local = lower.substring(0, at);
			Identity byId = this.byGwId.getOrDefault(local, this.byNetworkId.get(local));
			if (byId != null) {
				return byId;
			}
		}
		return new Identity(lower, false, List.of(lower));
	}

	/**
	 * The account behind a login: by GroupWise id, then network id, then (for logins with
	 * an address) as a sender.
	 */
	Identity login(String gwId, String networkId) {
		List<String> candidates = new ArrayList<>(2);
		if (gwId != null && !gwId.isBlank()) {
			candidates.add(lower(gwId));
		}
		if (networkId != null && !networkId.isBlank()) {
			candidates.add(lower(networkId));
		}
		for (String id : candidates) {
			Identity known = this.byGwId.get(id);
			if (known != null) {
				return known;
			}
		}
		for (String id : candidates) {
			Identity known = this.byNetworkId.get(id);
			if (known != null) {
				return known;
			}
		}
		for (String id : candidates) {
			Identity linked = linked(id);
			if (linked != null) {
				return linked;
			}
		}
		if (candidates.isEmpty()) {
			return null;
		}
		String id = candidates.get(0);
		if (id.indexOf('@') > 0) {
			return sender(id);
		}
		return new Identity(id, false, List.of());
	}

	/**
	 * An operator's link of this identifier, or a free-form linked account of that key.
	 */
	private Identity linked(String lower) {
		Identity linked = this.byLink.get(lower);
		return (linked != null) ? linked : this.byLinkedAccount.get(lower);
	}

	static String domain(String address) {
		int at = address.lastIndexOf('@');
		return (at < 0) ? "" : address.substring(at + 1);
	}

	private static String lower(String text) {
		return text.strip().toLowerCase(Locale.ROOT);
	}

}
