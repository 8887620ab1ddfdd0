package io.quench.suspect;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quench.generator.GeneratorSettings;
import io.quench.generator.IncidentGenerator;
import io.quench.generator.Manifest;
import io.quench.source.IngestRun;
import io.quench.source.IngestRunFinished;
import io.quench.source.SourceDefinition;
import io.quench.source.SourceKind;
import io.quench.source.SourceService;
import io.quench.support.Sources;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Identity links on H2 and PostgreSQL (subclasses): the table keeps the history and
 * allows one active link per identifier; the service checks roles and the directory; and
 * a link moves an unmapped address's evidence into the account's ranking (and back).
 */
abstract class IdentityLinkContract {

	static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

	@TempDir
	Path dir;

	@Autowired
	IdentityLinkRepository repository;

	@Autowired
	IdentityLinkService links;

	@Autowired
	SourceService sources;

	@Autowired
	SuspectService suspects;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@BeforeEach
	void emptyTables() {
		signInAs("ADMIN");
		this.jdbc.sql("delete from identity_link").update();
		this.jdbc.sql("delete from suspect_verdict").update();
		Sources.deleteAll(this.jdbc);
	}

	@AfterEach
	void signOutAndLeaveNoLinks() {
		SecurityContextHolder.clearContext();
		// The context is shared with RankingContract, whose scenarios expect no links.
		this.jdbc.sql("delete from identity_link").update();
	}

