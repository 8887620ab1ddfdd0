package io.quench.suspect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.quench.generator.GeneratorSettings;
import io.quench.generator.IncidentGenerator;
import io.quench.generator.Manifest;
import io.quench.queue.RecipientList;
import io.quench.source.IngestRun;
import io.quench.source.SourceDefinition;
import io.quench.source.SourceKind;
import io.quench.source.SourceService;
import io.quench.support.Sources;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The acceptance of issue 4 on generated incidents, on H2 and PostgreSQL (subclasses):
 * after reading the queue, both logs and the directory, exactly the manifest's
 * compromised accounts are above the "likely compromised" line, no decoy is, and the
 * low-and-slow account outranks every decoy. Each scenario starts from empty tables.
 */
abstract class RankingContract {

	@TempDir
	Path dir;

	@Autowired
	SourceService sources;

	@Autowired
	SuspectService suspects;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RankingProperties thresholds;

	@Autowired
	EvidenceRepository evidence;

	@BeforeEach
	void signInAsAdminOnEmptyTables() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("tester", null,
					List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
		this.jdbc.sql("delete from suspect_verdict").update();
		Sources.deleteAll(this.jdbc);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private Manifest ingestGeneratedIncident(long messages, int days, long seed) {
		Path out = this.dir.resolve("incident-" + seed);
		Manifest manifest = IncidentGenerator.generate(GeneratorSettings.of(out, messages, days, seed));
		scan(SourceKind.DIRECTORY, out.resolve("directory.csv"));
		scan(SourceKind.QUEUE, out.resolve("gwia"));
		scan(SourceKind.POA_LOG, out.resolve("poa"));
		scan(SourceKind.GWIA_LOG, out.resolve("gwia-log"));
		return manifest;
	}

	private void scan(SourceKind kind, Path path) {
		long source = this.sources.add(
				new SourceDefinition(kind + "-" + System.nanoTime(), kind, path, ZoneId.of("Europe/Berlin"), null),
				"tester");
		long run = this.sources.scan(source, "tester");
		await().pollInSameThread()
			.atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !this.sources.run(run).running());
		assertThat(this.sources.run(run).status()).isEqualTo(IngestRun.Status.SUCCEEDED);
	}

	@Test
	void recipientCountsInOnePassOrInPartsAreThoseOfEveryStoredAddressCountedPlainly() {
		ingestGeneratedIncident(2000, 3, 11);
		// Some messages gone, so that the present ones are a subset of the table.
		int gone = this.jdbc.sql("update queue_message set gone_at = changed_at where mod(id, 7) = 3").update();
		assertThat(gone).isPositive();
		EvidenceRepository.Window all = EvidenceRepository.Window.of(null, null);

		List<EvidenceRepository.DomainRow> once = plainCount(all);
		assertThat(once).isNotEmpty();
		assertThat(once).anyMatch((row) -> row.addresses() < row.recipients());
		long pairs = once.stream().mapToLong(EvidenceRepository.DomainRow::addresses).sum();
		assertThat(this.evidence.recipientDomains(all, (int) pairs)).containsExactlyInAnyOrderElementsOf(once);
		// Too many pairs for one pass: again in 4 parts, too many again, then in 16.
		assertThat(this.evidence.recipientDomains(all, (int) (pairs / 5))).containsExactlyInAnyOrderElementsOf(once);
		assertThat(this.evidence.recipientDomains(all)).containsExactlyInAnyOrderElementsOf(once);

		// A window that holds part of the messages: only their recipients count.
		Instant first = this.jdbc.sql("select min(mtime) from queue_message")
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
		EvidenceRepository.Window day = EvidenceRepository.Window.of(first.plus(Duration.ofHours(20)),
				first.plus(Duration.ofHours(44)));
		List<EvidenceRepository.DomainRow> dayOnce = plainCount(day);
		assertThat(dayOnce).isNotEmpty();
		assertThat(dayOnce.stream().mapToLong(EvidenceRepository.DomainRow::recipients).sum())
			.isLessThan(once.stream().mapToLong(EvidenceRepository.DomainRow::recipients).sum());
		assertThat(this.evidence.recipientDomains(day, (int) (pairs / 3))).containsExactlyInAnyOrderElementsOf(dayOnce);

		// No message in the window: no rows, and no pass over the recipients.
		EvidenceRepository.Window before = EvidenceRepository.Window.of(first.minus(Duration.ofDays(30)),
				first.minus(Duration.ofDays(29)));
		assertThat(this.evidence.recipientDomains(before, 10)).isEmpty();
	}

