package io.quench.suspect;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quench.db.StreamingReads;
import io.quench.queue.RecipientList;
import io.quench.suspect.EvidenceRepository.Window;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * One account's numbers for the account page, aggregated by the database (GROUP BY) over
 * the indexed columns: log events by {@code gw_id} (index {@code (gw_id, at)}), queued
 * messages by {@code sender} (index {@code (sender, folder)}). Every list is limited. The
 * SQL is the same on H2 (PostgreSQL mode) and PostgreSQL, with the bucketing idiom of
 * {@link EvidenceRepository}: {@code floor(extract(epoch from t) / seconds)}.
 */
@Repository
class AccountRepository {

	/** The login event types the ranking counts. */
	static final List<String> LOGIN_TYPES = List.of("LOGIN_SUCCESS", "LOGIN_FAILURE", "SMTP_AUTH_SUCCESS",
			"SMTP_AUTH_FAILURE");

	private final JdbcClient jdbc;

	private final StreamingReads streaming;

	AccountRepository(JdbcClient jdbc, StreamingReads streaming) {
		this.jdbc = jdbc;
		this.streaming = streaming;
	}

	/** Events of one type from one client address and platform. */
	record IpRow(String ip, String eventType, String platform, long count, Instant first, Instant last) {
	}

	/** Events of one type in one time bucket ({@code slot * bucket seconds}). */
	record SlotRow(String kind, long slot, long count) {
	}

	/** Present messages in one folder. */
	record FolderRow(String folder, long messages, Instant first, Instant last) {
	}

	record CountRow(String value, long count) {
	}

	record MessageRow(long id, String folder, String subject, Instant mtime, int recipients) {
	}

	record LineRow(long id, Instant at, String eventType, String fileName, long lineNumber, String raw) {
	}

	/**
	 * The login ids that occur in the log at all, one index probe each: the candidates
	 * are spellings, most of which never occur, and a short list lets the database walk
	 * the {@code (gw_id, at)} index in order for the newest lines.
	 */
	List<String> presentLoginIds(java.util.Collection<String> candidates) {
		List<String> present = new java.util.ArrayList<>();
		for (String id : candidates) {
			boolean found = !this.jdbc.sql("""
					select id from log_event where gw_id = :id
					fetch first 1 rows only
					""").param("id", id).query(Long.class).list().isEmpty();
			if (found) {
				present.add(id);
			}
		}
		return present;
	}

	/** Whether any queued message (present or gone) has one of these senders. */
	boolean hasMessages(List<String> senders) {
		if (senders.isEmpty()) {
			return false;
		}
		return !this.jdbc.sql("""
				select id from queue_message where sender in (:senders)
				fetch first 1 rows only
				""").param("senders", senders).query(Long.class).list().isEmpty();
	}

