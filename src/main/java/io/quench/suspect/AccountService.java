package io.quench.suspect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;

import io.quench.cache.BackgroundCache;
import io.quench.db.BulkWriter;
import io.quench.source.IngestProgressed;
import io.quench.source.IngestRunFinished;
import io.quench.suspect.AccountDetail.DomainCount;
import io.quench.suspect.AccountDetail.IpUsage;
import io.quench.suspect.AccountDetail.LogLine;
import io.quench.suspect.AccountDetail.LogPage;
import io.quench.suspect.AccountDetail.LoginBucket;
import io.quench.suspect.AccountDetail.QueueBucket;
import io.quench.suspect.AccountDetail.QueuedMessage;
import io.quench.suspect.AccountDetail.SubjectCount;
import io.quench.suspect.EvidenceRepository.Window;
import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The account page: one account's identity, score, reasons and verdicts, and the numbers
 * behind them. An account's log events are those whose {@code gw_id} the ranking
 * attributes to it (its GroupWise id, network id, addresses and {@code userid@domain}
 * forms, as written in lower case, upper case, capitalised or as in the directory); its
 * queued messages are those of the sender addresses the ranking attributes to it.
 */
@Service
class AccountService {

	/** Login series: at most this many buckets (a chart 900 pixels wide). */
	static final int MAX_BUCKETS = 300;

	/** Client addresses listed: a spray target can have thousands. */
	static final int MAX_IPS = 100;

	static final int MAX_SUBJECTS = 10;

	static final int MAX_DOMAINS = 20;

	static final int LATEST_MESSAGES = 50;

	static final int LOG_PAGE_SIZE = 50;

	/** Deepest log page: beyond it the offset scan costs more than a person reads. */
	static final int MAX_LOG_PAGE = 2000;

	/** Bucket widths that read well on an axis, in units (minutes or hours). */
	private static final long[] NICE_MINUTES = { 1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440 };

	private static final long[] NICE_HOURS = { 1, 2, 3, 6, 12, 24 };

	/** An account key resolved to what the log and the queue know it by. */
	record Resolved(String key, boolean mapped, String gwId, String networkId, List<String> addresses,
			List<String> loginIds, List<String> senders, IdentityMap identities) {
	}

	private final DirectoryCache directory;

	private final AccountRepository repository;

	private final SuspectService suspects;

	private final RankingProperties thresholds;

	/**
	 * The numbers that take a pass over all of an account's messages and events (214,156
	 * messages and 320,363 events: 5 s on PostgreSQL, 20 s on H2), kept per account and
	 * window until a scan changes something ({@link BackgroundCache}: computed again at
	 * once for the accounts looked at lately, served older during a scan and, on
	 * PostgreSQL, after 30 s).
	 */
	private final BackgroundCache<FactsKey, Facts> facts;

	@Autowired
	AccountService(DirectoryCache directory, AccountRepository repository, SuspectService suspects,
			RankingProperties thresholds, Clock clock, BulkWriter database) {
		this(directory, repository, suspects, thresholds, clock, BackgroundCache.threads("account-facts", 1),
				database.postgres() ? FACTS_MAX_AGE : null);
	}

	AccountService(DirectoryCache directory, AccountRepository repository, SuspectService suspects,
			RankingProperties thresholds, Clock clock, Executor executor, Duration factsMaxAge) {
		this.directory = directory;
		this.repository = repository;
		this.suspects = suspects;
		this.thresholds = thresholds;
		this.facts = new BackgroundCache<>("Account facts", this::facts, clock, executor, 32, 4, factsMaxAge,
				Duration.ofSeconds(10));
	}

	/**
	 * How old cached account numbers may get on PostgreSQL (other instances may scan).
	 */
	static final Duration FACTS_MAX_AGE = Duration.ofSeconds(30);

	/** What an account's numbers are read for. */
	record FactsKey(List<String> loginIds, List<String> senders, Window window, List<String> trustedHosts) {

		FactsKey {
			loginIds = List.copyOf(loginIds);
			senders = List.copyOf(senders);
			trustedHosts = List.copyOf(trustedHosts);
		}

	}

	/** An account's numbers read from its messages and events. */
	record Facts(List<IpUsage> allIps, long loginBucket, List<AccountRepository.SlotRow> loginSlots,
			List<AccountRepository.FolderRow> folders, long queueBucket, List<AccountRepository.SlotRow> queueSlots,
			AccountRepository.Domains domains, List<AccountRepository.CountRow> subjects,
			List<AccountRepository.MessageRow> latest) {
	}

	/**
	 * The canonical key of an account: its GroupWise id for a mapped account (also when
	 * given one of its addresses or its network id), else the key in lower case.
	 * @throws AccountNotFoundException when nothing is known of it
	 */
	@PreAuthorize("hasRole('VIEWER')")
	@Transactional(readOnly = true)
	String canonicalKey(String key) {
		return resolve(key).key();
	}

