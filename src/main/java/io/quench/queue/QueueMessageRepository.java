package io.quench.queue;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.quench.db.BulkWriter;
import io.quench.db.StreamingReads;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Queue files as rows. Bulk writes use JDBC batches (a chunk of files per transaction).
 */
@Repository
class QueueMessageRepository {

	/**
	 * Recipients stored per message; a spam run to 10,000 addresses keeps its count but
	 * not every row.
	 */
	static final int MAX_RECIPIENTS_STORED = 200;

	/**
	 * Ids reserved per round trip; the sequence increments by this much (see the V3
	 * migration).
	 */
	static final int ID_BLOCK = 1_000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final NamedParameterJdbcTemplate named;

	private final BulkWriter bulk;

	private final StreamingReads streaming;

	QueueMessageRepository(JdbcClient jdbc, JdbcTemplate template, NamedParameterJdbcTemplate named, BulkWriter bulk,
			StreamingReads streaming) {
		this.jdbc = jdbc;
		this.template = template;
		this.named = named;
		this.bulk = bulk;
		this.streaming = streaming;
	}

	/**
	 * Streams the source's rows into a compact index (call inside a read-only
	 * transaction).
	 */
	QueueIndex loadIndex(long sourceId) {
		int expected = this.jdbc.sql("select count(*) from queue_message where source_id = :source")
			.param("source", sourceId)
			.query(Integer.class)
			.single();
		QueueIndex index = new QueueIndex(expected);
		this.streaming.client()
			.sql("select id, path_hash, size_bytes, mtime, gone_at from queue_message where source_id = :source")
			.param("source", sourceId)
			.query((ResultSet rs) -> {
				index.put(rs.getLong(2), rs.getLong(1), rs.getLong(3),
						rs.getObject(4, OffsetDateTime.class).toInstant().toEpochMilli(), rs.getObject(5) != null);
			});
		return index;
	}

	/** Files per chunk transaction ({@link BulkWriter#itemsPerTransaction()}). */
	int filesPerTransaction() {
		return this.bulk.itemsPerTransaction();
	}

	/**
	 * Settings for the chunk transaction that is about to write (call first inside it).
	 * PostgreSQL: {@code synchronous_commit = off} for this transaction only. A crash may
	 * then lose the last chunks committed in the fraction of a second before it (never
	 * half a chunk, never a corrupt table): those files are simply not in the index yet,
	 * and the next scan reads them again as new. Other sessions are unaffected.
	 */
	void prepareBulkWrite() {
		if (this.bulk.postgres()) {
			this.template.execute("set local synchronous_commit = off");
		}
	}

	/**
	 * Inserts new files and their recipients, with ids reserved one block of
	 * {@link #ID_BLOCK} at a time.
	 */
	void insert(long sourceId, long runId, List<ParsedQueueFile> files, Instant now) {
		if (files.isEmpty()) {
			return;
		}
		List<Long> ids = new ArrayList<>(files.size());
		List<Object[]> rows = new ArrayList<>(files.size());
		long firstId = 0;
		for (int i = 0; i < files.size(); i++) {
			if (i % ID_BLOCK == 0) {
				// Blocks need not be consecutive (other instances reserve too).
				firstId = this.bulk.reserveIds("queue_message_seq", ID_BLOCK);
			}
			ParsedQueueFile file = files.get(i);
			MessageHeaders headers = file.headers();
			long id = firstId + i % ID_BLOCK;
			ids.add(id);
			rows.add(new Object[] { id, sourceId, truncate(file.relativePath(), 1024),
					QueueIndex.hash(file.relativePath()), file.folder().name(), Math.max(0, file.size()),
					utc(file.mtime() != null ? file.mtime() : now), file.sha256(), file.dialect().name(),
					file.status().name(), truncate(file.problem(), 1000), truncate(file.sender(), 320),
					file.sender() == null ? null : truncate(domain(file.sender()), 255),
					truncate(headers.subject(), 1000), truncate(headers.from(), 1000),
					truncate(headers.messageId(), 1000), headers.date() == null ? null : utc(headers.date()),
					truncate(headers.firstReceivedHop(), 1000), truncate(headers.xMailer(), 300), recipientCount(file),
					truncate(String.join("\n", file.warnings()), 2000), utc(now), utc(now), runId });
		}
		this.bulk.insert("queue_message", MESSAGE_COLUMNS, rows);
		insertRecipients(ids, files);
	}

