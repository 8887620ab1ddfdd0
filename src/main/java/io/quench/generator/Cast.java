package io.quench.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Everyone in the simulated system: the GroupWise accounts (humans, decoys, compromised)
 * and the address book every queue file draws from (internal addresses first, then
 * external ones). Built from the seed alone; lists are in a fixed order, never from hash
 * iteration.
 */
final class Cast {

	static final String DOMAIN = "example.org";

	/** The Mobility service's host: every trusted-application login comes from here. */
	static final String MOBILITY_HOST = "10.10.1.20";

	enum Role {

		HUMAN, NEWSLETTER, SERVICE, VICTIM

	}

	/** Sub-kinds of compromised accounts, recorded in the manifest. */
	enum CompromiseKind {

		/** Spam at high rates, logins at 20-60 a minute from many addresses. */
		BURST,

		/** A few hundred messages spread over days, moderate login rate. */
		LOW_AND_SLOW,

		/** Spam mostly refused by the receivers, so it sits in {@code defer/}. */
		DEFERRED

	}

	static final class Account {

		final String gwId;

		final String networkId;

		final String displayName;

		final Role role;

		/** Address-book indices: the preferred address first, then the aliases. */
		final int[] addresses;

		final String[] ips;

		final String platform;

		final String postOffice;

		CompromiseKind compromise;

		/** Where the attacker logs in from (compromised accounts only). */
		String[] attackerIps = new String[0];

		Account(String gwId, String networkId, String displayName, Role role, int[] addresses, String[] ips,
				String platform, String postOffice) {
			this.gwId = gwId;
			this.networkId = networkId;
			this.displayName = displayName;
			this.role = role;
			this.addresses = addresses;
			this.ips = ips;
			this.platform = platform;
			this.postOffice = postOffice;
		}

	}

	private static final String[] FIRST = { "Anna", "Bernd", "Clara", "Dieter", "Eva", "Frank", "Gabi", "Hans", "Ines",
			"Jürgen", "Karin", "Lars", "Maria", "Norbert", "Olga", "Peter", "Renate", "Stefan", "Tanja", "Uwe", "Vera",
			"Werner", "Yvonne", "Zoë", "Ahmet", "Björn", "Chloé", "Dragan", "Elif", "François", "Günther", "Hanna",
			"Ivan", "Jana", "Kemal", "Lena", "Mehmet", "Nina", "Oskar", "Paula", "Søren", "Tobias", "Ulla", "Yuki",
			"Kenji", "Sakura" };

	private static final String[] LAST = { "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
			"Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Braun",
			"Zimmermann", "Krüger", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler", "Yilmaz", "Kaya",
			"Novak", "Horvat", "Dubois", "Tanaka", "Sato", "Jensen", "Nielsen", "Kowalski", "Nowak", "Petrov", "Rossi",
			"Garcia", "Martin" };

	private static final String[] WORDS = { "alpha", "blue", "cedar", "delta", "echo", "falcon", "green", "harbor",
			"iron", "jade", "kite", "lumen", "maple", "north", "orbit", "pine", "quartz", "river", "stone", "tiger",
			"union", "vertex", "willow", "xenon", "yellow", "zephyr", "mail", "post", "web", "net", "shop", "data",
			"info", "media", "tech", "home", "city", "group", "trade", "bau" };

	private static final String[] TLDS = { "example.com", "example.net", "test", "example" };

	private static final String[] PLATFORMS = { "winnt", "winnt", "winnt", "winnt", "mac", "linux", "web", "imap" };

	final List<Account> accounts = new ArrayList<>();

	final List<String> addresses = new ArrayList<>();

	final int externalStart;

	final int externalCount;

	/** Humans that send legitimate mail, and their cumulative activity weights. */
	final Account[] humans;

	final double[] humanWeights;

	final Account newsletter;

	final Account service;

	final Account victim;

	final Account burstSender;

	final Account[] compromised;

	/**
	 * External addresses that receive the newsletter, and the customers of the legitimate
	 * burst.
	 */
	final int[] subscribers;

	final int[] customers;

	/** External addresses legitimate users write to. */
	final int[] partners;

