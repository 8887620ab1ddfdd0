package io.quench.generator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator's promises: determinism, the decoys and compromised kinds behaving as
 * described, and files shaped as {@code docs/formats.md} says. One shared incident for
 * the behaviour tests.
 */
class IncidentGeneratorTests {

	private static final Pattern QUEUE_NAME = Pattern.compile("[0-9A-F]{8}\\.[0-9A-Z]{3}");

	private static final Pattern POA_LOGIN = Pattern
		.compile("^(\\d\\d):(\\d\\d):\\d\\d [0-9A-F]{3} C/S Login (\\w+) Net Id=\\S+ :: GW Id=(\\S+) :: (\\S+)$");

	@TempDir
	static Path shared;

	static Path incident;

	static Manifest manifest;

	@TempDir
	Path temp;

	@BeforeAll
	static void generateOneIncident() {
		incident = shared.resolve("incident");
		manifest = IncidentGenerator.generate(GeneratorSettings.of(incident, 3000, 4, 11));
	}

	@Test
	void sameSeedWritesAByteIdenticalTreeAndManifest() throws Exception {
		GeneratorSettings settings = GeneratorSettings.of(this.temp.resolve("one"), 1200, 3, 77);
		Manifest first = IncidentGenerator.generate(settings);
		Manifest second = IncidentGenerator.generate(GeneratorSettings.of(this.temp.resolve("two"), 1200, 3, 77));
		assertThat(second).isEqualTo(first);
		Map<String, String> one = treeHashes(this.temp.resolve("one"));
		assertThat(one).hasSizeGreaterThan(1200);
		assertThat(treeHashes(this.temp.resolve("two"))).isEqualTo(one);
	}

	@Test
	void differentSeedWritesADifferentTree() throws Exception {
		Manifest first = IncidentGenerator.generate(GeneratorSettings.of(this.temp.resolve("one"), 600, 2, 1));
		Manifest second = IncidentGenerator.generate(GeneratorSettings.of(this.temp.resolve("two"), 600, 2, 2));
		assertThat(second.kbCounts()).isNotEqualTo(first.kbCounts());
		assertThat(treeHashes(this.temp.resolve("two"))).isNotEqualTo(treeHashes(this.temp.resolve("one")));
	}

	@Test
	void manifestNamesTheFourDecoysAndTheCompromisedKinds() {
		assertThat(manifest.decoys()).extracting(Manifest.Decoy::kind)
			.containsExactlyInAnyOrder("NEWSLETTER", "SERVICE_ACCOUNT", "BRUTE_FORCE_VICTIM", "LEGITIMATE_BURST");
		assertThat(manifest.compromisedKinds().values()).contains("LOW_AND_SLOW", "DEFERRED", "BURST");
		assertThat(manifest.compromisedKinds().keySet()).containsExactlyInAnyOrderElementsOf(manifest.compromised());
		assertThat(manifest.accounts().keySet()).containsAll(manifest.compromised());
		manifest.decoys().forEach((decoy) -> assertThat(manifest.compromised()).doesNotContain(decoy.account()));
		assertThat(Manifest.read(incident.resolve("manifest.json"))).isEqualTo(manifest);
		assertThat(manifest.start()).isEqualTo("2026-11-27T00:00+01:00");
		assertThat(manifest.end()).isEqualTo("2026-12-01T00:00+01:00");
	}

	@Test
	void mostMailIsSpamFromTheCompromisedAccounts() {
		long spam = 0;
		long all = 0;
		for (Map.Entry<String, Manifest.FolderCounts> entry : manifest.senderCounts().entrySet()) {
			all += entry.getValue().total();
			if (manifest.compromised().contains(owner(entry.getKey()))) {
				spam += entry.getValue().total();
			}
		}
		assertThat(all).isEqualTo(3000);
		assertThat(spam / (double) all).isBetween(0.6, 0.9);
	}

	@Test
	void bruteForceVictimFailsOftenNeverLogsInAndSendsNothing() throws IOException {
		String victim = decoy("BRUTE_FORCE_VICTIM");
		List<String> poa = lines(incident.resolve("poa"), "poa.");
		assertThat(poa.stream().filter((line) -> line.contains("[D019] User: " + victim + " ")))
			.hasSizeGreaterThan(200);
		assertThat(poa.stream().filter((line) -> line.contains("GW Id=" + victim + " "))).isEmpty();
		List<String> gwia = lines(incident.resolve("gwia-log"), "log.");
		assertThat(gwia.stream().filter((line) -> line.contains("failed for " + victim + " "))).isNotEmpty();
		assertThat(gwia.stream().filter((line) -> line.contains("accepted for " + victim + " "))).isEmpty();
		assertThat(sent(victim)).isZero();
	}

