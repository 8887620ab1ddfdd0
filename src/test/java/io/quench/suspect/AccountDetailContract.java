package io.quench.suspect;

import io.quench.db.BulkWriter;
import io.quench.db.StreamingReads;
import io.quench.queue.RecipientList;
import io.quench.source.SourceService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.quench.suspect.AccountDetail.IpUsage;
import io.quench.suspect.AccountDetail.LoginBucket;
import io.quench.suspect.AccountDetail.QueueBucket;
import io.quench.suspect.EvidenceRepository.Window;
import io.quench.support.Recipients;
import io.quench.support.Sources;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The account page's SQL on H2 and PostgreSQL (subclasses), over a small hand-built data
 * set: every number is recomputed here, in Java, from the rows the test inserted.
 */
@Import({ AccountRepository.class, AccountService.class, DirectoryCache.class, EvidenceRepository.class,
		BulkWriter.class, StreamingReads.class, EvidenceCollector.class, EvidenceCache.class, VerdictRepository.class,
		ReasonText.class, SuspectService.class, IdentityLinkRepository.class, RankingSettings.class,
		RankingThresholdRepository.class, AccountDetailContract.Beans.class })
abstract class AccountDetailContract {

	/** No scan runs here: the ranking is never provisional. */
	@MockitoBean
	SourceService sources;

	static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

	static final long SOURCE = 9201;

	static final String TRUSTED = "192.0.2.9";

	@TestConfiguration
	static class Beans {

		@Bean
		RankingProperties rankingProperties() {
			return RankingProperties.defaults().withTrustedHosts(List.of("192.0.2.0/24"));
		}

		@Bean
		Clock clock() {
			return Clock.fixed(T, ZoneOffset.UTC);
		}

		@Bean
		MessageSource messageSource() {
			ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
			messages.setBasename("messages");
			messages.setDefaultEncoding("UTF-8");
			return messages;
		}

	}

	record Event(Instant at, String type, String gwId, String ip, String platform, long line) {
	}

	record Message(long id, String sender, String folder, String subject, Instant mtime, boolean present,
			List<String> recipients) {
	}

	@Autowired
	AccountRepository repository;

	@Autowired
	AccountService service;

	@Autowired
	JdbcClient jdbc;

	final List<Event> events = new ArrayList<>();

	final List<Message> messages = new ArrayList<>();

	private long nextId = 800_000;

	private long nextLine = 1;

	/** The login ids that belong to jdoe, as the log writes them. */
	static final Set<String> JDOE_IDS = Set.of("JDoe", "jdoe", "JDOE", "john.doe", "john.doe@example.org",
			"jd@example.org");

	static final Set<String> JDOE_SENDERS = Set.of("john.doe@example.org", "jd@example.org", "jdoe@example.org");

	@AfterEach
	void clean() {
		this.jdbc.sql("delete from suspect_verdict").update();
		Sources.delete(this.jdbc, SOURCE);
	}