	/**
	 * Updates files that changed (or came back) since the last scan, replacing their
	 * recipients.
	 */
	void update(long runId, List<Long> ids, List<ParsedQueueFile> files, Instant now) {
		if (files.isEmpty()) {
			return;
		}
		SqlParameterSource[] rows = new SqlParameterSource[files.size()];
		for (int i = 0; i < files.size(); i++) {
			rows[i] = row(0, runId, files.get(i), now).addValue("id", ids.get(i));
		}
		this.named.batchUpdate("""
				update queue_message set folder = :folder, size_bytes = :size, mtime = :mtime, sha256 = :sha256,
					dialect = :dialect, status = :status, problem = :problem, sender = :sender,
					sender_domain = :senderDomain, subject = :subject, from_header = :from, message_id = :messageId,
					date_header = :date, first_hop = :firstHop, x_mailer = :xMailer, recipient_count = :recipientCount,
					warnings = :warnings, changed_at = :now, gone_at = null, run_id = :run
				where id = :id
				""", rows);
		this.template.batchUpdate("delete from queue_recipient_list where message_id = ?",
				ids.stream().map((id) -> new Object[] { id }).toList());
		insertRecipients(ids, files);
	}

	/** Marks rows as gone (first seen missing at {@code now}). */
	int markGone(List<Long> ids, Instant now) {
		if (ids.isEmpty()) {
			return 0;
		}
		OffsetDateTime at = utc(now);
		int[] counts = this.template.batchUpdate(
				"update queue_message set gone_at = ? where id = ? and gone_at is null",
				ids.stream().map((id) -> new Object[] { at, id }).toList());
		int total = 0;
		for (int count : counts) {
			total += Math.max(count, 0);
		}
		return total;
	}

	/**
	 * Records a depth sample from counts the scan made itself (no query over the table).
	 */
	void recordDepth(long sourceId, Instant now, java.util.Map<QueueFolder, long[]> messagesAndBytes) {
		messagesAndBytes.forEach((folder, counts) -> this.jdbc
			.sql("""
					insert into queue_depth (source_id, at, folder, messages, bytes) values (:source, :at, :folder, :messages, :bytes)
					""")
			.param("source", sourceId)
			.param("at", utc(now))
			.param("folder", folder.name())
			.param("messages", counts[0])
			.param("bytes", counts[1])
			.update());
	}

	/**
	 * Present messages and bytes per folder now, from the table, recorded as a depth
	 * sample.
	 */
	void recordDepth(long sourceId, Instant now) {
		List<Object[]> depth = this.jdbc.sql("""
				select folder, count(*), coalesce(sum(size_bytes), 0) from queue_message
				where source_id = :source and gone_at is null group by folder
				""")
			.param("source", sourceId)
			.query((rs, row) -> new Object[] { rs.getString(1), rs.getLong(2), rs.getLong(3) })
			.list();
		for (Object[] folder : depth) {
			this.jdbc
				.sql("""
						insert into queue_depth (source_id, at, folder, messages, bytes) values (:source, :at, :folder, :messages, :bytes)
						""")
				.param("source", sourceId)
				.param("at", utc(now))
				.param("folder", folder[0])
				.param("messages", folder[1])
				.param("bytes", folder[2])
				.update();
		}
	}

	private static final List<String> MESSAGE_COLUMNS = List.of("id", "source_id", "rel_path", "path_hash", "folder",
			"size_bytes", "mtime", "sha256", "dialect", "status", "problem", "sender", "sender_domain", "subject",
			"from_header", "message_id", "date_header", "first_hop", "x_mailer", "recipient_count", "warnings",
			"first_seen", "changed_at", "run_id");

	private static final List<String> RECIPIENT_COLUMNS = List.of("message_id", "entries");