	/**
	 * Recipients per sender and domain, and their distinct addresses, counted the plain
	 * way: every stored address of every present message of the window, in sets.
	 */
	private List<EvidenceRepository.DomainRow> plainCount(EvidenceRepository.Window window) {
		Map<String, Map<String, List<String>>> addresses = new HashMap<>();
		this.jdbc.sql("""
				select m.sender, r.entries from queue_message m join queue_recipient_list r on r.message_id = m.id
				where m.gone_at is null and m.folder in ('SEND', 'DEFER') and m.sender is not null
					and m.mtime >= :from and m.mtime < :to
				""").param("from", window.from()).param("to", window.to()).query((ResultSet rs) -> {
			for (RecipientList.Entry entry : RecipientList.decode(rs.getString(2))) {
				if (entry.role() == RecipientList.Role.RECIPIENT) {
					addresses.computeIfAbsent(rs.getString(1), (s) -> new HashMap<>())
						.computeIfAbsent(entry.domain(), (d) -> new ArrayList<>())
						.add(entry.address());
				}
			}
		});
		List<EvidenceRepository.DomainRow> rows = new ArrayList<>();
		addresses.forEach((sender, domains) -> domains.forEach((domain, list) -> rows
			.add(new EvidenceRepository.DomainRow(sender, domain, list.size(), new HashSet<>(list).size()))));
		return rows;
	}

	@ParameterizedTest(name = "seed {0}: {1} messages over {2} days")
	@CsvSource({ "11, 2000, 3", "23, 3000, 4", "37, 5000, 3", "41, 4000, 5", "59, 5000, 4" })
	void exactlyTheCompromisedAccountsAreAboveTheLineAndTheLowAndSlowOneOutranksEveryDecoy(long seed, long messages,
			int days) {
		Manifest manifest = ingestGeneratedIncident(messages, days, seed);

		List<Suspect> ranking = this.suspects.ranking(RankingQuery.all());

		Map<String, Suspect> byAccount = ranking.stream().collect(Collectors.toMap(Suspect::account, (s) -> s));
		Set<String> likely = ranking.stream()
			.filter(Suspect::likelyCompromised)
			.map(Suspect::account)
			.collect(Collectors.toSet());
		List<String> decoys = manifest.decoys().stream().map(Manifest.Decoy::account).toList();
		String lowAndSlow = manifest.compromisedKinds()
			.entrySet()
			.stream()
			.filter((e) -> e.getValue().equals("LOW_AND_SLOW"))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
		report(seed, manifest, byAccount, decoys);
		assertThat(likely).containsExactlyInAnyOrderElementsOf(manifest.compromised());
		assertThat(decoys).noneMatch(likely::contains);
		int lowAndSlowRank = ranking.indexOf(byAccount.get(lowAndSlow));
		for (String decoy : decoys) {
			Suspect suspect = byAccount.get(decoy);
			if (suspect != null) {
				assertThat(ranking.indexOf(suspect)).as(decoy).isGreaterThan(lowAndSlowRank);
				assertThat(suspect.score()).as(decoy).isLessThan(byAccount.get(lowAndSlow).score());
			}
		}
		for (String compromised : manifest.compromised()) {
			assertThat(byAccount.get(compromised).reasons()).isNotEmpty();
		}
	}

	private static void report(long seed, Manifest manifest, Map<String, Suspect> byAccount, List<String> decoys) {
		List<String> lines = new ArrayList<>();
		int lowestCompromised = Integer.MAX_VALUE;
		for (String account : manifest.compromised()) {
			Suspect s = byAccount.get(account);
			lowestCompromised = Math.min(lowestCompromised, s.score());
			lines.add("  " + manifest.compromisedKinds().get(account) + " " + account + " " + s.score() + " (L"
					+ s.loginPoints() + " Q" + s.queuePoints() + ") " + s.reasons());
		}
		int highestDecoy = Integer.MIN_VALUE;
		for (Manifest.Decoy decoy : manifest.decoys()) {
			Suspect s = byAccount.get(decoy.account());
			int score = (s != null) ? s.score() : 0;
			highestDecoy = Math.max(highestDecoy, score);
			lines.add("  " + decoy.kind() + " " + decoy.account() + " " + score
					+ ((s != null) ? " (L" + s.loginPoints() + " Q" + s.queuePoints() + ") " + s.reasons() : ""));
		}
		Set<String> named = new HashSet<>(manifest.compromised());
		named.addAll(decoys);
		int highestOther = byAccount.values()
			.stream()
			.filter((s) -> !named.contains(s.account()))
			.mapToInt(Suspect::score)
			.max()
			.orElse(0);
		System.out.println("RANKING seed " + seed + ": lowest compromised " + lowestCompromised + ", highest decoy "
				+ highestDecoy + ", highest other " + highestOther + ", gap " + (lowestCompromised - highestDecoy)
				+ "\n" + String.join("\n", lines));
	}

