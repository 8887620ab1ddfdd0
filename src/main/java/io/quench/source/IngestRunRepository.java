package io.quench.source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class IngestRunRepository {

	private static final String COLUMNS = """
			id, source_id, status, started_by, started_at, finished_at, heartbeat_at, cancel_requested,
			files_total, files_done, bytes_total, bytes_done, items_ok, items_failed, items_skipped, items_gone,
			events, top_senders, message""";

	private final JdbcClient jdbc;

	IngestRunRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long sourceId, String startedBy, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					insert into ingest_run (source_id, status, started_by, started_at, heartbeat_at, cancel_requested,
						files_total, files_done, bytes_total, bytes_done, items_ok, items_failed, items_skipped, items_gone, events)
					values (:source, 'RUNNING', :by, :now, :now, false, 0, 0, 0, 0, 0, 0, 0, 0, 0)
					""")
			.param("source", sourceId)
			.param("by", startedBy)
			.param("now", utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void delete(long runId) {
		this.jdbc.sql("delete from ingest_run where id = :id").param("id", runId).update();
	}

	/**
	 * Writes progress and the heartbeat; returns whether a cancel was requested
	 * meanwhile.
	 */
	boolean progress(long runId, RunCounters counters, String topSenders, Instant now) {
		this.jdbc.sql("""
				update ingest_run set heartbeat_at = :now, files_total = :filesTotal, files_done = :filesDone,
					bytes_total = :bytesTotal, bytes_done = :bytesDone, items_ok = :ok, items_failed = :failed,
					items_skipped = :skipped, items_gone = :gone, events = :events, top_senders = :top
				where id = :id
				""")
			.param("now", utc(now))
			.param("filesTotal", counters.filesTotal())
			.param("filesDone", counters.filesDone())
			.param("bytesTotal", counters.bytesTotal())
			.param("bytesDone", counters.bytesDone())
			.param("ok", counters.ok())
			.param("failed", counters.failed())
			.param("skipped", counters.skipped())
			.param("gone", counters.gone())
			.param("events", counters.events())
			.param("top", topSenders)
			.param("id", runId)
			.update();
		return this.jdbc.sql("select cancel_requested from ingest_run where id = :id")
			.param("id", runId)
			.query(Boolean.class)
			.single();
	}

	void finish(long runId, IngestRun.Status status, String message, Instant now) {
		this.jdbc.sql("""
				update ingest_run set status = :status, finished_at = :now, heartbeat_at = :now, message = :message
				where id = :id and status = 'RUNNING'
				""")
			.param("status", status.name())
			.param("now", utc(now))
			.param("message", truncate(message, 2000))
			.param("id", runId)
			.update();
	}

	boolean requestCancel(long runId) {
		return this.jdbc.sql("update ingest_run set cancel_requested = true where id = :id and status = 'RUNNING'")
			.param("id", runId)
			.update() == 1;
	}

	/**
	 * Runs going on now, on any instance, whose heartbeat is not stale; by source name.
	 */
	List<RunningIngest> running(Instant staleBefore) {
		return this.jdbc.sql("""
				select s.id as source_id, s.name, s.kind, r.id as run_id, r.files_done, r.events, r.started_at
				from source s join ingest_run r on r.id = s.running_run_id
				where r.status = 'RUNNING' and r.heartbeat_at >= :stale
				order by s.name, r.id
				""")
			.param("stale", utc(staleBefore))
			.query((rs, n) -> new RunningIngest(rs.getLong("source_id"), rs.getString("name"),
					SourceKind.valueOf(rs.getString("kind")), rs.getLong("run_id"), rs.getLong("files_done"),
					rs.getLong("events"), rs.getObject("started_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * Runs whose instance stopped sending heartbeats (crashed or killed) are marked
	 * failed; returns how many.
	 */
	int failStale(Instant staleBefore, Instant now) {
		return this.jdbc.sql("""
				update ingest_run set status = 'FAILED', finished_at = :now,
					message = 'The instance running this scan stopped (no heartbeat).'
				where status = 'RUNNING' and heartbeat_at < :stale
				""").param("now", utc(now)).param("stale", utc(staleBefore)).update();
	}

	/** Ids of the runs marked RUNNING, on any instance. */
	List<Long> runningIds() {
		return this.jdbc.sql("select id from ingest_run where status = 'RUNNING' order by id").query(Long.class).list();
	}

	/** Marks these runs failed, if they are still RUNNING; returns how many. */
	int failRunning(List<Long> ids, String message, Instant now) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				update ingest_run set status = 'FAILED', finished_at = :now, message = :message
				where status = 'RUNNING' and id in (:ids)
				""").param("now", utc(now)).param("message", message).param("ids", ids).update();
	}

	Optional<IngestRun> findById(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from ingest_run where id = :id")
			.param("id", id)
			.query(IngestRunRepository::map)
			.optional();
	}

	List<IngestRun> findBySource(long sourceId, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from ingest_run where source_id = :source order by id desc limit :limit")
			.param("source", sourceId)
			.param("limit", limit)
			.query(IngestRunRepository::map)
			.list();
	}

	Optional<IngestRun> latest(long sourceId) {
		return findBySource(sourceId, 1).stream().findFirst();
	}

	Optional<Instant> lastFinished(long sourceId) {
		return this.jdbc.sql("select max(finished_at) from ingest_run where source_id = :source")
			.param("source", sourceId)
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class))
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	void insertErrors(long runId, List<IngestError> errors) {
		for (IngestError error : errors) {
			this.jdbc.sql("insert into ingest_error (run_id, path, reason, at) values (:run, :path, :reason, :at)")
				.param("run", runId)
				.param("path", truncate(error.path(), 1024))
				.param("reason", truncate(error.reason(), 1000))
				.param("at", utc(error.at()))
				.update();
		}
	}

	List<IngestError> errors(long runId, int offset, int limit) {
		return this.jdbc.sql(
				"select path, reason, at from ingest_error where run_id = :run order by id limit :limit offset :offset")
			.param("run", runId)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, row) -> new IngestError(rs.getString("path"), rs.getString("reason"),
					rs.getObject("at", OffsetDateTime.class).toInstant()))
			.list();
	}

	void insertShapes(long runId, List<UnmatchedShape> shapes) {
		for (UnmatchedShape shape : shapes) {
			this.jdbc.sql("""
					insert into ingest_shape (run_id, shape, line_count, sample) values (:run, :shape, :count, :sample)
					""")
				.param("run", runId)
				.param("shape", truncate(shape.shape(), 300))
				.param("count", shape.count())
				.param("sample", truncate(shape.sample(), 600))
				.update();
		}
	}

	/** Shapes of unrecognised lines over all runs of a source, most frequent first. */
	List<UnmatchedShape> shapes(long sourceId, int limit) {
		return this.jdbc.sql("""
				select s.shape, sum(s.line_count) as total, min(s.sample) as sample
				from ingest_shape s join ingest_run r on r.id = s.run_id
				where r.source_id = :source group by s.shape order by total desc, s.shape limit :limit
				""")
			.param("source", sourceId)
			.param("limit", limit)
			.query((rs, row) -> new UnmatchedShape(rs.getString("shape"), rs.getLong("total"), rs.getString("sample")))
			.list();
	}

	static String truncate(String value, int max) {
		if (value == null || value.length() <= max) {
			return value;
		}
		return value.substring(0, max - 1) + "…";
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static IngestRun map(ResultSet rs, int row) throws SQLException {
		return new IngestRun(rs.getLong("id"), rs.getLong("source_id"),
				IngestRun.Status.valueOf(rs.getString("status")), rs.getString("started_by"), instant(rs, "started_at"),
				instant(rs, "finished_at"), instant(rs, "heartbeat_at"), rs.getBoolean("cancel_requested"),
				rs.getLong("files_total"), rs.getLong("files_done"), rs.getLong("bytes_total"),
				rs.getLong("bytes_done"), rs.getLong("items_ok"), rs.getLong("items_failed"),
				rs.getLong("items_skipped"), rs.getLong("items_gone"), rs.getLong("events"),
				rs.getString("top_senders"), rs.getString("message"));
	}

}