	@Test
	void bruteForceComesFromAFewAddressesAgainstManyAccounts() throws IOException {
		Pattern failure = Pattern.compile("\\[D019\\] User: (\\S+) (\\S+)$");
		Map<String, Set<String>> accountsByIp = new TreeMap<>();
		for (String line : lines(incident.resolve("poa"), "poa.")) {
			Matcher matcher = failure.matcher(line);
			if (matcher.find()) {
				accountsByIp.computeIfAbsent(matcher.group(2), (ip) -> new HashSet<>()).add(matcher.group(1));
			}
		}
		long attackers = accountsByIp.values().stream().filter((accounts) -> accounts.size() > 20).count();
		assertThat(attackers).isBetween(1L, 3L);
	}

	@Test
	void serviceAccountLogsInConstantlyFromOneHostAndSendsNothing() throws IOException {
		String service = decoy("SERVICE_ACCOUNT");
		Set<String> ips = new HashSet<>();
		long logins = 0;
		for (String line : lines(incident.resolve("poa"), "poa.")) {
			Matcher matcher = POA_LOGIN.matcher(line);
			if (matcher.matches() && matcher.group(4).equals(service)) {
				assertThat(matcher.group(3)).isEqualTo("soap");
				ips.add(matcher.group(5));
				logins++;
			}
		}
		assertThat(ips).containsExactly(Cast.MOBILITY_HOST);
		// Four days of at least ten logins a minute.
		assertThat(logins).isGreaterThan(4 * 1440 * 10);
		assertThat(sent(service)).isZero();
	}

	@Test
	void compromisedBurstAccountsLogInAtImpossibleRatesFromManyAddresses() throws IOException {
		for (String account : kinds("BURST")) {
			Map<String, Integer> perMinute = new TreeMap<>();
			Set<String> ips = new HashSet<>();
			for (Path file : files(incident.resolve("poa"), "poa.")) {
				for (String line : Files.readAllLines(file)) {
					Matcher matcher = POA_LOGIN.matcher(line);
					if (matcher.matches() && matcher.group(4).equals(account) && !matcher.group(3).equals("winnt")) {
						perMinute.merge(file.getFileName() + matcher.group(1) + matcher.group(2), 1, Integer::sum);
						ips.add(matcher.group(5));
					}
				}
			}
			long busyMinutes = perMinute.values().stream().filter((count) -> count >= 20).count();
			assertThat(busyMinutes).as(account).isGreaterThan(120);
			assertThat(ips).as(account).hasSizeGreaterThan(20);
		}
	}

