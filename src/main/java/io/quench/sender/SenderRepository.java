package io.quench.sender;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Queued messages per sender, aggregated by the database. The SQL is the same on H2
 * (PostgreSQL mode) and PostgreSQL. Every filter value is a bound parameter; the
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

	private static final String DOMAINS = """
			select m.sender, count(distinct r.domain) as domains
			from queue_message m join queue_recipient r on r.message_id = m.id
			where %s %%s
			group by m.sender
			""".formatted(FILTER);

	private static final String TOP_SUBJECTS = """
			select t.sender, t.subject
			from (
				select m.sender, m.subject,
					row_number() over (partition by m.sender order by count(*) desc, m.subject) as n
				from queue_message m
				where %s and m.subject is not null %%s
				group by m.sender, m.subject
			) t
			where t.n = 1
			""".formatted(FILTER);

	private static final String FOR_SENDERS = "and m.sender in (:senders)";

	private final JdbcClient jdbc;

	SenderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page of senders, and how many senders match on all pages. */
	SenderPage page(SenderQuery query) {
		return find(query, SenderQuery.PAGE_SIZE, (long) query.page() * SenderQuery.PAGE_SIZE);
	}

	/** Every sender matching, for the export (no paging). */
	List<SenderRow> all(SenderQuery query) {
		return find(query, Integer.MAX_VALUE, 0).rows();
	}

	private SenderPage find(SenderQuery query, int limit, long offset) {
		List<Totals> totals = bind(this.jdbc.sql(TOTALS), query)
			.query((rs, n) -> new Totals(rs.getString("sender"), rs.getLong("send_count"), rs.getLong("defer_count"),
					rs.getLong("total"), rs.getObject("first_mtime", OffsetDateTime.class).toInstant(),
					rs.getObject("last_mtime", OffsetDateTime.class).toInstant()))
			.list();
		if (offset >= totals.size()) {
			return new SenderPage(List.of(), query.page(), 0);
		}
		boolean everySender = query.sort() == SenderQuery.Sort.DOMAINS || limit >= totals.size();
		Map<String, Long> domains = everySender ? domains(query, null) : null;
		List<Totals> ordered = new ArrayList<>(totals);
		ordered.sort(order(query.sort(), domains));
		List<Totals> page = ordered.subList((int) offset, (int) Math.min(ordered.size(), offset + limit));
		List<String> senders = page.stream().map(Totals::sender).toList();
		if (domains == null) {
			domains = domains(query, senders);
		}
		Map<String, String> subjects = topSubjects(query, everySender ? null : senders);
		List<SenderRow> rows = new ArrayList<>(page.size());
		for (Totals t : page) {
			rows.add(new SenderRow(t.sender(), t.send(), t.defer(), t.total(), domains.getOrDefault(t.sender(), 0L),
					t.first(), t.last(), subjects.get(t.sender())));
		}
		return new SenderPage(rows, query.page(), totals.size());
	}

	private record Totals(String sender, long send, long defer, long total, Instant first, Instant last) {
	}

	/**
	 * The page's order: the sort column descending, then total descending, then sender.
	 */
	private static Comparator<Totals> order(SenderQuery.Sort sort, Map<String, Long> domains) {
		Comparator<Totals> first = switch (sort) {
			case TOTAL -> Comparator.comparingLong(Totals::total);
			case SEND -> Comparator.comparingLong(Totals::send);
			case DEFER -> Comparator.comparingLong(Totals::defer);
			case DOMAINS -> Comparator.comparingLong((Totals t) -> domains.getOrDefault(t.sender(), 0L));
		};
		return first.reversed()
			.thenComparing(Comparator.comparingLong(Totals::total).reversed())
			.thenComparing(Totals::sender);
	}

	/** Distinct recipient domains per sender: of these senders, or of all when null. */
	private Map<String, Long> domains(SenderQuery query, List<String> senders) {
		Map<String, Long> domains = new HashMap<>();
		forSenders(bind(this.jdbc.sql(DOMAINS.formatted((senders != null) ? FOR_SENDERS : "")), query), senders)
			.query((rs) -> {
				domains.put(rs.getString("sender"), rs.getLong("domains"));
			});
		return domains;
	}

	/** The most common subject per sender (ties: alphabetically first). */
	private Map<String, String> topSubjects(SenderQuery query, List<String> senders) {
		Map<String, String> subjects = new HashMap<>();
		forSenders(bind(this.jdbc.sql(TOP_SUBJECTS.formatted((senders != null) ? FOR_SENDERS : "")), query), senders)
			.query((rs) -> {
				subjects.put(rs.getString("sender"), rs.getString("subject"));
			});
		return subjects;
	}

	private static JdbcClient.StatementSpec forSenders(JdbcClient.StatementSpec spec, List<String> senders) {
		return (senders != null) ? spec.param("senders", senders) : spec;
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
