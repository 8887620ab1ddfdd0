package io.quench.preview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quench.db.StreamingReads;
import io.quench.queue.RecipientList;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queue messages as ingestion stored them (tables {@code queue_message} and
 * {@code queue_recipient_list}, see {@link RecipientList}), read for the message pages,
 * the message API and the sample picker. The same SQL runs on H2 (PostgreSQL mode) and
 * PostgreSQL; every value is a bound parameter.
 */
@Repository
class MessageRepository {

	/**
	 * A subject's template, as the ranking computes it: hex runs of 8 and more, then
	 * digit runs, become {@code #}.
	 */
	private static final String TEMPLATE = """
			regexp_replace(regexp_replace(coalesce(subject, ''), '[0-9A-Fa-f]{8,}', '#', 'g'), '[0-9]+', '#', 'g')""";

	/** A sender's present messages in the given folders. */
	private static final String SENDER_MESSAGES = """
			select id, folder, subject, mtime from queue_message
			where sender = :sender and folder in (:folders) and gone_at is null
			""";

	private final JdbcClient jdbc;

	private final StreamingReads streaming;

	MessageRepository(JdbcClient jdbc, StreamingReads streaming) {
		this.jdbc = jdbc;
		this.streaming = streaming;
	}

	Optional<StoredMessage> find(long id) {
		List<StoredMessage.Recipient> recipients = new ArrayList<>();
		this.jdbc.sql("select entries from queue_recipient_list where message_id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.ifPresent((entries) -> RecipientList.forEach(entries,
					(role, address) -> recipients.add(new StoredMessage.Recipient(address, role(role)))));
		recipients.sort(Comparator.comparing(StoredMessage.Recipient::address));
		return this.jdbc.sql("""
				select id, source_id, folder, rel_path, size_bytes, mtime, sha256, dialect, status, problem, sender,
					subject, recipient_count, warnings, gone_at
				from queue_message where id = :id
				""")
			.param("id", id)
			.query((rs, row) -> new StoredMessage(rs.getLong("id"), rs.getLong("source_id"), queue(rs),
					rs.getString("rel_path"), rs.getLong("size_bytes"), instant(rs, "mtime"),
					trim(rs.getString("sha256")), rs.getString("dialect"), rs.getString("status"),
					rs.getString("problem"), rs.getString("sender"), rs.getString("subject"), recipients,
					rs.getInt("recipient_count"), lines(rs.getString("warnings")), instant(rs, "gone_at")))
			.optional();
	}

	/** One page of a sender's present messages, newest first. */
	MessageListPage list(MessageQuery query) {
		long total = this.jdbc.sql("""
				select count(*) from queue_message
				where sender = :sender and folder in (:folders) and gone_at is null
				""").param("sender", query.sender()).param("folders", query.folders()).query(Long.class).single();
		List<MessageSummary> items = this.jdbc.sql("""
				select id, folder, rel_path, sender, subject, size_bytes, mtime, sha256, status from queue_message
				where sender = :sender and folder in (:folders) and gone_at is null
				order by mtime desc, id desc
				limit :limit offset :offset
				""")
			.param("sender", query.sender())
			.param("folders", query.folders())
			.param("limit", query.size())
			.param("offset", (long) query.page() * query.size())
			.query((rs, row) -> new MessageSummary(rs.getLong("id"), queue(rs), rs.getString("rel_path"),
					rs.getString("sender"), List.of(), rs.getString("subject"), rs.getLong("size_bytes"),
					instant(rs, "mtime"), trim(rs.getString("sha256")), rs.getString("status")))
			.list();
		if (items.isEmpty()) {
			return new MessageListPage(items, query.page(), query.size(), total);
		}
		Map<Long, List<String>> recipients = new LinkedHashMap<>();
		this.jdbc.sql("select message_id, entries from queue_recipient_list where message_id in (:ids)")
			.param("ids", items.stream().map(MessageSummary::id).toList())
			.query((ResultSet rs) -> {
				List<String> addresses = new ArrayList<>();
				RecipientList.forEach(rs.getString(2), (role, address) -> addresses.add(address));
				addresses.sort(null);
				recipients.put(rs.getLong(1), addresses);
			});
		List<MessageSummary> withRecipients = items.stream()
			.map((m) -> new MessageSummary(m.id(), m.queue(), m.path(), m.sender(),
					recipients.getOrDefault(m.id(), List.of()), m.subject(), m.size(), m.mtime(), m.sha256(),
					m.status()))
			.toList();
		return new MessageListPage(withRecipients, query.page(), query.size(), total);
	}

	/** A sender's present messages counted. */
	long count(String sender, List<String> folders) {
		return this.jdbc.sql("select count(*) from (" + SENDER_MESSAGES + ") m")
			.param("sender", sender)
			.param("folders", folders)
			.query(Long.class)
			.single();
	}

	/**
	 * The sender's message at a position in queue-time order (0 = oldest), or empty past
	 * the end.
	 */
	Optional<Sample> byTime(String sender, List<String> folders, long position, boolean newestFirst) {
		String order = newestFirst ? "mtime desc, id desc" : "mtime, id";
		// order is one of two constants; every value is bound
		return this.jdbc.sql(SENDER_MESSAGES + " order by " + order + " limit 1 offset :offset")
			.param("sender", sender)
			.param("folders", folders)
			.param("offset", position)
			.query((rs, row) -> sample(rs))
			.optional();
	}

	/**
	 * The ids of the sender's messages at these positions in queue-time order (0 =
	 * oldest), oldest first.
	 */
	List<Long> idsAtTimePositions(String sender, List<String> folders, List<Long> positions) {
		if (positions.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select id from (
					select id, mtime, row_number() over (order by mtime, id) - 1 as position
					from queue_message
					where sender = :sender and folder in (:folders) and gone_at is null
				) t
				where position in (:positions)
				order by mtime, id
				""")
			.param("sender", sender)
			.param("folders", folders)
			.param("positions", positions)
			.query(Long.class)
			.list();
	}

	/**
	 * Subject templates of the sender's messages with how many messages each has and one
	 * of them (the oldest), most common first or rarest first.
	 */
	List<Shared> templates(String sender, List<String> folders, boolean commonFirst, int limit) {
		String order = commonFirst ? "messages desc, template" : "messages, template";
		return this.jdbc.sql("""
				select template, count(*) as messages, min(id) as sample_id
				from (select id, %s as template from queue_message
					where sender = :sender and folder in (:folders) and gone_at is null) t
				group by template
				order by %s
				limit :limit
				""".formatted(TEMPLATE, order))
			.param("sender", sender)
			.param("folders", folders)
			.param("limit", limit)
			.query((rs, row) -> new Shared(rs.getString("template"), rs.getLong("messages"), rs.getLong("sample_id")))
			.list();
	}

	/**
	 * Recipient domains of the sender's messages with how many messages go there and one
	 * of them, most common first or rarest first.
	 */
	@Transactional(readOnly = true)
	List<Shared> recipientDomains(String sender, List<String> folders, boolean commonFirst, int limit) {
		// Counted in Java: the domains are inside each message's one recipient row.
		Map<String, long[]> byDomain = new HashMap<>();
		Set<String> ofMessage = new HashSet<>();
		this.streaming.lazily(() -> this.streaming.client()
			.sql("""
					select m.id, r.entries from (%s) m join queue_recipient_list r on r.message_id = m.id
					""".formatted(SENDER_MESSAGES))
			.param("sender", sender)
			.param("folders", folders)
			.query((ResultSet rs) -> {
				long id = rs.getLong(1);
				ofMessage.clear();
				RecipientList.forEach(rs.getString(2), (role, address) -> ofMessage.add(RecipientList.domain(address)));
				for (String domain : ofMessage) {
					long[] counts = byDomain.computeIfAbsent(domain, (d) -> new long[] { 0, Long.MAX_VALUE });
					counts[0]++;
					counts[1] = Math.min(counts[1], id);
				}
			}));
		Comparator<Shared> byMessages = Comparator.comparingLong(Shared::messages);
		Comparator<Shared> order = (commonFirst ? byMessages.reversed() : byMessages).thenComparing(Shared::value);
		return byDomain.entrySet()
			.stream()
			.map((e) -> new Shared(e.getKey(), e.getValue()[0], e.getValue()[1]))
			.sorted(order)
			.limit(limit)
			.toList();
	}

	/** Samples for these ids (present or not), in no particular order. */
	List<Sample> samples(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select id, folder, subject, mtime from queue_message where id in (:ids)")
			.param("ids", ids)
			.query((rs, row) -> sample(rs))
			.list();
	}

	/**
	 * A value several of a sender's messages share.
	 *
	 * @param value the subject template or recipient domain
	 * @param messages how many messages have it
	 * @param sampleId one of them
	 */
	record Shared(String value, long messages, long sampleId) {
	}

	private static Sample sample(ResultSet rs) throws SQLException {
		return new Sample(rs.getLong("id"), queue(rs), rs.getString("subject"), instant(rs, "mtime"), List.of());
	}

	private static String queue(ResultSet rs) throws SQLException {
		return rs.getString("folder").toLowerCase(Locale.ROOT);
	}

	private static String role(RecipientList.Role role) {
		return (role == RecipientList.Role.RECIPIENT) ? "recipient" : "unknown";
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static String trim(String value) {
		return (value != null) ? value.strip() : null;
	}

	private static List<String> lines(String text) {
		return (text == null || text.isBlank()) ? List.of()
				: Arrays.stream(text.split("\n")).filter((line) -> !line.isBlank()).toList();
	}

}