	private static void signInAs(String role) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("tester", null,
					List.of(new SimpleGrantedAuthority("ROLE_" + role))));
	}

	@Test
	void oneActiveLinkPerIdentifierAndARemovedLinkStaysInTheHistory() {
		long first = this.repository.insert("x@spam.example", "jdoe", "same phone", "alice", T).orElseThrow();

		assertThat(this.repository.insert("x@spam.example", "news", "again", "bob", T.plusSeconds(1))).isEmpty();
		assertThat(this.repository.active()).containsExactly(Map.entry("x@spam.example", "jdoe"));

		assertThat(this.repository.remove(first, "wrong person", "bob", T.plusSeconds(60))).isTrue();
		assertThat(this.repository.remove(first, "twice", "bob", T.plusSeconds(61))).isFalse();
		assertThat(this.repository.active()).isEmpty();
		long second = this.repository.insert("x@spam.example", "news", "the newsletter tool", "bob", T.plusSeconds(120))
			.orElseThrow();

		assertThat(this.repository.active()).containsExactly(Map.entry("x@spam.example", "news"));
		List<IdentityLink> all = this.repository.all();
		assertThat(all).extracting(IdentityLink::id).containsExactly(second, first);
		IdentityLink removed = all.get(1);
		assertThat(removed.active()).isFalse();
		assertThat(removed.account()).isEqualTo("jdoe");
		assertThat(removed.linkedBy()).isEqualTo("alice");
		assertThat(removed.linkedAt()).isEqualTo(T);
		assertThat(removed.removedBy()).isEqualTo("bob");
		assertThat(removed.removedAt()).isEqualTo(T.plusSeconds(60));
		assertThat(removed.removalReason()).isEqualTo("wrong person");
		assertThat(this.repository.find(second)).get().extracting(IdentityLink::active).isEqualTo(true);
		assertThat(this.repository.find(second + 1000)).isEmpty();
	}

	@Test
	void aViewerReadsLinksButCannotChangeThem() {
		this.repository.insert("x@spam.example", "jdoe", "same phone", "alice", T);
		signInAs("VIEWER");

		assertThat(this.links.links()).hasSize(1);
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.links.link("y@spam.example", "jdoe", "why", "viewer"));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.links.unlink(this.links.links().get(0).id(), "why", "viewer"));
	}

	@Test
	void withoutADirectoryAnyAccountKeyIsAcceptedAndFieldsAreCheckedAndNormalised() {
		signInAs("OPERATOR");

		IdentityLinked linked = this.links.link("  X@Spam.Example ", "JDoe", " same phone ", "alice");

		assertThat(linked.identifier()).isEqualTo("x@spam.example");
		assertThat(linked.account()).isEqualTo("jdoe");
		assertThat(linked.reason()).isEqualTo("same phone");
		assertThat(invalid(() -> this.links.link("x@spam.example", "news", "again", "bob")))
			.isEqualTo("links.invalid.duplicate");
		assertThat(invalid(() -> this.links.link("a b", "jdoe", "why", "bob"))).isEqualTo("links.invalid.identifier");
		assertThat(invalid(() -> this.links.link("y@spam.example", "", "why", "bob")))
			.isEqualTo("links.invalid.account");
		assertThat(invalid(() -> this.links.link("y@spam.example", "jdoe", " ", "bob")))
			.isEqualTo("links.invalid.reason");
		assertThat(invalid(() -> this.links.link("jdoe", "jdoe", "why", "bob"))).isEqualTo("links.invalid.self");

		IdentityUnlinked unlinked = this.links.unlink(linked.id(), "wrong person", "bob");
		assertThat(unlinked.identifier()).isEqualTo("x@spam.example");
		assertThat(unlinked.account()).isEqualTo("jdoe");
		assertThat(invalid(() -> this.links.unlink(linked.id(), "again", "bob"))).isEqualTo("links.invalid.removed");
		assertThatExceptionOfType(IdentityLinkNotFoundException.class)
			.isThrownBy(() -> this.links.unlink(linked.id() + 1000, "why", "bob"));
	}

	private static String invalid(Runnable call) {
		try {
			call.run();
		}
		catch (InvalidIdentityLinkException ex) {
			return ex.key();
		}
		return "accepted";
	}

	@Test
	void afterLinkingAnUnmappedAddressToTheCompromisedAccountItsQueuedCountIncludesThatAddress() {
		Path out = this.dir.resolve("incident");
		Manifest manifest = IncidentGenerator.generate(GeneratorSettings.of(out, 2000, 3, 11));
		scan(SourceKind.DIRECTORY, out.resolve("directory.csv"));
		scan(SourceKind.QUEUE, out.resolve("gwia"));
		scan(SourceKind.POA_LOG, out.resolve("poa"));
		scan(SourceKind.GWIA_LOG, out.resolve("gwia-log"));
		String burst = manifest.compromisedKinds()
			.entrySet()
			.stream()
			.filter((e) -> e.getValue().equals("BURST"))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
		String busiest = manifest.accounts()
			.get(burst)
			.addresses()
			.stream()
			.max(Comparator
				.comparingLong((a) -> manifest.senderCounts().getOrDefault(a, new Manifest.FolderCounts(0, 0)).total()))
			.orElseThrow();
		long all = manifest.accounts()
			.get(burst)
			.addresses()
			.stream()
			.mapToLong((a) -> manifest.senderCounts().getOrDefault(a, new Manifest.FolderCounts(0, 0)).total())
			.sum();
		// The attacker sends 40 of its messages with a forged envelope sender the
		// directory
		// does not know.
		String forged = "kd.spam@freemail.example";
		int moved = this.jdbc.sql("""
				update queue_message set sender = :forged, sender_domain = 'freemail.example'
				where id in (select id from queue_message where sender = :address and gone_at is null
					and folder in ('SEND', 'DEFER') order by id fetch first 40 rows only)
				""").param("forged", forged).param("address", busiest).update();
		assertThat(moved).isEqualTo(40);
		// Written behind the scans' back: say so, as a scan that stored it would.
		this.events.publishEvent(new IngestRunFinished(9_999, 1, SourceKind.QUEUE, IngestRun.Status.SUCCEEDED));
		signInAs("OPERATOR");

		Suspect unmapped = find(forged).orElseThrow();
		assertThat(unmapped.mapped()).isFalse();
		assertThat(unmapped.evidence().queued()).isEqualTo(40);
		assertThat(find(burst).orElseThrow().evidence().queued()).isEqualTo(all - 40);

		IdentityLinked linked = this.links.link(forged, burst, "same campaign, same hours", "alice");

		Suspect joined = find(burst).orElseThrow();
		assertThat(joined.evidence().queued()).isEqualTo(all);
		assertThat(joined.addresses()).contains(forged, busiest);
		assertThat(joined.likelyCompromised()).isTrue();
		assertThat(find(forged)).isEmpty();

		this.links.unlink(linked.id(), "wrong account", "bob");

		assertThat(find(forged).orElseThrow().evidence().queued()).isEqualTo(40);
		assertThat(find(burst).orElseThrow().evidence().queued()).isEqualTo(all - 40);
	}

	@Test
	void withADirectoryTheAccountMustBeInItAndDirectoryIdentifiersCannotBeLinked() {
		Path out = this.dir.resolve("directory-only");
		Manifest manifest = IncidentGenerator.generate(GeneratorSettings.of(out, 200, 1, 3));
		scan(SourceKind.DIRECTORY, out.resolve("directory.csv"));
		Manifest.Account account = manifest.accounts().values().iterator().next();
		signInAs("OPERATOR");

		assertThat(invalid(() -> this.links.link("x@spam.example", "no-such-account", "why", "alice")))
			.isEqualTo("links.invalid.unknownAccount");
		assertThat(invalid(() -> this.links.link(account.addresses().get(0), "no-such-account", "why", "alice")))
			.isEqualTo("links.invalid.inDirectory");
		// A link naming the account by its address is stored under its GroupWise id.
		assertThat(this.links.link("x@spam.example", account.addresses().get(0), "why", "alice").account())
			.isEqualTo(account.gwId().toLowerCase(java.util.Locale.ROOT));
	}

	private Optional<Suspect> find(String account) {
		return this.suspects.ranking(RankingQuery.all())
			.stream()
			.filter((s) -> s.account().equals(account))
			.findFirst();
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

}