	@Test
	void lowAndSlowSpreadsAFewHundredMessagesOverDays() throws IOException {
		String account = kinds("LOW_AND_SLOW").get(0);
		assertThat(sent(account)).isBetween(100L, 400L);
		Set<String> days = new HashSet<>();
		for (Path file : files(incident.resolve("gwia-log"), "log.")) {
			if (Files.readAllLines(file).stream().anyMatch((line) -> line.contains("accepted for " + account + " "))) {
				days.add(file.getFileName().toString().substring(0, 4));
			}
		}
		assertThat(days).hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void deferredSpamSitsMostlyInDefer() {
		String account = kinds("DEFERRED").get(0);
		long send = 0;
		long defer = 0;
		for (String address : manifest.accounts().get(account).addresses()) {
			Manifest.FolderCounts counts = manifest.senderCounts().get(address);
			if (counts != null) {
				send += counts.send();
				defer += counts.defer();
			}
		}
		assertThat(defer).isGreaterThan(3 * send);
	}

	@Test
	void newsletterSendsManyMessagesAndLogsInLikeAPerson() throws IOException {
		String newsletter = decoy("NEWSLETTER");
		assertThat(sent(newsletter)).isGreaterThanOrEqualTo(100);
		long logins = lines(incident.resolve("poa"), "poa.").stream()
			.filter((line) -> line.contains("C/S Login") && line.contains("GW Id=" + newsletter + " "))
			.count();
		assertThat(logins).isBetween(1L, 4 * 40L);
		assertThat(lines(incident.resolve("gwia-log"), "log.").stream()
			.filter((line) -> line.contains("accepted for " + newsletter + " "))).isEmpty();
	}

	@Test
	void legitimateBurstIsOneMailingWithinAnHour() throws IOException {
		String sender = decoy("LEGITIMATE_BURST");
		String invitation = "=?UTF-8?Q?Einladung";
		List<Long> times = new ArrayList<>();
		for (Path file : files(incident.resolve("gwia"), "")) {
			String text = Files.readString(file);
			if (text.contains(invitation)) {
				times.add(Files.getLastModifiedTime(file).toMillis() / 1000);
			}
		}
		assertThat(times).hasSizeGreaterThanOrEqualTo(20);
		assertThat(times.stream().mapToLong(Long::longValue).max().getAsLong()
				- times.stream().mapToLong(Long::longValue).min().getAsLong())
			.isLessThan(3600);
		assertThat(sent(sender)).isGreaterThanOrEqualTo(times.size());
	}

	@Test
	void queueFilesAreSevenBitTextWithUniqueNamesAndMtimesFromTheirNames() throws IOException {
		ZoneId zone = ZoneId.of("Europe/Berlin");
		List<Path> queued = files(incident.resolve("gwia"), "");
		assertThat(queued).hasSize(3000);
		Set<String> names = new HashSet<>();
		Set<String> folders = new HashSet<>();
		for (Path file : queued) {
			String name = file.getFileName().toString();
			assertThat(name).matches(QUEUE_NAME);
			assertThat(names.add(name)).isTrue();
			folders.add(incident.relativize(file.getParent()).toString());
			assertThat(file.toString()).doesNotContain(":");
			byte[] bytes = Files.readAllBytes(file);
			for (byte b : bytes) {
				assertThat(b > 0).as(name).isTrue();
			}
			long local = Long.parseLong(name.substring(0, 8), 16);
			Instant mtime = Files.getLastModifiedTime(file).toInstant();
			assertThat(mtime.getEpochSecond() + zone.getRules().getOffset(mtime).getTotalSeconds()).isEqualTo(local);
		}
		assertThat(folders).contains("gwia/send", "gwia/defer", "gwia/send/0", "gwia/send/1/retry");
	}

	@Test
	void queueFilesSpanSizesFromOneKilobyteToMegabytes() throws IOException {
		Path out = this.temp.resolve("sizes");
		IncidentGenerator.generate(GeneratorSettings.of(out, 6000, 1, 4));
		List<Long> sizes = new ArrayList<>();
		for (Path file : files(out.resolve("gwia"), "")) {
			sizes.add(Files.size(file));
		}
		sizes.sort(null);
		assertThat(sizes.get(0)).isGreaterThanOrEqualTo(1000);
		assertThat(sizes.get(sizes.size() / 2)).isLessThan(5000);
		assertThat(sizes.get(sizes.size() - 1)).isGreaterThan(500_000);
	}

	@Test
	void namesStayUniqueThroughTheHourRepeatedAtTheEndOfDaylightSavingTime() throws IOException {
		Path out = this.temp.resolve("dst");
		IncidentGenerator.generate(
				new GeneratorSettings(out, 8000, 1, 3, null, LocalDate.of(2026, 10, 25), ZoneId.of("Europe/Berlin")));
		assertThat(files(out.resolve("gwia"), "")).hasSize(8000);
		assertThat(Files.readAllLines(out.resolve("gwia-log/1025log.001"))
			.stream()
			.filter((line) -> line.startsWith("02:00:00 2E0 Statistics"))).hasSize(2);
	}

	@Test
	void subjectsUseSeveralCharsetsInBothEncodings() throws IOException {
		Set<String> seen = new HashSet<>();
		Pattern word = Pattern.compile("=\\?([^?]+)\\?([BQ])\\?");
		for (Path file : files(incident.resolve("gwia"), "")) {
			Matcher matcher = word.matcher(Files.readString(file));
			while (matcher.find()) {
				seen.add(matcher.group(1) + "?" + matcher.group(2));
			}
		}
		assertThat(seen).contains("UTF-8?B", "UTF-8?Q", "ISO-8859-1?Q", "ISO-8859-1?B", "ISO-2022-JP?B",
				"windows-1252?Q", "windows-1252?B");
	}

	@Test
	void eachDialectHasItsShape() throws IOException {
		Map<Dialect, String> firstBytes = Map.of(Dialect.A, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<GWIAEnvelope",
				Dialect.B, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<GWIAMessage>", Dialect.D, "Message-ID: <");
		for (Dialect dialect : Dialect.values()) {
			Path out = this.temp.resolve("dialect-" + dialect);
			IncidentGenerator.generate(GeneratorSettings.of(out, 150, 1, 8).withDialects(Set.of(dialect)));
			for (Path file : files(out.resolve("gwia"), "")) {
				String text = Files.readString(file);
				if (dialect == Dialect.C) {
					assertThat(text).contains("\r\nMAIL FROM:", "\r\nRCPT TO:<", "\r\nDATA\n")
						.endsWith("\n.\r\nQUIT\r\n");
				}
				else {
					assertThat(text).startsWith(firstBytes.get(dialect));
				}
				if (dialect == Dialect.B) {
					assertThat(text).contains("<MimeContent encoding=\"base64\">");
				}
			}
		}
	}

	@Test
	void poaLogsHaveDailyFilesAHexCounterAndACurrentLogLink() throws IOException {
		Path poa = incident.resolve("poa");
		Set<String> names = new HashSet<>();
		try (Stream<Path> files = Files.list(poa)) {
			files.forEach((file) -> names.add(file.getFileName().toString()));
		}
		assertThat(names).contains("1127poa.001", "1128poa.00c", "1130poa.001", "poa.currentlog");
		Path link = poa.resolve("poa.currentlog");
		assertThat(Files.isSymbolicLink(link)).isTrue();
		String newest = Files.readSymbolicLink(link).toString();
		assertThat(newest).startsWith("1130poa.");
		assertThat(names.stream().filter((name) -> name.startsWith("1130poa.")).max(String::compareTo))
			.hasValue(newest);
		Instant mtime = Files.getLastModifiedTime(poa.resolve("1128poa.00c")).toInstant();
		assertThat(LocalDate.ofInstant(mtime, ZoneId.of("Europe/Berlin"))).isEqualTo(LocalDate.of(2026, 11, 28));
		for (String line : Files.readAllLines(poa.resolve("1129poa.001"))) {
			assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d [0-9A-F]{3} .+");
		}
	}

	@Test
	void directoryListsEveryAccountAndSomeAddressesDoNotDeriveFromTheId() throws IOException {
		List<String> rows = Files.readAllLines(incident.resolve("directory.csv"));
		assertThat(rows.get(0)).isEqualTo("gwId,networkId,preferredAddress,aliases,postOffice,domain");
		assertThat(rows).hasSize(manifest.accounts().size() + 1);
		long foreign = rows.stream()
			.skip(1)
			.map((row) -> row.split(",", -1))
			.filter((cells) -> !cells[2].startsWith(cells[0] + "@"))
			.count();
		assertThat(foreign).isGreaterThan(10);
	}

	@Test
	void generateCommandWritesAnIncidentAndRejectsBadArguments() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
		Path dir = this.temp.resolve("cli");
		int status = GenerateCommand.run(new String[] { "--out", dir.toString(), "--messages", "200", "--days", "2",
				"--seed", "5", "--dialects", "a,d", "--end", "2026-03-29", "--zone", "Europe/Berlin" },
				new PrintStream(out, true), quiet);
		assertThat(status).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("generated 200 queue files");
		Manifest written = Manifest.read(dir.resolve("manifest.json"));
		assertThat(written.end()).isEqualTo("2026-03-30T00:00+02:00");
		assertThat(GenerateCommand.run(new String[] { "--out", dir.toString() }, quiet, quiet)).isEqualTo(2);
		assertThat(GenerateCommand.run(
				new String[] { "--out", dir.toString(), "--messages", "200", "--days", "2", "--seed", "5" }, quiet,
				quiet))
			.as("the folder is not empty")
			.isEqualTo(2);
		assertThat(GenerateCommand.run(new String[] { "--dialects", "x" }, quiet, quiet)).isEqualTo(2);
	}

	private static String decoy(String kind) {
		return manifest.decoys()
			.stream()
			.filter((decoy) -> decoy.kind().equals(kind))
			.findFirst()
			.orElseThrow()
			.account();
	}

	private static List<String> kinds(String kind) {
		return manifest.compromisedKinds()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(kind))
			.map(Map.Entry::getKey)
			.toList();
	}