	/**
	 * Login events per client address, type and platform, with the first and last time.
	 * One row per combination: bounded by the account's distinct addresses.
	 */
	List<IpRow> ips(List<String> loginIds, Window window) {
		if (loginIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select ip, event_type, platform, count(*) as events, min(at) as first_at, max(at) as last_at
				from log_event
				where gw_id in (:ids) and at >= :from and at < :to
					and event_type in ('LOGIN_SUCCESS', 'LOGIN_FAILURE', 'SMTP_AUTH_SUCCESS', 'SMTP_AUTH_FAILURE')
				group by ip, event_type, platform
				""")
			.param("ids", loginIds)
			.param("from", window.from())
			.param("to", window.to())
			.query((rs, row) -> new IpRow(rs.getString("ip"), rs.getString("event_type"), rs.getString("platform"),
					rs.getLong("events"), instant(rs.getObject("first_at", OffsetDateTime.class)),
					instant(rs.getObject("last_at", OffsetDateTime.class))))
			.list();
	}

	/**
	 * Login events per type and bucket of {@code bucketSeconds}, leaving out the given
	 * client addresses (trusted hosts, as the ranking does).
	 */
	List<SlotRow> loginSlots(List<String> loginIds, Window window, long bucketSeconds, List<String> excludedIps) {
		if (loginIds.isEmpty()) {
			return List.of();
		}
		String sql = excludedIps.isEmpty() ? """
				select event_type, slot, count(*) as events
				from (
					select event_type, cast(floor(extract(epoch from at) / cast(:bucket as bigint)) as bigint) as slot
					from log_event
					where gw_id in (:ids) and at >= :from and at < :to
						and event_type in ('LOGIN_SUCCESS', 'LOGIN_FAILURE', 'SMTP_AUTH_SUCCESS', 'SMTP_AUTH_FAILURE')
				) t
				group by event_type, slot
				""" : """
				select event_type, slot, count(*) as events
				from (
					select event_type, cast(floor(extract(epoch from at) / cast(:bucket as bigint)) as bigint) as slot
					from log_event
					where gw_id in (:ids) and at >= :from and at < :to
						and event_type in ('LOGIN_SUCCESS', 'LOGIN_FAILURE', 'SMTP_AUTH_SUCCESS', 'SMTP_AUTH_FAILURE')
						and (ip is null or ip not in (:excluded))
				) t
				group by event_type, slot
				""";
		var statement = this.jdbc.sql(sql)
			.param("ids", loginIds)
			.param("from", window.from())
			.param("to", window.to())
			.param("bucket", bucketSeconds);
		if (!excludedIps.isEmpty()) {
			statement = statement.param("excluded", excludedIps);
		}
		return statement
			.query((rs, row) -> new SlotRow(rs.getString("event_type"), rs.getLong("slot"), rs.getLong("events")))
			.list();
	}

	/** Raw log lines of these login ids (every event type), newest first, one page. */
	List<LineRow> lines(List<String> loginIds, Window window, int limit, long offset) {
		if (loginIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select id, at, event_type, file_name, line_number, raw
				from log_event
				where gw_id in (:ids) and at >= :from and at < :to
				order by at desc, id desc
				limit :limit offset :offset
				""")
			.param("ids", loginIds)
			.param("from", window.from())
			.param("to", window.to())
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> new LineRow(rs.getLong("id"), instant(rs.getObject("at", OffsetDateTime.class)),
					rs.getString("event_type"), rs.getString("file_name"), rs.getLong("line_number"),
					rs.getString("raw")))
			.list();
	}

	/** Present messages of these senders per folder (send/, defer/). */
	List<FolderRow> folders(List<String> senders, Window window) {
		if (senders.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select folder, count(*) as messages, min(mtime) as first_queued, max(mtime) as last_queued
				from queue_message
				where sender in (:senders) and folder in ('SEND', 'DEFER') and gone_at is null
					and mtime >= :from and mtime < :to
				group by folder
				""")
			.param("senders", senders)
			.param("from", window.from())
			.param("to", window.to())
			.query((rs, row) -> new FolderRow(rs.getString("folder"), rs.getLong("messages"),
					instant(rs.getObject("first_queued", OffsetDateTime.class)),
					instant(rs.getObject("last_queued", OffsetDateTime.class))))
			.list();
	}

	/** Present messages per folder and bucket of {@code bucketSeconds} of their mtime. */
	List<SlotRow> queueSlots(List<String> senders, Window window, long bucketSeconds) {
		if (senders.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select folder, slot, count(*) as messages
				from (
					select folder, cast(floor(extract(epoch from mtime) / cast(:bucket as bigint)) as bigint) as slot
					from queue_message
					where sender in (:senders) and folder in ('SEND', 'DEFER') and gone_at is null
						and mtime >= :from and mtime < :to
				) t
				group by folder, slot
				""")
			.param("senders", senders)
			.param("from", window.from())
			.param("to", window.to())
			.param("bucket", bucketSeconds)
			.query((rs, row) -> new SlotRow(rs.getString("folder"), rs.getLong("slot"), rs.getLong("messages")))
			.list();
	}

	/**
	 * The most common subject templates of present messages (masked as the ranking masks
	 * them: hex runs of 8 and more, then digit runs, become {@code #}).
	 */
	List<CountRow> subjectTemplates(List<String> senders, Window window, int limit) {
		if (senders.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select template, count(*) as messages
				from (
					select regexp_replace(regexp_replace(coalesce(subject, ''),
						'[0-9A-Fa-f]{8,}', '#', 'g'), '[0-9]+', '#', 'g') as template
					from queue_message
					where sender in (:senders) and folder in ('SEND', 'DEFER') and gone_at is null
						and mtime >= :from and mtime < :to
				) t
				group by template
				order by messages desc, template
				limit :limit
				""")
			.param("senders", senders)
			.param("from", window.from())
			.param("to", window.to())
			.param("limit", limit)
			.query((rs, row) -> new CountRow(rs.getString("template"), rs.getLong("messages")))
			.list();
	}

	/** The top recipient domains, and how many distinct ones there are in all. */
	record Domains(List<CountRow> top, long distinct) {
	}

	/**
	 * Recipients of present messages per recipient domain, most first, with the number of
	 * distinct domains, counted in Java from each message's stored recipients
	 * ({@link RecipientList}).
	 */
	@Transactional(readOnly = true)
	Domains recipientDomains(List<String> senders, Window window, int limit) {
		if (senders.isEmpty()) {
			return new Domains(List.of(), 0);
		}
		Map<String, long[]> byDomain = new HashMap<>();
		this.streaming.lazily(() -> this.streaming.client()
			.sql("""
					select r.entries
					from queue_message m join queue_recipient_list r on r.message_id = m.id
					where m.sender in (:senders) and m.folder in ('SEND', 'DEFER') and m.gone_at is null
						and m.mtime >= :from and m.mtime < :to
					""")
			.param("senders", senders)
			.param("from", window.from())
			.param("to", window.to())
			.query((ResultSet rs) -> RecipientList.forEach(rs.getString(1), (role, address) -> {
				if (role == RecipientList.Role.RECIPIENT) {
					byDomain.computeIfAbsent(RecipientList.domain(address), (d) -> new long[1])[0]++;
				}
			})));
		List<CountRow> top = byDomain.entrySet()
			.stream()
			.map((e) -> new CountRow(e.getKey(), e.getValue()[0]))
			.sorted(Comparator.comparingLong(CountRow::count).reversed().thenComparing(CountRow::value))
			.limit(limit)
			.toList();
		return new Domains(top, byDomain.size());
	}

	/** The newest present messages, newest first. */
	List<MessageRow> latestMessages(List<String> senders, Window window, int limit) {
		if (senders.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select id, folder, subject, mtime, recipient_count
				from queue_message
				where sender in (:senders) and folder in ('SEND', 'DEFER') and gone_at is null
					and mtime >= :from and mtime < :to
				order by mtime desc, id desc
				limit :limit
				""")
			.param("senders", senders)
			.param("from", window.from())
			.param("to", window.to())
			.param("limit", limit)
			.query((rs, row) -> new MessageRow(rs.getLong("id"), rs.getString("folder"), rs.getString("subject"),
					instant(rs.getObject("mtime", OffsetDateTime.class)), rs.getInt("recipient_count")))
			.list();
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

}