	/**
	 * One {@code queue_recipient_list} row per file that has recipients
	 * ({@link RecipientList}).
	 */
	private void insertRecipients(List<Long> ids, List<ParsedQueueFile> files) {
		List<Object[]> rows = new ArrayList<>(files.size());
		StringBuilder entries = new StringBuilder();
		for (int i = 0; i < files.size(); i++) {
			List<EnvelopeAddress> recipients = recipients(files.get(i));
			if (recipients.isEmpty()) {
				continue;
			}
			entries.setLength(0);
			for (EnvelopeAddress recipient : recipients) {
				RecipientList.append(entries, (recipient.role() == EnvelopeAddress.Role.RECIPIENT)
						? RecipientList.Role.RECIPIENT : RecipientList.Role.UNKNOWN,
						truncate(recipient.address(), 320));
			}
			rows.add(new Object[] { ids.get(i), entries.toString() });
		}
		this.bulk.insert("queue_recipient_list", RECIPIENT_COLUMNS, rows);
	}

	/**
	 * The envelope addresses other than the resolved sender, at most
	 * {@link #MAX_RECIPIENTS_STORED}.
	 */
	static List<EnvelopeAddress> recipients(ParsedQueueFile file) {
		List<EnvelopeAddress> all = allRecipients(file);
		return (all.size() <= MAX_RECIPIENTS_STORED) ? all : all.subList(0, MAX_RECIPIENTS_STORED);
	}

	static int recipientCount(ParsedQueueFile file) {
		return allRecipients(file).size();
	}

	/**
	 * Every envelope address but the sender: SENDER-role addresses, and the UNKNOWN-role
	 * address that was taken as the probable sender.
	 */
	private static List<EnvelopeAddress> allRecipients(ParsedQueueFile file) {
		List<EnvelopeAddress> result = new ArrayList<>();
		boolean senderSkipped = false;
		for (EnvelopeAddress address : file.addresses()) {
			if (address.role() == EnvelopeAddress.Role.SENDER) {
				continue;
			}
			if (!senderSkipped && address.role() == EnvelopeAddress.Role.UNKNOWN && file.sender() != null
					&& address.address().equalsIgnoreCase(file.sender())) {
				senderSkipped = true;
				continue;
			}
			result.add(address);
		}
		return result;
	}

	private static MapSqlParameterSource row(long sourceId, long runId, ParsedQueueFile file, Instant now) {
		MessageHeaders headers = file.headers();
		return new MapSqlParameterSource().addValue("source", sourceId)
			.addValue("run", runId)
			.addValue("path", truncate(file.relativePath(), 1024))
			.addValue("folder", file.folder().name())
			.addValue("size", Math.max(0, file.size()))
			.addValue("mtime", utc(file.mtime() != null ? file.mtime() : now))
			.addValue("sha256", file.sha256())
			.addValue("dialect", file.dialect().name())
			.addValue("status", file.status().name())
			.addValue("problem", truncate(file.problem(), 1000))
			.addValue("sender", truncate(file.sender(), 320))
			.addValue("senderDomain", file.sender() == null ? null : truncate(domain(file.sender()), 255))
			.addValue("subject", truncate(headers.subject(), 1000))
			.addValue("from", truncate(headers.from(), 1000))
			.addValue("messageId", truncate(headers.messageId(), 1000))
			.addValue("date", headers.date() == null ? null : utc(headers.date()))
			.addValue("firstHop", truncate(headers.firstReceivedHop(), 1000))
			.addValue("xMailer", truncate(headers.xMailer(), 300))
			.addValue("recipientCount", recipientCount(file))
			.addValue("warnings", truncate(String.join("\n", file.warnings()), 2000))
			.addValue("now", utc(now));
	}

	static String domain(String address) {
		return RecipientList.domain(address);
	}

	private static String truncate(String value, int max) {
		if (value == null || value.length() <= max) {
			return value;
		}
		return value.substring(0, max - 1) + "…";
	}

	private static OffsetDateTime utc(Instant instant) {
		// Millisecond precision: rescans compare the stored mtime with the file's in
		// milliseconds.
		return Instant.ofEpochMilli(instant.toEpochMilli()).atOffset(ZoneOffset.UTC);
	}

}