	/** Account names that only appear in brute-force attempts. */
	final String[] sprayedNames = { "admin", "administrator", "test", "postmaster", "webmaster", "office", "sales",
			"support", "scanner", "backup" };

	final String[] bruteForceIps;

	Cast(long seed, long messages) {
		SplittableRandom random = new SplittableRandom(seed ^ 0x43415354L);
		Set<String> taken = new HashSet<>();
		int humanCount = (int) Math.max(50, Math.min(500, messages / 200));
		List<Account> people = new ArrayList<>();
		for (int i = 0; i < humanCount; i++) {
			String first = FIRST[random.nextInt(FIRST.length)];
			String last = LAST[random.nextInt(LAST.length)];
			String gwId = unique(taken, ascii(first.substring(0, 1) + last));
			String networkId = (random.nextInt(10) < 7) ? gwId : unique(taken, "u" + (10000 + random.nextInt(90000)));
			int[] own;
			if (random.nextInt(10) < 8) {
				// Preferred address from the display name: does not derive from the
				// GroupWise id.
				String preferred = unique(taken, ascii(first + "." + last)) + "@" + DOMAIN;
				own = (random.nextInt(4) == 0)
						? new int[] { address(preferred), address(gwId + "@" + DOMAIN),
								address(gwId + "@mail." + DOMAIN) }
						: new int[] { address(preferred), address(gwId + "@" + DOMAIN) };
			}
			else {
				own = new int[] { address(gwId + "@" + DOMAIN) };
			}
			String[] ips = new String[1 + random.nextInt(3)];
			ips[0] = "10.20." + random.nextInt(1, 30) + "." + random.nextInt(2, 250);
			for (int k = 1; k < ips.length; k++) {
				ips[k] = "203.0.113." + random.nextInt(2, 250);
			}
			people.add(new Account(gwId, networkId, first + " " + last, Role.HUMAN, own, ips,
					PLATFORMS[random.nextInt(PLATFORMS.length)], "po" + (1 + random.nextInt(2))));
		}
		this.newsletter = new Account(unique(taken, "newsletter"), "newsletter", "Stadtwerke Newsletter",
				Role.NEWSLETTER, new int[] { address("news@" + DOMAIN), address("newsletter@" + DOMAIN) },
				new String[] { "10.20.5.17" }, "winnt", "po1");
		this.service = new Account(unique(taken, "gmsadmin"), "gmsadmin", "GroupWise Mobility Service", Role.SERVICE,
				new int[] { address("gmsadmin@" + DOMAIN) }, new String[] { MOBILITY_HOST }, "soap", "po1");
		this.victim = new Account(unique(taken, "info"), "info", "Info", Role.VICTIM,
				new int[] { address("info@" + DOMAIN) }, new String[0], "winnt", "po1");
		// External addresses: many domains, as harvested spam lists have.
		this.externalStart = this.addresses.size();
		int pool = (int) Math.max(500, Math.min(100_000, messages / 4));
		int domainCount = Math.max(40, Math.min(4000, pool / 25));
		String[] domains = new String[domainCount];
		for (int i = 0; i < domainCount; i++) {
			String domain;
			do {
				domain = WORDS[random.nextInt(WORDS.length)] + WORDS[random.nextInt(WORDS.length)]
						+ ((random.nextInt(3) == 0) ? String.valueOf(random.nextInt(100)) : "") + "."
						+ TLDS[random.nextInt(TLDS.length)];
			}
			while (!taken.add("@" + domain));
			domains[i] = domain;
		}
		for (int i = 0; i < pool; i++) {
			String local;
			int shape = random.nextInt(3);
			if (shape == 0) {
				local = ascii(FIRST[random.nextInt(FIRST.length)] + "." + LAST[random.nextInt(LAST.length)]);
			}
			else if (shape == 1) {
				local = WORDS[random.nextInt(WORDS.length)] + random.nextInt(1000);
			}
			else {
				local = ascii(FIRST[random.nextInt(FIRST.length)].substring(0, 1) + LAST[random.nextInt(LAST.length)])
						+ random.nextInt(100);
			}
			String candidate = local + "@" + domains[random.nextInt(domainCount)];
			while (!taken.add(candidate)) {
				candidate = local + random.nextInt(10_000) + "@" + domains[random.nextInt(domainCount)];
			}
			this.addresses.add(candidate);
		}
		this.externalCount = pool;
		this.subscribers = slice(0, pool / 5);
		this.customers = slice(pool / 5, Math.min(pool / 5 + 400, pool / 2));
		this.partners = slice(pool / 2, Math.min(pool / 2 + 300, pool));
		// Roles among the humans: the burst sender and the compromised accounts.
		Account[] shuffled = people.toArray(new Account[0]);
		for (int i = shuffled.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			Account swap = shuffled[i];
			shuffled[i] = shuffled[j];
			shuffled[j] = swap;
		}
		this.burstSender = shuffled[0];
		int compromisedCount = (messages >= 5000) ? 5 : 3;
		this.compromised = Arrays.copyOfRange(shuffled, 1, 1 + compromisedCount);
		for (int k = 0; k < compromisedCount; k++) {
			Account account = this.compromised[k];
			account.compromise = (k == 0) ? CompromiseKind.LOW_AND_SLOW
					: (k == 1) ? CompromiseKind.DEFERRED : CompromiseKind.BURST;
			int ipCount = (account.compromise == CompromiseKind.LOW_AND_SLOW) ? 6 : 40 + random.nextInt(120);
			account.attackerIps = new String[ipCount];
			for (int i = 0; i < ipCount; i++) {
				account.attackerIps[i] = attackerIp(random);
			}
		}
		this.bruteForceIps = new String[] { attackerIp(random), attackerIp(random), attackerIp(random) };
		this.humans = people.toArray(new Account[0]);
		// Zipf-like activity: a few people write most of the legitimate mail.
		this.humanWeights = new double[this.humans.length];
		double sum = 0;
		for (int i = 0; i < this.humans.length; i++) {
			sum += 1.0 / (1 + i % 97);
			this.humanWeights[i] = sum;
		}
		this.accounts.addAll(people);
		this.accounts.add(this.newsletter);
		this.accounts.add(this.service);
		this.accounts.add(this.victim);
		this.accounts.sort(Comparator.comparing(account -> account.gwId));
	}