	@BeforeEach
	void aSmallIncident() {
		clean();
		this.jdbc.sql("""
				insert into source (id, name, kind, path, zone, declared, enabled, created_at, updated_at)
				values (:id, 'account-detail', 'QUEUE', '/tmp/q', 'UTC', false, true, :now, :now)
				""").param("id", SOURCE).param("now", T.atOffset(ZoneOffset.UTC)).update();
		long jdoe = account("JDoe", "john.doe");
		address(jdoe, "john.doe@example.org", true);
		address(jdoe, "jd@example.org", false);
		long mroe = account("mroe", "m.roe");
		address(mroe, "m.roe@example.org", true);

		// jdoe's POA logins, written with three spellings of the GroupWise id and the
		// network id.
		event(0, "LOGIN_SUCCESS", "JDoe", "198.51.100.7", "imap");
		event(10, "LOGIN_SUCCESS", "JDoe", "198.51.100.7", "imap");
		event(50, "LOGIN_SUCCESS", "jdoe", "198.51.100.7", "Windows");
		event(61, "LOGIN_SUCCESS", "JDOE", "203.0.113.5", "imap");
		event(65, "LOGIN_SUCCESS", "jdoe", "203.0.113.5", "soap");
		event(70, "LOGIN_SUCCESS", "john.doe", "203.0.113.5", "imap");
		event(30, "LOGIN_FAILURE", "JDOE", "203.0.113.77", null);
		event(62, "LOGIN_FAILURE", "jdoe", "203.0.113.5", null);
		event(3 * 3600, "LOGIN_SUCCESS", "jdoe", "198.51.100.7", "imap");
		event(7 * 3600 + 5, "LOGIN_FAILURE", "jdoe", "203.0.113.77", null);
		// A trusted host (the Mobility server): listed, but left out of the timeline.
		event(20, "LOGIN_SUCCESS", "jdoe", TRUSTED, "soap");
		event(21, "LOGIN_SUCCESS", "jdoe", TRUSTED, "soap");
		// SMTP AUTH at the GWIA, by address.
		event(90, "SMTP_AUTH_SUCCESS", "john.doe@example.org", "203.0.113.5", null);
		event(95, "SMTP_AUTH_SUCCESS", "john.doe@example.org", "203.0.113.6", null);
		event(96, "SMTP_AUTH_FAILURE", "jd@example.org", "198.51.100.7", null);
		// A logout: a raw line of the account, not a login.
		event(100, "LOGOUT", "jdoe", "198.51.100.7", "imap");
		// Before the window the tests use.
		event(-86_400, "LOGIN_SUCCESS", "jdoe", "198.51.100.99", "imap");
		// Other accounts: never counted for jdoe.
		event(10, "LOGIN_SUCCESS", "mroe", "198.51.100.7", "imap");
		event(12, "LOGIN_SUCCESS", "jdoex", "198.51.100.7", "imap");
		event(14, "SMTP_AUTH_SUCCESS", "m.roe@example.org", "198.51.100.7", null);

		// jdoe's queued messages: two directory addresses and the userid@domain form.
		message("john.doe@example.org", "SEND", "Invoice 123 due", 0, true, "a@x.example", "b@y.example",
				"c@example.org");
		message("john.doe@example.org", "SEND", "Invoice 456 due", 10, true, "d@x.example");
		message("jd@example.org", "DEFER", "Invoice 789 due", 70, true, "e@x.example", "f@z.example");
		message("jd@example.org", "DEFER", "Rechnung DEADBEEF12 offen", 75, true, "g@x.example");
		message("jdoe@example.org", "SEND", null, 200, true, "h@w.example");
		message("jdoe@example.org", "SEND", "Invoice 1 due", 61 * 60, true, "i@x.example");
		// Gone, in OTHER, or another account's: never counted.
		message("john.doe@example.org", "SEND", "Invoice 999 due", 5, false, "z@x.example");
		message("john.doe@example.org", "OTHER", "Invoice 998 due", 6, true, "z@x.example");
		message("m.roe@example.org", "SEND", "Invoice 997 due", 7, true, "z@x.example");
	}

	private long account(String gwId, String networkId) {
		long id = this.nextId++;
		this.jdbc.sql("""
				insert into directory_account (id, source_id, gw_id, network_id) values (:id, :source, :gw, :net)
				""").param("id", id).param("source", SOURCE).param("gw", gwId).param("net", networkId).update();
		return id;
	}

	private void address(long account, String address, boolean preferred) {
		this.jdbc.sql("""
				insert into directory_address (account_id, address, preferred) values (:id, :address, :preferred)
				""").param("id", account).param("address", address).param("preferred", preferred).update();
	}

