package io.quench.sender;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.quench.db.StreamingReads;
import io.quench.queue.RecipientList;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queued messages per sender, aggregated by the database, but for the distinct recipient
 * domains, which Java counts from each message's stored recipients. The SQL is the same
 * on H2 (PostgreSQL mode) and PostgreSQL. Every filter value is a bound parameter; the
 * statements' text is constant; the page is sorted and cut in Java from the per-sender
 * totals.
 */
@Repository
class SenderRepository {

	/** "No lower bound". */
	static final OffsetDateTime BEGINNING = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	/** "No upper bound". */
	static final OffsetDateTime END = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	/**
	 * The filters, on {@code queue_message m}. Values are bound parameters; the text is
	 * constant.
	 */
	private static final String FILTER = """
			m.gone_at is null and m.sender is not null and m.folder in (:folders)
				and (:anyDomain or lower(m.sender_domain) = :domain)
				and lower(coalesce(m.subject, '')) like :subject escape '\\'
				and m.mtime >= :from and m.mtime < :to""";

	/**
	 * Counts per sender. The three aggregates are three statements rather than one with
	 * CTEs: H2 runs a CTE joined to another once per outer row (a parameterised view),
	 * which took minutes with 10^5 messages; each statement here is one pass.
	 */
	private static final String TOTALS = """
			select m.sender,
				sum(case when m.folder = 'SEND' then 1 else 0 end) as send_count,
				sum(case when m.folder = 'DEFER' then 1 else 0 end) as defer_count,
				count(*) as total,
				min(m.mtime) as first_mtime,
				max(m.mtime) as last_mtime
			from queue_message m
			where %s
			group by m.sender
			""".formatted(FILTER);

	/**
	 * The stored recipients of every message the filters keep, for the distinct recipient
	 * domains per sender, counted in Java ({@link #domains}): each message's addresses
	 * are one text value ({@link RecipientList}).
	 */
	private static final String RECIPIENTS = """
			select m.sender, r.entries
			from queue_message m join queue_recipient_list r on r.message_id = m.id
			where %s
			""".formatted(FILTER);

	private static final String TOP_SUBJECTS = """
			select t.sender, t.subject
			from (
				select m.sender, m.subject,
					row_number() over (partition by m.sender order by count(*) desc, m.subject) as n
				from queue_message m
				where %s and m.subject is not null
				group by m.sender, m.subject
			) t
			where t.n = 1
			""".formatted(FILTER);

	private final JdbcClient jdbc;

	private final StreamingReads streaming;

	SenderRepository(JdbcClient jdbc, StreamingReads streaming) {
		this.jdbc = jdbc;
		this.streaming = streaming;
	}

	/** One page of senders, and how many senders match on all pages. */
	@Transactional(readOnly = true)
	SenderPage page(SenderQuery query) {
		return page(table(query), query);
	}

	@Transactional(readOnly = true)
	List<SenderRow> all(SenderQuery query) {
		return sorted(table(query), query.sort());
	}

	/**
	 * Every sender matching the query's filters (its sort and page do not matter), with
	 * all columns: three passes over the queue, however many senders there are. Pages and
	 * sorts are cut from it ({@link #page(List, SenderQuery)}), so one table serves them
	 * all ({@link SenderCache}).
	 */
	@Transactional(readOnly = true)
	List<SenderRow> table(SenderQuery query) {
		List<Totals> totals = bind(this.jdbc.sql(TOTALS), query)
			.query((rs, n) -> new Totals(rs.getString("sender"), rs.getLong("send_count"), rs.getLong("defer_count"),
					rs.getLong("total"), rs.getObject("first_mtime", OffsetDateTime.class).toInstant(),
					rs.getObject("last_mtime", OffsetDateTime.class).toInstant()))
			.list();
		if (totals.isEmpty()) {
			return List.of();
		}
		Map<String, Long> domains = domains(query);
		Map<String, String> subjects = topSubjects(query);
		List<SenderRow> rows = new ArrayList<>(totals.size());
		for (Totals t : totals) {
			rows.add(new SenderRow(t.sender(), t.send(), t.defer(), t.total(), domains.getOrDefault(t.sender(), 0L),
					t.first(), t.last(), subjects.get(t.sender())));
		}
		return sorted(rows, SenderQuery.Sort.TOTAL);
	}