	@PreAuthorize("hasRole('VIEWER')")
	@Transactional(readOnly = true)
	AccountDetail detail(String key, RankingQuery query) {
		Resolved account = resolve(key);
		Window window = Window.of(query.from(), query.to());
		Suspect suspect = this.suspects.ranking(query)
			.stream()
			.filter((s) -> s.account().equals(account.key()))
			.findFirst()
			.orElse(null);
		List<VerdictRecorded> verdicts = this.suspects.verdicts(account.key());
		Verdict verdict = verdicts.isEmpty() ? Verdict.NEW : verdicts.get(verdicts.size() - 1).verdict();

		Facts facts = this.facts
			.get(new FactsKey(account.loginIds(), account.senders(), window, this.thresholds.trustedHosts()));
		List<IpUsage> allIps = facts.allIps();
		long loginBucket = facts.loginBucket();
		List<AccountRepository.SlotRow> loginSlots = facts.loginSlots();
		long send = 0;
		long defer = 0;
		for (AccountRepository.FolderRow row : facts.folders()) {
			if ("DEFER".equals(row.folder())) {
				defer += row.messages();
			}
			else {
				send += row.messages();
			}
		}
		long queueBucket = facts.queueBucket();
		List<AccountRepository.SlotRow> queueSlots = facts.queueSlots();
		IdentityMap identities = account.identities();
		List<DomainCount> domains = facts.domains()
			.top()
			.stream()
			.map((row) -> new DomainCount(row.value(), row.count(), !identities.isLocal(row.value())))
			.toList();
		long domainCount = facts.domains().distinct();
		List<SubjectCount> subjects = facts.subjects()
			.stream()
			.map((row) -> new SubjectCount(row.value(), row.count()))
			.toList();
		List<QueuedMessage> latest = facts.latest()
			.stream()
			.map((row) -> new QueuedMessage(row.id(), row.folder().toLowerCase(Locale.ROOT), row.subject(), row.mtime(),
					row.recipients()))
			.toList();

		return new AccountDetail(account.key(), account.mapped(), account.gwId(), account.networkId(),
				account.addresses(), (suspect != null) ? suspect.score() : 0,
				(suspect != null) ? suspect.loginPoints() : 0, (suspect != null) ? suspect.queuePoints() : 0,
				suspect != null && suspect.likelyCompromised(), verdict, verdicts,
				(suspect != null) ? suspect.reasons() : List.of(), account.loginIds(), account.senders(), loginBucket,
				loginSeries(loginSlots, loginBucket, "LOGIN_SUCCESS", "LOGIN_FAILURE"),
				loginSeries(loginSlots, loginBucket, "SMTP_AUTH_SUCCESS", "SMTP_AUTH_FAILURE"),
				allIps.subList(0, Math.min(MAX_IPS, allIps.size())), Math.max(0, allIps.size() - MAX_IPS), queueBucket,
				queueSeries(queueSlots, queueBucket), send, defer, subjects, domains, domainCount, latest);
	}

	/** Reads an account's numbers (on the cache's thread). */
	private Facts facts(FactsKey key) {
		Window window = key.window();
		TrustedHosts trusted = TrustedHosts.of(key.trustedHosts());
		List<IpUsage> allIps = ips(this.repository.ips(key.loginIds(), window), trusted);
		List<String> excluded = allIps.stream().filter(IpUsage::trusted).map(IpUsage::ip).toList();
		Instant first = allIps.stream()
			.filter((ip) -> !ip.trusted())
			.map(IpUsage::firstSeen)
			.min(Comparator.naturalOrder())
			.orElse(null);
		Instant last = allIps.stream()
			.filter((ip) -> !ip.trusted())
			.map(IpUsage::lastSeen)
			.max(Comparator.naturalOrder())
			.orElse(null);
		long loginBucket = bucketSeconds(first, last, 60, NICE_MINUTES, 1440);
		List<AccountRepository.SlotRow> loginSlots = (first != null)
				? this.repository.loginSlots(key.loginIds(), window, loginBucket, excluded) : List.of();
		List<AccountRepository.FolderRow> folders = this.repository.folders(key.senders(), window);
		Instant firstQueued = null;
		Instant lastQueued = null;
		for (AccountRepository.FolderRow row : folders) {
			firstQueued = (firstQueued == null || row.first().isBefore(firstQueued)) ? row.first() : firstQueued;
			lastQueued = (lastQueued == null || row.last().isAfter(lastQueued)) ? row.last() : lastQueued;
		}
		long queueBucket = bucketSeconds(firstQueued, lastQueued, 3600, NICE_HOURS, 24);
		List<AccountRepository.SlotRow> queueSlots = (firstQueued != null)
				? this.repository.queueSlots(key.senders(), window, queueBucket) : List.of();
		return new Facts(allIps, loginBucket, loginSlots, folders, queueBucket, queueSlots,
				this.repository.recipientDomains(key.senders(), window, MAX_DOMAINS),
				this.repository.subjectTemplates(key.senders(), window, MAX_SUBJECTS),
				this.repository.latestMessages(key.senders(), window, LATEST_MESSAGES));
	}

