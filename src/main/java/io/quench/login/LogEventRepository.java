package io.quench.login;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.quench.db.BulkWriter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Log events and the per-file cursors that make rescans read only what was appended.
 */
@Repository
class LogEventRepository {

	private final JdbcClient jdbc;

	private static final List<String> EVENT_COLUMNS = List.of("source_id", "at", "log_kind", "event_type", "gw_id",
			"network_id", "ip", "platform", "error_code", "thread_id", "address", "message_ref", "pattern", "file_name",
			"line_number", "byte_offset", "raw");

	private final BulkWriter bulk;

	LogEventRepository(JdbcClient jdbc, BulkWriter bulk) {
		this.jdbc = jdbc;
		this.bulk = bulk;
	}

	/** Events per batch transaction ({@link BulkWriter#itemsPerTransaction()}). */
	int eventsPerTransaction() {
		return this.bulk.itemsPerTransaction();
	}

	void insert(long sourceId, String fileName, List<LogEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(events.size());
		for (LogEvent event : events) {
			rows.add(new Object[] { sourceId, utc(event.at()), event.source().name(), event.type().name(),
					cap(event.gwId(), 255), cap(event.networkId(), 255), cap(event.ip(), 64), cap(event.platform(), 32),
					cap(event.errorCode(), 16), cap(event.threadId(), 16), cap(event.address(), 320),
					cap(event.messageRef(), 64), cap(event.pattern(), 100), cap(fileName, 255), event.lineNumber(),
					event.offset(), cap(event.raw(), 1024) });
		}
		this.bulk.insert("log_event", EVENT_COLUMNS, rows);
	}

	/** Removes what a read that died half-way stored past the cursor. */
	int deleteFrom(long sourceId, String fileName, long offset) {
		return this.jdbc.sql("""
				delete from log_event where source_id = :source and file_name = :file and byte_offset >= :offset
				""").param("source", sourceId).param("file", fileName).param("offset", offset).update();
	}

	record StoredCursor(LogCursor cursor, boolean dirty) {
	}

	Optional<StoredCursor> cursor(long sourceId, String fileKey) {
		return this.jdbc
			.sql("""
					select file_key, path, byte_offset, line_number, head_length, head_crc, log_day, last_time, last_offset, dirty
					from log_cursor where source_id = :source and file_key = :key
					""")
			.param("source", sourceId)
			.param("key", fileKey)
			.query((rs, row) -> {
				String lastTime = rs.getString("last_time");
				String lastOffset = rs.getString("last_offset");
				LogCursor cursor = new LogCursor(rs.getString("file_key"), rs.getString("path"),
						rs.getLong("byte_offset"), rs.getLong("line_number"), rs.getInt("head_length"),
						rs.getLong("head_crc"), rs.getObject("log_day", LocalDate.class),
						lastTime == null ? null : LocalTime.parse(lastTime),
						lastOffset == null ? null : ZoneOffset.of(lastOffset));
				return new StoredCursor(cursor, rs.getBoolean("dirty"));
			})
			.optional();
	}

	/** Saves the cursor; {@code dirty} marks a read under way past it. */
	void saveCursor(long sourceId, LogCursor cursor, boolean dirty, Instant now) {
		this.jdbc.sql("delete from log_cursor where source_id = :source and file_key = :key")
			.param("source", sourceId)
			.param("key", cursor.fileKey())
			.update();
		this.jdbc
			.sql("""
					insert into log_cursor (source_id, file_key, path, byte_offset, line_number, head_length, head_crc,
						log_day, last_time, last_offset, dirty, updated_at)
					values (:source, :key, :path, :offset, :line, :headLength, :headCrc, :day, :lastTime, :lastOffset, :dirty, :now)
					""")
			.param("source", sourceId)
			.param("key", cap(cursor.fileKey(), 400))
			.param("path", cap(cursor.path(), 1024))
			.param("offset", cursor.offset())
			.param("line", cursor.lineNumber())
			.param("headLength", cursor.headLength())
			.param("headCrc", cursor.headCrc())
			.param("day", cursor.day())
			.param("lastTime", cursor.lastTime() == null ? null : cursor.lastTime().toString())
			.param("lastOffset", cursor.lastOffset() == null ? null : cursor.lastOffset().getId())
			.param("dirty", dirty)
			.param("now", utc(now))
			.update();
	}

	private static String cap(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