	private void event(long seconds, String type, String gwId, String ip, String platform) {
		Instant at = T.plusSeconds(seconds);
		long line = this.nextLine++;
		this.events.add(new Event(at, type, gwId, ip, platform, line));
		this.jdbc.sql("""
				insert into log_event (source_id, at, log_kind, event_type, gw_id, ip, platform, pattern, file_name,
					line_number, byte_offset, raw)
				values (:source, :at, 'POA', :type, :gw, :ip, :platform, 'test', '1204poa.001', :line, :offset, :raw)
				""")
			.param("source", SOURCE)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("type", type)
			.param("gw", gwId)
			.param("ip", ip)
			.param("platform", platform)
			.param("line", line)
			.param("offset", line * 100)
			.param("raw", "<b>" + type + "</b> " + gwId + " " + ip + " #" + line)
			.update();
	}

	private void message(String sender, String folder, String subject, long minutes, boolean present,
			String... recipients) {
		long id = this.nextId++;
		Instant mtime = T.plus(minutes, ChronoUnit.MINUTES);
		this.messages.add(new Message(id, sender, folder, subject, mtime, present, List.of(recipients)));
		this.jdbc.sql("""
				insert into queue_message (id, source_id, rel_path, path_hash, folder, size_bytes, mtime, dialect,
					status, sender, sender_domain, subject, recipient_count, first_seen, changed_at, gone_at, run_id)
				values (:id, :source, :path, :id, :folder, 100, :mtime, 'GWIA', 'PARSED', :sender, :domain, :subject,
					:recipients, :now, :now, :gone, 1)
				""")
			.param("id", id)
			.param("source", SOURCE)
			.param("path", folder.toLowerCase(Locale.ROOT) + "/" + id)
			.param("folder", folder)
			.param("mtime", mtime.atOffset(ZoneOffset.UTC))
			.param("sender", sender)
			.param("domain", sender.substring(sender.indexOf('@') + 1))
			.param("subject", subject)
			.param("recipients", recipients.length)
			.param("now", T.atOffset(ZoneOffset.UTC))
			.param("gone", present ? null : T.atOffset(ZoneOffset.UTC), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.update();
		for (String recipient : recipients) {
			Recipients.add(this.jdbc, id, recipient);
		}
		// An address of unknown role is no recipient.
		Recipients.add(this.jdbc, id, RecipientList.Role.UNKNOWN, "u@u.example");
	}

	// What the rows say, recomputed in Java.

	private List<Event> jdoeLogins(Window window) {
		return this.events.stream()
			.filter((e) -> JDOE_IDS.contains(e.gwId()) && AccountRepository.LOGIN_TYPES.contains(e.type()))
			.filter((e) -> inWindow(e.at(), window))
			.toList();
	}

	private List<Message> jdoeMessages(Window window) {
		return this.messages.stream()
			.filter((m) -> JDOE_SENDERS.contains(m.sender()) && m.present() && !m.folder().equals("OTHER"))
			.filter((m) -> inWindow(m.mtime(), window))
			.toList();
	}

	private static boolean inWindow(Instant at, Window window) {
		return !at.isBefore(window.from().toInstant()) && at.isBefore(window.to().toInstant());
	}

	private static final Window FROM_T = Window.of(T, null);

	private static final List<String> IDS = List.copyOf(new TreeSet<>(JDOE_IDS));

	private static final List<String> SENDERS = List.copyOf(new TreeSet<>(JDOE_SENDERS));

	@Test
	void ipsHaveCountsPerTypeAndFirstAndLastSeenAsTheRowsSay() {
		List<AccountRepository.IpRow> rows = this.repository.ips(IDS, FROM_T);

		Map<String, List<Event>> byKey = jdoeLogins(FROM_T).stream()
			.collect(Collectors.groupingBy((e) -> e.ip() + "|" + e.type() + "|" + e.platform()));
		assertThat(rows).hasSize(byKey.size());
		for (AccountRepository.IpRow row : rows) {
			List<Event> expected = byKey.get(row.ip() + "|" + row.eventType() + "|" + row.platform());
			assertThat(expected).as(row.toString()).isNotNull();
			assertThat(row.count()).isEqualTo(expected.size());
			assertThat(row.first()).isEqualTo(expected.stream().map(Event::at).min(Comparator.naturalOrder()).get());
			assertThat(row.last()).isEqualTo(expected.stream().map(Event::at).max(Comparator.naturalOrder()).get());
		}
	}

	@Test
	void loginSlotsCountEventsPerBucketAndLeaveOutTrustedHosts() {
		for (long bucket : new long[] { 60, 120, 3600 }) {
			List<AccountRepository.SlotRow> rows = this.repository.loginSlots(IDS, FROM_T, bucket, List.of(TRUSTED));
			Map<String, Long> expected = jdoeLogins(FROM_T).stream()
				.filter((e) -> !TRUSTED.equals(e.ip()))
				.collect(Collectors.groupingBy((e) -> e.type() + "@" + Math.floorDiv(e.at().getEpochSecond(), bucket),
						Collectors.counting()));
			Map<String, Long> actual = rows.stream()
				.collect(Collectors.toMap((r) -> r.kind() + "@" + r.slot(), AccountRepository.SlotRow::count));
			assertThat(actual).as("bucket " + bucket).isEqualTo(expected);
		}
		long withTrusted = this.repository.loginSlots(IDS, FROM_T, 60, List.of())
			.stream()
			.mapToLong(AccountRepository.SlotRow::count)
			.sum();
		assertThat(withTrusted).isEqualTo(jdoeLogins(FROM_T).size());
	}

	@Test
	void queueCountsPerFolderAndPerHourLeaveOutGoneOtherAndOtherSenders() {
		List<Message> expected = jdoeMessages(FROM_T);
		Map<String, Long> perFolder = expected.stream()
			.collect(Collectors.groupingBy(Message::folder, Collectors.counting()));
		assertThat(this.repository.folders(SENDERS, FROM_T)).allSatisfy((row) -> {
			assertThat(row.messages()).isEqualTo(perFolder.get(row.folder()));
			List<Instant> times = expected.stream()
				.filter((m) -> m.folder().equals(row.folder()))
				.map(Message::mtime)
				.toList();
			assertThat(row.first()).isEqualTo(times.stream().min(Comparator.naturalOrder()).get());
			assertThat(row.last()).isEqualTo(times.stream().max(Comparator.naturalOrder()).get());
		}).hasSize(perFolder.size());

		Map<String, Long> perHour = expected.stream()
			.collect(Collectors.groupingBy((m) -> m.folder() + "@" + Math.floorDiv(m.mtime().getEpochSecond(), 3600),
					Collectors.counting()));
		Map<String, Long> actual = this.repository.queueSlots(SENDERS, FROM_T, 3600)
			.stream()
			.collect(Collectors.toMap((r) -> r.kind() + "@" + r.slot(), AccountRepository.SlotRow::count));
		assertThat(actual).isEqualTo(perHour);
	}

	private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{8,}");

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	@Test
	void subjectTemplatesAreMaskedAsTheRankingMasksThemMostCommonFirst() {
		Map<String, Long> templates = jdoeMessages(FROM_T).stream()
			.collect(Collectors
				.groupingBy((m) -> DIGITS.matcher(HEX.matcher((m.subject() != null) ? m.subject() : "").replaceAll("#"))
					.replaceAll("#"), Collectors.counting()));
		List<AccountRepository.CountRow> rows = this.repository.subjectTemplates(SENDERS, FROM_T, 10);

		assertThat(rows).extracting(AccountRepository.CountRow::value, AccountRepository.CountRow::count)
			.containsExactlyInAnyOrderElementsOf(templates.entrySet()
				.stream()
				.map((e) -> org.assertj.core.groups.Tuple.tuple(e.getKey(), e.getValue()))
				.toList());
		assertThat(rows.get(0).value()).isEqualTo("Invoice # due");
		assertThat(rows.get(0).count()).isEqualTo(4);
		assertThat(this.repository.subjectTemplates(SENDERS, FROM_T, 1)).hasSize(1);
	}

	@Test
	void recipientDomainsCountRecipientsOfPresentMessagesMostFirstAndLimited() {
		Map<String, Long> domains = jdoeMessages(FROM_T).stream()
			.flatMap((m) -> m.recipients().stream())
			.collect(Collectors.groupingBy((r) -> r.substring(r.indexOf('@') + 1), Collectors.counting()));
		AccountRepository.Domains all = this.repository.recipientDomains(SENDERS, FROM_T, 20);
		List<AccountRepository.CountRow> rows = all.top();

		assertThat(rows).extracting(AccountRepository.CountRow::value, AccountRepository.CountRow::count)
			.containsExactlyInAnyOrderElementsOf(domains.entrySet()
				.stream()
				.map((e) -> org.assertj.core.groups.Tuple.tuple(e.getKey(), e.getValue()))
				.toList());
		assertThat(rows.get(0).value()).isEqualTo("x.example");
		assertThat(all.distinct()).isEqualTo(domains.size());
		AccountRepository.Domains two = this.repository.recipientDomains(SENDERS, FROM_T, 2);
		assertThat(two.top()).hasSize(2);
		assertThat(two.distinct()).isEqualTo(domains.size());
	}

	@Test
	void latestMessagesAreNewestFirstAndLimited() {
		List<Message> expected = jdoeMessages(FROM_T).stream()
			.sorted(Comparator.comparing(Message::mtime).reversed())
			.toList();
		List<AccountRepository.MessageRow> rows = this.repository.latestMessages(SENDERS, FROM_T, 3);

		assertThat(rows).extracting(AccountRepository.MessageRow::id)
			.containsExactlyElementsOf(expected.stream().limit(3).map(Message::id).toList());
		assertThat(rows.get(0).recipients()).isEqualTo(expected.get(0).recipients().size());
		assertThat(rows.get(0).mtime()).isEqualTo(expected.get(0).mtime());
	}

	@Test
	void rawLinesArePagedNewestFirstOverEveryEventTypeOfTheLoginIds() {
		List<Event> expected = this.events.stream()
			.filter((e) -> JDOE_IDS.contains(e.gwId()))
			.sorted(Comparator.comparing(Event::at).reversed())
			.toList();
		List<AccountRepository.LineRow> all = new ArrayList<>();
		for (int page = 0; page < 10; page++) {
			List<AccountRepository.LineRow> rows = this.repository.lines(IDS, Window.of(null, null), 4, page * 4L);
			all.addAll(rows);
			if (rows.size() < 4) {
				break;
			}
		}
		assertThat(all).extracting(AccountRepository.LineRow::lineNumber)
			.containsExactlyElementsOf(expected.stream().map(Event::line).toList());
		assertThat(all.get(0).raw()).startsWith("<b>").contains("#" + expected.get(0).line());
		assertThat(all.get(0).fileName()).isEqualTo("1204poa.001");
	}

	@Test
	void theServiceResolvesSpellingsAddressesAndTheNetworkIdToOneAccount() {
		assertThat(this.service.canonicalKey("JDOE")).isEqualTo("jdoe");
		assertThat(this.service.canonicalKey("jd@example.org")).isEqualTo("jdoe");
		assertThat(this.service.canonicalKey("john.doe")).isEqualTo("jdoe");
		assertThat(this.service.canonicalKey("jdoex")).isEqualTo("jdoex");
		// Only spellings that occur in the log are kept.
		assertThat(this.service.resolve("jdoe").loginIds()).containsExactlyInAnyOrderElementsOf(JDOE_IDS);
		assertThat(this.service.resolve("jdoe").senders()).containsExactlyInAnyOrderElementsOf(JDOE_SENDERS);
		assertThatThrownBy(() -> this.service.canonicalKey("nobody")).isInstanceOf(AccountNotFoundException.class);
		assertThatThrownBy(() -> this.service.canonicalKey("nobody@example.org"))
			.isInstanceOf(AccountNotFoundException.class);
	}

	@Test
	void theDetailHasTheIdentityTheBucketedTimelineTheIpsAndTheQueueAsTheRowsSay() {
		AccountDetail detail = this.service.detail("jdoe", new RankingQuery(T, null));

		assertThat(detail.account()).isEqualTo("jdoe");
		assertThat(detail.mapped()).isTrue();
		assertThat(detail.networkId()).isEqualTo("john.doe");
		assertThat(detail.addresses()).containsExactly("john.doe@example.org", "jd@example.org");
		assertThat(detail.verdict()).isEqualTo(Verdict.NEW);

		// Logins span 7 hours: 421 minutes do not fit 300 buckets, 2-minute ones do.
		assertThat(detail.loginBucketSeconds()).isEqualTo(120);
		List<Event> counted = jdoeLogins(FROM_T).stream().filter((e) -> !TRUSTED.equals(e.ip())).toList();
		assertThat(detail.loginsPerMinute())
			.containsExactlyElementsOf(series(counted, 120, "LOGIN_SUCCESS", "LOGIN_FAILURE"));
		assertThat(detail.smtpAuth())
			.containsExactlyElementsOf(series(counted, 120, "SMTP_AUTH_SUCCESS", "SMTP_AUTH_FAILURE"));

		Map<String, List<Event>> byIp = jdoeLogins(FROM_T).stream().collect(Collectors.groupingBy(Event::ip));
		assertThat(detail.ips()).hasSize(byIp.size());
		for (IpUsage ip : detail.ips()) {
			List<Event> own = byIp.get(ip.ip());
			assertThat(ip.logins()).isEqualTo(own.stream().filter((e) -> e.type().equals("LOGIN_SUCCESS")).count());
			assertThat(ip.failedLogins())
				.isEqualTo(own.stream().filter((e) -> e.type().equals("LOGIN_FAILURE")).count());
			assertThat(ip.smtpAuthSuccesses())
				.isEqualTo(own.stream().filter((e) -> e.type().equals("SMTP_AUTH_SUCCESS")).count());
			assertThat(ip.firstSeen()).isEqualTo(own.stream().map(Event::at).min(Comparator.naturalOrder()).get());
			assertThat(ip.lastSeen()).isEqualTo(own.stream().map(Event::at).max(Comparator.naturalOrder()).get());
			assertThat(ip.platforms()).containsExactlyElementsOf(own.stream()
				.map(Event::platform)
				.filter(java.util.Objects::nonNull)
				.map((p) -> p.toLowerCase(Locale.ROOT))
				.collect(Collectors.toCollection(TreeSet::new)));
			assertThat(ip.trusted()).isEqualTo(TRUSTED.equals(ip.ip()));
		}
		assertThat(detail.ips().get(0).ip()).isEqualTo("198.51.100.7");

		List<Message> queued = jdoeMessages(FROM_T);
		assertThat(detail.queuedSend()).isEqualTo(queued.stream().filter((m) -> m.folder().equals("SEND")).count());
		assertThat(detail.queuedDefer()).isEqualTo(queued.stream().filter((m) -> m.folder().equals("DEFER")).count());
		// Messages span 61 hours: hourly buckets.
		assertThat(detail.queueBucketSeconds()).isEqualTo(3600);
		TreeMap<Long, long[]> hours = new TreeMap<>();
		queued.forEach((m) -> hours.computeIfAbsent(Math.floorDiv(m.mtime().getEpochSecond(), 3600),
				(k) -> new long[2])[m.folder().equals("DEFER") ? 1 : 0]++);
		assertThat(detail.queueSeries()).containsExactlyElementsOf(hours.entrySet()
			.stream()
			.map((e) -> new QueueBucket(Instant.ofEpochSecond(e.getKey() * 3600), e.getValue()[0], e.getValue()[1]))
			.toList());
		assertThat(detail.recipientDomains()).filteredOn(AccountDetail.DomainCount::external)
			.extracting(AccountDetail.DomainCount::domain)
			.doesNotContain("example.org");
		assertThat(detail.recipientDomains()).filteredOn((d) -> !d.external())
			.extracting(AccountDetail.DomainCount::domain)
			.containsExactly("example.org");
		assertThat(detail.latestMessages()).hasSize(queued.size());
		assertThat(detail.latestMessages().get(0).queue()).isEqualTo("send");
	}

	@Test
	void theLogPagesOfTheServiceHoldFiftyLinesAndSayWhetherMoreFollow() {
		AccountDetail.LogPage first = this.service.log("jdoe", RankingQuery.all(), 0);
		long own = this.events.stream().filter((e) -> JDOE_IDS.contains(e.gwId())).count();
		assertThat(first.lines()).hasSize((int) Math.min(own, AccountService.LOG_PAGE_SIZE));
		assertThat(first.hasNext()).isEqualTo(own > AccountService.LOG_PAGE_SIZE);
		assertThat(first.hasPrevious()).isFalse();
		assertThat(this.service.log("jdoe", RankingQuery.all(), 1).lines()).isEmpty();
		assertThatThrownBy(() -> this.service.log("jdoe", RankingQuery.all(), -1))
			.isInstanceOf(InvalidRankingQueryException.class);
	}

	@Test
	void aVerdictShowsAsTheCurrentOneWithItsHistory() {
		this.jdbc
			.sql("""
					insert into suspect_verdict (account_key, verdict, reason, actor, recorded_at)
					values ('jdoe', 'FALSE_POSITIVE', 'first look', 'bob', :at), ('jdoe', 'CONFIRMED_COMPROMISED', 'logins', 'alice', :at)
					""")
			.param("at", T.atOffset(ZoneOffset.UTC))
			.update();
		AccountDetail detail = this.service.detail("jdoe", RankingQuery.all());
		assertThat(detail.verdict()).isEqualTo(Verdict.CONFIRMED_COMPROMISED);
		assertThat(detail.verdicts()).extracting(VerdictRecorded::actor).containsExactly("bob", "alice");
	}

	@Test
	void bucketsWidenToNiceStepsSoThatASpanFitsThreeHundred() {
		assertThat(AccountService.bucketSeconds(T, T.plus(Duration.ofMinutes(298)), 60)).isEqualTo(60);
		assertThat(AccountService.bucketSeconds(T, T.plus(Duration.ofMinutes(420)), 60)).isEqualTo(120);
		assertThat(AccountService.bucketSeconds(T, T.plus(Duration.ofDays(5)), 60)).isEqualTo(30 * 60);
		assertThat(AccountService.bucketSeconds(T, T.plus(Duration.ofDays(400)), 3600)).isEqualTo(48 * 3600);
		for (long minutes : new long[] { 1, 299, 300, 301, 1000, 7200, 100_000 }) {
			long bucket = AccountService.bucketSeconds(T, T.plus(Duration.ofMinutes(minutes)), 60);
			long buckets = Math.floorDiv(T.plus(Duration.ofMinutes(minutes)).getEpochSecond(), bucket)
					- Math.floorDiv(T.getEpochSecond(), bucket) + 1;
			assertThat(buckets).as(minutes + " minutes").isLessThanOrEqualTo(AccountService.MAX_BUCKETS);
		}
	}

	private static List<LoginBucket> series(List<Event> events, long bucket, String success, String failure) {
		Map<Long, long[]> slots = new TreeMap<>();
		for (Event e : events) {
			int index = e.type().equals(success) ? 0 : e.type().equals(failure) ? 1 : -1;
			if (index >= 0) {
				slots.computeIfAbsent(Math.floorDiv(e.at().getEpochSecond(), bucket), (k) -> new long[2])[index]++;
			}
		}
		List<LoginBucket> series = new ArrayList<>();
		slots.forEach((slot, c) -> series.add(new LoginBucket(Instant.ofEpochSecond(slot * bucket), c[0], c[1])));
		return series;
	}

}