	private static String attackerIp(SplittableRandom random) {
		int[] firsts = { 45, 77, 91, 103, 141, 185, 193, 194, 212 };
		return firsts[random.nextInt(firsts.length)] + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
				+ random.nextInt(1, 255);
	}

	private int address(String address) {
		this.addresses.add(address);
		return this.addresses.size() - 1;
	}

	private int[] slice(int from, int to) {
		int[] slice = new int[Math.max(1, to - from)];
		for (int i = 0; i < slice.length; i++) {
			slice[i] = this.externalStart + Math.min(from + i, this.externalCount - 1);
		}
		return slice;
	}

	Account pickHuman(SplittableRandom random) {
		double at = random.nextDouble() * this.humanWeights[this.humanWeights.length - 1];
		int index = Arrays.binarySearch(this.humanWeights, at);
		index = (index < 0) ? -index - 1 : index;
		return this.humans[Math.min(index, this.humans.length - 1)];
	}

	String address(int index) {
		return this.addresses.get(index);
	}

	private static String unique(Set<String> taken, String base) {
		String candidate = base.toLowerCase(java.util.Locale.ROOT);
		int suffix = 2;
		while (!taken.add(candidate)) {
			candidate = base.toLowerCase(java.util.Locale.ROOT) + suffix++;
		}
		return candidate;
	}

	/** Transliterates the names' few non-ASCII letters for account ids and addresses. */
	static String ascii(String text) {
		StringBuilder out = new StringBuilder(text.length() + 4);
		for (char c : text.toCharArray()) {
			switch (c) {
				case 'ä' -> out.append("ae");
				case 'ö' -> out.append("oe");
				case 'ü' -> out.append("ue");
				case 'Ä' -> out.append("Ae");
				case 'Ö' -> out.append("Oe");
				case 'Ü' -> out.append("Ue");
				case 'ß' -> out.append("ss");
				case 'ø' -> out.append("oe");
				case 'é', 'ë' -> out.append('e');
				case 'ç' -> out.append('c');
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
