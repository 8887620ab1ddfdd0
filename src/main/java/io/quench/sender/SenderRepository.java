package io.quench.sender;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Queued messages per sender, aggregated by the database. The SQL is the same on H2
 * (PostgreSQL mode) and PostgreSQL. Every filter value is a bound parameter; the sort
 * column comes from {@link SenderQuery.Sort}'s constants only.
 */
@Repository
class SenderRepository {

	/** "No lower bound". */
	static final OffsetDateTime BEGINNING = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	/** "No upper bound". */
	static final OffsetDateTime END = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	private static final String SQL = """
			with m as (
				select id, sender, folder, subject, mtime
				from queue_message
				where gone_at is null and sender is not null and folder in (:folders)
					and (:anyDomain or lower(sender_domain) = :domain)
					and lower(coalesce(subject, '')) like :subject escape '\\'
					and mtime >= :from and mtime < :to
			),
			p as (
				select sender,
					sum(case when folder = 'SEND' then 1 else 0 end) as send_count,
					sum(case when folder = 'DEFER' then 1 else 0 end) as defer_count,
					count(*) as total,
					min(mtime) as first_mtime,
					max(mtime) as last_mtime
				from m
				group by sender
			),
			d as (
				select m.sender, count(distinct r.domain) as domains
				from m join queue_recipient r on r.message_id = m.id
				group by m.sender
			),
			s as (
				select sender, subject,
					row_number() over (partition by sender order by count(*) desc, subject) as n
				from m
				where subject is not null
				group by sender, subject
			)
			select p.sender, p.send_count, p.defer_count, p.total, coalesce(d.domains, 0) as domains,
				p.first_mtime, p.last_mtime, s.subject as top_subject, count(*) over () as senders
			from p
			left join d on d.sender = p.sender
			left join s on s.sender = p.sender and s.n = 1
			order by %s desc, p.total desc, p.sender
			limit :limit offset :offset
			""";

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
		long[] total = { 0 };
		List<SenderRow> rows = this.jdbc.sql(SQL.formatted(query.sort().column))
			.param("folders", folders(query.queue()))
			.param("anyDomain", query.senderDomain() == null)
			.param("domain", (query.senderDomain() != null) ? query.senderDomain() : "")
			.param("subject", contains(query.subject()))
			.param("from", (query.from() != null) ? query.from().atOffset(ZoneOffset.UTC) : BEGINNING)
			.param("to", (query.to() != null) ? query.to().atOffset(ZoneOffset.UTC) : END)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> {
				total[0] = rs.getLong("senders");
				return new SenderRow(rs.getString("sender"), rs.getLong("send_count"), rs.getLong("defer_count"),
						rs.getLong("total"), rs.getLong("domains"),
						rs.getObject("first_mtime", OffsetDateTime.class).toInstant(),
						rs.getObject("last_mtime", OffsetDateTime.class).toInstant(), rs.getString("top_subject"));
			})
			.list();
		return new SenderPage(rows, query.page(), total[0]);
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