	/** A scan that changed something: the numbers are wrong. */
	@EventListener
	void on(IngestRunFinished finished) {
		this.facts.scanFinished(finished.changed());
	}

	@EventListener
	void on(IngestProgressed progressed) {
		this.facts.progressed();
	}

	/** Links move addresses between accounts (after their commit). */
	@TransactionalEventListener(fallbackExecution = true)
	void on(IdentityLinked linked) {
		this.facts.dropAndReload();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(IdentityUnlinked unlinked) {
		this.facts.dropAndReload();
	}

	@PreDestroy
	void stop() {
		this.facts.close();
	}

	/** One page (from 0) of the account's raw log lines, newest first. */
	@PreAuthorize("hasRole('VIEWER')")
	@Transactional(readOnly = true)
	LogPage log(String key, RankingQuery query, int page) {
		if (page < 0 || page > MAX_LOG_PAGE) {
			throw new InvalidRankingQueryException("page must be between 0 and " + MAX_LOG_PAGE);
		}
		Resolved account = resolve(key);
		List<AccountRepository.LineRow> rows = this.repository.lines(account.loginIds(),
				Window.of(query.from(), query.to()), LOG_PAGE_SIZE + 1, (long) page * LOG_PAGE_SIZE);
		boolean hasNext = rows.size() > LOG_PAGE_SIZE;
		List<LogLine> lines = rows.stream()
			.limit(LOG_PAGE_SIZE)
			.map((row) -> new LogLine(row.at(), row.eventType(), row.fileName(), row.lineNumber(), row.raw()))
			.toList();
		return new LogPage(lines, page, hasNext);
	}

	Resolved resolve(String key) {
		if (key == null || key.isBlank()) {
			throw new AccountNotFoundException("");
		}
		String lower = key.strip().toLowerCase(Locale.ROOT);
		DirectoryCache.Directory directory = this.directory.directory();
		List<IdentityMap.DirectoryRow> rows = directory.rows();
		IdentityMap identities = directory.identities();
		IdentityMap.Identity account = identities.account(lower);
		if (account == null) {
			IdentityMap.Identity known = identities.login(lower, null);
			if (known != null && known.mapped()) {
				account = known;
			}
		}
		if (account != null) {
			String gwId = account.key();
			String networkId = identities.networkId(gwId);
			Set<String> asWritten = new LinkedHashSet<>();
			for (IdentityMap.DirectoryRow row : rows) {
				if (row.gwId().strip().equalsIgnoreCase(gwId)) {
					asWritten.add(row.gwId().strip());
					if (row.networkId() != null && !row.networkId().isBlank()) {
						asWritten.add(row.networkId().strip());
					}
				}
			}
			Set<String> ids = new LinkedHashSet<>();
			ids.add(gwId);
			if (networkId != null) {
				ids.add(networkId);
			}
			Set<String> senders = new LinkedHashSet<>(account.addresses());
			for (String domain : identities.localDomains()) {
				senders.add(gwId + "@" + domain);
				if (networkId != null) {
					senders.add(networkId + "@" + domain);
				}
			}
			ids.addAll(senders);
			String canonical = gwId;
			List<String> loginIds = this.repository.presentLoginIds(
					variants(ids, asWritten).filter((id) -> canonical.equals(keyOf(identities.login(id, null))))
						.toList());
			List<String> ownSenders = senders.stream()
				.filter((address) -> canonical.equals(identities.sender(address).key()))
				.toList();
			return new Resolved(canonical, true, gwId, networkId, account.addresses(), loginIds, ownSenders,
					identities);
		}
		List<String> loginIds = this.repository.presentLoginIds(
				variants(Set.of(lower), Set.of()).filter((id) -> lower.equals(keyOf(identities.login(id, null))))
					.toList());
		List<String> senders = (lower.indexOf('@') > 0 && lower.equals(identities.sender(lower).key())) ? List.of(lower)
				: List.of();
		if (loginIds.isEmpty() && !this.repository.hasMessages(senders)) {
			throw new AccountNotFoundException(lower);
		}
		return new Resolved(lower, false, null, null, senders, loginIds, senders, identities);
	}

	private static String keyOf(IdentityMap.Identity identity) {
		return (identity != null) ? identity.key() : null;
	}

	/** Lower case, upper case, capitalised, and the directory's spellings. */
	private static java.util.stream.Stream<String> variants(Set<String> ids, Set<String> asWritten) {
		Set<String> all = new LinkedHashSet<>();
		for (String id : ids) {
			all.add(id);
			all.add(id.toUpperCase(Locale.ROOT));
			all.add(id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1));
		}
		all.addAll(asWritten);
		return all.stream();
	}