	@Test
	void reasonsShowNumbersThatTheRawEventsAndQueueRowsGiveAgain() {
		Manifest manifest = ingestGeneratedIncident(3000, 3, 5);
		String burst = manifest.compromisedKinds()
			.entrySet()
			.stream()
			.filter((e) -> e.getValue().equals("BURST"))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();

		Suspect suspect = this.suspects.ranking(RankingQuery.all())
			.stream()
			.filter((s) -> s.account().equals(burst))
			.findFirst()
			.orElseThrow();

		// Recomputed in Java from the raw rows, without the ranking's SQL.
		Map<Long, Integer> perMinute = new HashMap<>();
		Set<String> ips = new HashSet<>();
		this.jdbc.sql("select at, ip, event_type from log_event where gw_id = :gw").param("gw", burst).query((rs) -> {
			String type = rs.getString("event_type");
			if (type.equals("LOGIN_SUCCESS")) {
				long minute = Math.floorDiv(rs.getObject("at", OffsetDateTime.class).toInstant().getEpochSecond(), 60);
				perMinute.merge(minute, 1, Integer::sum);
			}
			if (type.equals("LOGIN_SUCCESS") || type.equals("SMTP_AUTH_SUCCESS")) {
				ips.add(rs.getString("ip"));
			}
		});
		int peak = perMinute.values().stream().mapToInt(Integer::intValue).max().orElse(0);
		long above = perMinute.values().stream().filter((n) -> n > 10).count();
		List<String> addresses = manifest.accounts().get(burst).addresses();
		long queued = addresses.stream()
			.mapToLong((a) -> manifest.senderCounts().getOrDefault(a, new Manifest.FolderCounts(0, 0)).total())
			.sum();

		assertThat(suspect.evidence().peakLoginsPerMinute()).isEqualTo(peak);
		assertThat(suspect.evidence().minutesAboveHumanRate()).isEqualTo(above);
		assertThat(suspect.evidence().clientIps()).isEqualTo(ips.size());
		assertThat(suspect.evidence().queued()).isEqualTo(queued);
		assertThat(suspect.reasons()).contains("peak %,d logins/min, %,d minutes above 10/min: not a human"
			.formatted(peak, above, java.util.Locale.ENGLISH));
		assertThat(suspect.reasons()).anyMatch((r) -> r.startsWith("logins from %,d IPs in ".formatted(ips.size())));
	}

	@Test
	void aRecordedVerdictShowsInTheRankingAndItsHistoryKeepsEveryChange() {
		ingestGeneratedIncident(2000, 3, 3);
		String top = this.suspects.ranking(RankingQuery.all()).get(0).account();

		this.suspects.recordVerdict(top, Verdict.CONFIRMED_COMPROMISED, "47 logins a minute from abroad", "alice");
		this.suspects.recordVerdict(top, Verdict.CONTAINED, "login disabled, queue quarantined", "bob");

		assertThat(this.suspects.ranking(RankingQuery.all()).get(0).verdict()).isEqualTo(Verdict.CONTAINED);
		assertThat(this.suspects.verdicts(top)).extracting(VerdictRecorded::verdict, VerdictRecorded::actor)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Verdict.CONFIRMED_COMPROMISED, "alice"),
					org.assertj.core.groups.Tuple.tuple(Verdict.CONTAINED, "bob"));
	}

	@Test
	void loginsFromATrustedHostAreLeftOutOfTheEvidence() {
		Manifest manifest = ingestGeneratedIncident(2000, 3, 7);
		String service = manifest.decoys()
			.stream()
			.filter((d) -> d.kind().equals("SERVICE_ACCOUNT"))
			.map(Manifest.Decoy::account)
			.findFirst()
			.orElseThrow();

		Suspect untrusted = find(this.suspects.ranking(RankingQuery.all()), service);
		List<Suspect> trusted = this.suspects.ranking(RankingQuery.all(),
				this.thresholds.withTrustedHosts(List.of("10.10.1.0/24")));

		assertThat(untrusted.evidence().peakLoginsPerMinute()).isGreaterThan(10);
		assertThat(untrusted.loginPoints()).isPositive();
		// It has no other evidence (it sends no mail), so it leaves the list.
		assertThat(trusted).extracting(Suspect::account).doesNotContain(service);
	}

	private static Suspect find(List<Suspect> ranking, String account) {
		return ranking.stream().filter((s) -> s.account().equals(account)).findFirst().orElseThrow();
	}

}