	/** One page of a table, in the query's order. */
	static SenderPage page(List<SenderRow> table, SenderQuery query) {
		long offset = (long) query.page() * SenderQuery.PAGE_SIZE;
		if (offset >= table.size()) {
			return new SenderPage(List.of(), query.page(), 0);
		}
		List<SenderRow> ordered = sorted(table, query.sort());
		return new SenderPage(
				ordered.subList((int) offset, (int) Math.min(ordered.size(), offset + SenderQuery.PAGE_SIZE)),
				query.page(), table.size());
	}

	static List<SenderRow> sorted(List<SenderRow> rows, SenderQuery.Sort sort) {
		List<SenderRow> ordered = new ArrayList<>(rows);
		ordered.sort(order(sort));
		return ordered;
	}

	private record Totals(String sender, long send, long defer, long total, Instant first, Instant last) {
	}

	private static Comparator<SenderRow> order(SenderQuery.Sort sort) {
		Comparator<SenderRow> first = switch (sort) {
			case TOTAL -> Comparator.comparingLong(SenderRow::total);
			case SEND -> Comparator.comparingLong(SenderRow::send);
			case DEFER -> Comparator.comparingLong(SenderRow::defer);
			case DOMAINS -> Comparator.comparingLong(SenderRow::recipientDomains);
		};
		return first.reversed()
			.thenComparing(Comparator.comparingLong(SenderRow::total).reversed())
			.thenComparing(SenderRow::sender);
	}

	/**
	 * Distinct recipient domains per sender. A sender's domains are kept as a set of
	 * strings shared between senders (one copy of each domain), so memory grows with the
	 * distinct (sender, domain) pairs, not with the rows read.
	 */
	private Map<String, Long> domains(SenderQuery query) {
		Map<String, Set<String>> bySender = new HashMap<>();
		Map<String, String> names = new HashMap<>();
		this.streaming.lazily(() -> {
			bind(this.streaming.client().sql(RECIPIENTS), query).query((ResultSet rs) -> {
				Set<String> domains = bySender.computeIfAbsent(rs.getString(1), (sender) -> new HashSet<>());
				RecipientList.forEach(rs.getString(2), (role, address) -> {
					String domain = RecipientList.domain(address);
					domains.add(names.computeIfAbsent(domain, (d) -> d));
				});
			});
		});
		Map<String, Long> counts = new HashMap<>(bySender.size() * 2);
		bySender.forEach((sender, domains) -> counts.put(sender, (long) domains.size()));
		return counts;
	}

	private Map<String, String> topSubjects(SenderQuery query) {
		Map<String, String> subjects = new HashMap<>();
		bind(this.jdbc.sql(TOP_SUBJECTS), query).query((rs) -> {
			subjects.put(rs.getString("sender"), rs.getString("subject"));
		});
		return subjects;
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, SenderQuery query) {
		return spec.param("folders", folders(query.queue()))
			.param("anyDomain", query.senderDomain() == null)
			.param("domain", (query.senderDomain() != null) ? query.senderDomain() : "")
			.param("subject", contains(query.subject()))
			.param("from", (query.from() != null) ? query.from().atOffset(ZoneOffset.UTC) : BEGINNING)
			.param("to", (query.to() != null) ? query.to().atOffset(ZoneOffset.UTC) : END);
	}

	private static List<String> folders(SenderQuery.Queue queue) {
		return switch (queue) {
			case SEND -> List.of("SEND");
			case DEFER -> List.of("DEFER");
			case ALL -> List.of("SEND", "DEFER");
		};
	}

	/** A LIKE pattern for "contains", with the wildcards and the escape escaped. */
	static String contains(String text) {
		if (text == null) {
			return "%";
		}
		String lower = text.toLowerCase(Locale.ROOT);
		StringBuilder pattern = new StringBuilder("%");
		for (int i = 0; i < lower.length(); i++) {
			char c = lower.charAt(i);
			if (c == '%' || c == '_' || c == '\\') {
				pattern.append('\\');
			}
			pattern.append(c);
		}
		return pattern.append('%').toString();
	}

}
