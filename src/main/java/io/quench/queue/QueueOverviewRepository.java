package io.quench.queue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Queues page's numbers, aggregated by the database with the same SQL on H2
 * (PostgreSQL mode) and PostgreSQL. Every filter value is a bound parameter.
 */
@Repository
class QueueOverviewRepository {

	/** "No lower bound". */
	static final OffsetDateTime BEGINNING = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	/** "No upper bound". */
	static final OffsetDateTime END = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	/** Senders listed under "top senders now". */
	static final int TOP_SENDERS = 10;

	/** The filters every message query shares (present or not is added by each). */
	private static final String MESSAGE_FILTER = """
			folder in (:folders) and (:anySource or source_id = :source)
				and (:anyDomain or lower(sender_domain) = :domain)
				and mtime >= :from and mtime < :to""";

	private final JdbcClient jdbc;

	QueueOverviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The queue sources, by name: id to name. */
	Map<Long, String> sources() {
		Map<Long, String> sources = new LinkedHashMap<>();
		this.jdbc.sql("select id, name from source where kind = 'QUEUE' order by name, id").query((rs) -> {
			sources.put(rs.getLong("id"), rs.getString("name"));
		});
		return sources;
	}

	/**
	 * Depth of send/ and defer/ after each scan in the window. With several sources, each
	 * point is the sum of every source's latest sample at that time.
	 */
	List<DepthPoint> depth(Long source, Instant from, Instant to) {
		record Sample(long source, Instant at, String folder, long messages, long bytes) {
		}
		List<Sample> samples = this.jdbc.sql("""
				select source_id, at, folder, messages, bytes
				from queue_depth
				where (:anySource or source_id = :source) and at < :to and folder in ('SEND', 'DEFER')
				order by at, source_id, folder
				""")
			.param("anySource", source == null)
			.param("source", (source != null) ? source : -1L)
			.param("to", (to != null) ? to.atOffset(ZoneOffset.UTC) : END)
			.query((rs, n) -> new Sample(rs.getLong("source_id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
					rs.getString("folder"), rs.getLong("messages"), rs.getLong("bytes")))
			.list();
		Map<String, long[]> latest = new HashMap<>();
		List<DepthPoint> points = new ArrayList<>();
		for (int i = 0; i < samples.size(); i++) {
			Sample sample = samples.get(i);
			latest.put(sample.source() + "/" + sample.folder(), new long[] { sample.messages(), sample.bytes() });
			boolean lastAtThisTime = i + 1 == samples.size() || !samples.get(i + 1).at().equals(sample.at());
			if (lastAtThisTime && (from == null || !sample.at().isBefore(from))) {
				for (String folder : List.of("SEND", "DEFER")) {
					long messages = 0;
					long bytes = 0;
					for (Map.Entry<String, long[]> entry : latest.entrySet()) {
						if (entry.getKey().endsWith("/" + folder)) {
							messages += entry.getValue()[0];
							bytes += entry.getValue()[1];
						}
					}
					points.add(new DepthPoint(sample.at(), folder, messages, bytes));
				}
			}
		}
		return points;
	}

	/** The senders with the most messages present now. */
	List<QueueSender> topSendersNow(QueueOverviewQuery query) {
		return filtered("""
				select sender,
					sum(case when folder = 'SEND' then 1 else 0 end) as send_count,
					sum(case when folder = 'DEFER' then 1 else 0 end) as defer_count,
					count(*) as total
				from queue_message
				where gone_at is null and sender is not null and %s
				group by sender
				order by total desc, sender
				limit :limit
				""".formatted(MESSAGE_FILTER), query).param("limit", TOP_SENDERS)
			.query((rs, n) -> new QueueSender(rs.getString("sender"), rs.getLong("send_count"),
					rs.getLong("defer_count"), rs.getLong("total")))
			.list();
	}

	/** Present messages per age class at {@code now}, and the oldest present message. */
	AgeDistribution ages(QueueOverviewQuery query, Instant now) {
		AgeBucket[] buckets = AgeBucket.values();
		StringBuilder classes = new StringBuilder("case");
		for (int i = 0; i < buckets.length - 1; i++) {
			classes.append(" when mtime > :b").append(i).append(" then ").append(i);
		}
		classes.append(" else ").append(buckets.length - 1).append(" end");
		JdbcClient.StatementSpec spec = filtered("""
				select c, folder, count(*) as n
				from (select %s as c, folder from queue_message where gone_at is null and %s) classed
				group by c, folder
				""".formatted(classes, MESSAGE_FILTER), query);
		for (int i = 0; i < buckets.length - 1; i++) {
			spec = spec.param("b" + i, now.minus(buckets[i].limit).atOffset(ZoneOffset.UTC));
		}
		Map<AgeBucket, long[]> counts = new EnumMap<>(AgeBucket.class);
		for (AgeBucket bucket : buckets) {
			counts.put(bucket, new long[2]);
		}
		spec.query((rs) -> {
			long[] row = counts.get(buckets[rs.getInt("c")]);
			row["SEND".equals(rs.getString("folder")) ? 0 : 1] += rs.getLong("n");
		});
		List<AgeDistribution.Row> rows = new ArrayList<>();
		counts.forEach((bucket, n) -> rows.add(new AgeDistribution.Row(bucket, n[0], n[1])));
		Optional<Object[]> oldest = filtered("""
				select mtime, sender from queue_message where gone_at is null and %s
				order by mtime, id
				limit 1
				""".formatted(MESSAGE_FILTER), query)
			.query((rs,
					n) -> new Object[] { rs.getObject("mtime", OffsetDateTime.class).toInstant(),
							rs.getString("sender") })
			.optional();
		return new AgeDistribution(rows, oldest.map((o) -> (Instant) o[0]).orElse(null),
				oldest.map((o) -> (String) o[1]).orElse(null));
	}

	/**
	 * Messages queued per hour by mtime, keyed by hours since the epoch: every message
	 * seen, also those gone since (they were queued then).
	 */
	Map<Long, Long> queuedPerHour(QueueOverviewQuery query) {
		Map<Long, Long> hourly = new HashMap<>();
		filtered("""
				select h, count(*) as n
				from (select cast(floor(extract(epoch from mtime) / 3600) as bigint) as h
					from queue_message where %s) hours
				group by h
				""".formatted(MESSAGE_FILTER), query).query((rs) -> {
			hourly.put(rs.getLong("h"), rs.getLong("n"));
		});
		return hourly;
	}

	private JdbcClient.StatementSpec filtered(String sql, QueueOverviewQuery query) {
		return this.jdbc.sql(sql)
			.param("folders", query.folders())
			.param("anySource", query.source() == null)
			.param("source", (query.source() != null) ? query.source() : -1L)
			.param("anyDomain", query.senderDomain() == null)
			.param("domain", (query.senderDomain() != null) ? query.senderDomain() : "")
			.param("from", (query.from() != null) ? query.from().atOffset(ZoneOffset.UTC) : BEGINNING)
			.param("to", (query.to() != null) ? query.to().atOffset(ZoneOffset.UTC) : END);
	}

}