	/**
	 * The bucket width in seconds: {@code unit} seconds times the smallest "nice" factor
	 * that keeps the span within {@link #MAX_BUCKETS} buckets (beyond the largest, whole
	 * multiples of {@code beyond} units).
	 */
	static long bucketSeconds(Instant first, Instant last, long unit, long[] nice, long beyond) {
		if (first == null || last == null) {
			return unit;
		}
		long units = Math.floorDiv(last.getEpochSecond(), unit) - Math.floorDiv(first.getEpochSecond(), unit) + 1;
		// A span of n units in buckets of f units touches at most ceil(n / f) + 1
		// buckets.
		long needed = Math.max(1, -Math.floorDiv(-units, MAX_BUCKETS - 1));
		for (long factor : nice) {
			if (factor >= needed) {
				return factor * unit;
			}
		}
		return -Math.floorDiv(-needed, beyond) * beyond * unit;
	}

	static long bucketSeconds(Instant first, Instant last, long unit) {
		return bucketSeconds(first, last, unit, (unit == 60) ? NICE_MINUTES : NICE_HOURS, (unit == 60) ? 1440 : 24);
	}

	private static List<IpUsage> ips(List<AccountRepository.IpRow> rows, TrustedHosts trusted) {
		Map<String, long[]> counts = new TreeMap<>();
		Map<String, Instant[]> seen = new TreeMap<>();
		Map<String, Set<String>> platforms = new TreeMap<>();
		for (AccountRepository.IpRow row : rows) {
			String ip = (row.ip() != null) ? row.ip() : "";
			long[] c = counts.computeIfAbsent(ip, (k) -> new long[4]);
			int index = AccountRepository.LOGIN_TYPES.indexOf(row.eventType());
			c[index] += row.count();
			Instant[] s = seen.computeIfAbsent(ip, (k) -> new Instant[2]);
			s[0] = (s[0] == null || row.first().isBefore(s[0])) ? row.first() : s[0];
			s[1] = (s[1] == null || row.last().isAfter(s[1])) ? row.last() : s[1];
			Set<String> p = platforms.computeIfAbsent(ip, (k) -> new TreeSet<>());
			if (row.platform() != null) {
				p.add(row.platform().toLowerCase(Locale.ROOT));
			}
		}
		List<IpUsage> ips = new ArrayList<>(counts.size());
		counts.forEach((ip, c) -> ips.add(new IpUsage(ip.isEmpty() ? null : ip, c[0], c[1], c[2], c[3], seen.get(ip)[0],
				seen.get(ip)[1], List.copyOf(platforms.get(ip)), trusted.contains(ip))));
		ips.sort(Comparator.comparingLong((IpUsage ip) -> ip.successes() + ip.failures())
			.reversed()
			.thenComparing(IpUsage::ip, Comparator.nullsLast(Comparator.naturalOrder())));
		return ips;
	}

	private static List<LoginBucket> loginSeries(List<AccountRepository.SlotRow> rows, long bucket, String success,
			String failure) {
		TreeMap<Long, long[]> slots = new TreeMap<>();
		for (AccountRepository.SlotRow row : rows) {
			int index = row.kind().equals(success) ? 0 : row.kind().equals(failure) ? 1 : -1;
			if (index >= 0) {
				slots.computeIfAbsent(row.slot(), (k) -> new long[2])[index] += row.count();
			}
		}
		List<LoginBucket> series = new ArrayList<>(slots.size());
		slots.forEach((slot, c) -> series.add(new LoginBucket(Instant.ofEpochSecond(slot * bucket), c[0], c[1])));
		return series;
	}

	private static List<QueueBucket> queueSeries(List<AccountRepository.SlotRow> rows, long bucket) {
		TreeMap<Long, long[]> slots = new TreeMap<>();
		for (AccountRepository.SlotRow row : rows) {
			slots.computeIfAbsent(row.slot(), (k) -> new long[2])["DEFER".equals(row.kind()) ? 1 : 0] += row.count();
		}
		List<QueueBucket> series = new ArrayList<>(slots.size());
		slots.forEach((slot, c) -> series.add(new QueueBucket(Instant.ofEpochSecond(slot * bucket), c[0], c[1])));
		return series;
	}

}