	private static long sent(String gwId) {
		return manifest.accounts()
			.get(gwId)
			.addresses()
			.stream()
			.map((address) -> manifest.senderCounts().get(address))
			.filter((counts) -> counts != null)
			.mapToLong(Manifest.FolderCounts::total)
			.sum();
	}

	private static String owner(String address) {
		return manifest.accounts()
			.values()
			.stream()
			.filter((account) -> account.addresses().contains(address))
			.map(Manifest.Account::gwId)
			.findFirst()
			.orElse("");
	}

	private static List<Path> files(Path root, String nameContains) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter((file) -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
				.filter((file) -> file.getFileName().toString().contains(nameContains))
				.sorted()
				.toList();
		}
	}

	private static List<String> lines(Path root, String nameContains) throws IOException {
		List<String> lines = new ArrayList<>();
		for (Path file : files(root, nameContains)) {
			lines.addAll(Files.readAllLines(file));
		}
		return lines;
	}

	/** Relative path to type, mtime and SHA-256 of the content (or the link target). */
	private static Map<String, String> treeHashes(Path root) throws IOException {
		Map<String, String> hashes = new TreeMap<>();
		try (Stream<Path> walk = Files.walk(root)) {
			walk.forEach((path) -> {
				try {
					String key = root.relativize(path).toString();
					if (Files.isSymbolicLink(path)) {
						hashes.put(key, "link " + Files.readSymbolicLink(path));
					}
					else if (Files.isRegularFile(path)) {
						byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
						hashes.put(key,
								Files.getLastModifiedTime(path).toMillis() + " " + HexFormat.of().formatHex(digest));
					}
					else {
						hashes.put(key, "dir");
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				catch (java.security.NoSuchAlgorithmException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
		return hashes;
	}

}
