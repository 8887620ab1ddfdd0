package io.quench.source;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class SourceRepository {

	private static final String COLUMNS = "id, name, kind, path, zone, rescan_seconds, declared, enabled";

	private final JdbcClient jdbc;

	SourceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Source> findAll() {
		return this.jdbc.sql("select " + COLUMNS + " from source order by name").query(SourceRepository::map).list();
	}

	Optional<Source> findById(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from source where id = :id")
			.param("id", id)
			.query(SourceRepository::map)
			.optional();
	}

	Optional<Source> findByName(String name) {
		return this.jdbc.sql("select " + COLUMNS + " from source where name = :name")
			.param("name", name)
			.query(SourceRepository::map)
			.optional();
	}

	long insert(SourceDefinition definition, boolean declared, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into source (name, kind, path, zone, rescan_seconds, declared, enabled, created_at, updated_at)
				values (:name, :kind, :path, :zone, :rescan, :declared, true, :now, :now)
				""")
			.param("name", definition.name())
			.param("kind", definition.kind().name())
			.param("path", definition.path().toString())
			.param("zone", definition.zone().getId())
			.param("rescan", seconds(definition.rescan()))
			.param("declared", declared)
			.param("now", utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void update(long id, SourceDefinition definition, boolean declared, Instant now) {
		int updated = this.jdbc.sql("""
				update source set name = :name, kind = :kind, path = :path, zone = :zone, rescan_seconds = :rescan,
				declared = :declared, updated_at = :now where id = :id
				""")
			.param("name", definition.name())
			.param("kind", definition.kind().name())
			.param("path", definition.path().toString())
			.param("zone", definition.zone().getId())
			.param("rescan", seconds(definition.rescan()))
			.param("declared", declared)
			.param("now", utc(now))
			.param("id", id)
			.update();
		if (updated != 1) {
			throw new SourceNotFoundException(id);
		}
	}

	void setEnabled(long id, boolean enabled, Instant now) {
		if (this.jdbc.sql("update source set enabled = :enabled, updated_at = :now where id = :id")
			.param("enabled", enabled)
			.param("now", utc(now))
			.param("id", id)
			.update() != 1) {
			throw new SourceNotFoundException(id);
		}
	}

	/**
	 * Deletes the source and all it ingested. Recipients first: they have no foreign key
	 * to their message (V13), so the cascade from the source stops at the messages. One
	 * transaction, so a failure leaves both.
	 */
	@Transactional
	void delete(long id) {
		this.jdbc
			.sql("""
					delete from queue_recipient_list where message_id in (select id from queue_message where source_id = :id)
					""")
			.param("id", id)
			.update();
		this.jdbc.sql("delete from source where id = :id").param("id", id).update();
	}

	/**
	 * Claims the source for a run unless another live run holds it: returns true when
	 * this run got it.
	 */
	boolean claim(long sourceId, long runId, Instant staleBefore) {
		return this.jdbc.sql("""
				update source set running_run_id = :run
				where id = :id and (running_run_id is null or running_run_id in (
					select r.id from ingest_run r where r.status <> 'RUNNING' or r.heartbeat_at < :stale))
				""").param("run", runId).param("id", sourceId).param("stale", utc(staleBefore)).update() == 1;
	}

	void release(long sourceId, long runId) {
		this.jdbc.sql("update source set running_run_id = null where id = :id and running_run_id = :run")
			.param("id", sourceId)
			.param("run", runId)
			.update();
	}

	/**
	 * Frees every source whose claimed run has ended: finished, or failed because its
	 * instance stopped. Returns how many were freed.
	 */
	int releaseEnded() {
		return this.jdbc.sql("""
				update source s set running_run_id = null
				where s.running_run_id is not null
					and exists (select 1 from ingest_run r where r.id = s.running_run_id and r.status <> 'RUNNING')
				""").update();
	}

	/**
	 * The run holding the source, if it is still running (a claim left by a run that
	 * ended without releasing it does not count).
	 */
	Optional<Long> runningRunId(long sourceId) {
		return this.jdbc.sql("""
				select s.running_run_id from source s join ingest_run r on r.id = s.running_run_id
				where s.id = :id and r.status = 'RUNNING'
				""").param("id", sourceId).query(Long.class).optional();
	}

	private static Integer seconds(Duration rescan) {
		return rescan == null ? null : Math.toIntExact(rescan.toSeconds());
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Source map(ResultSet rs, int row) throws SQLException {
		int rescan = rs.getInt("rescan_seconds");
		Duration interval = rs.wasNull() ? null : Duration.ofSeconds(rescan);
		return new Source(rs.getLong("id"), rs.getString("name"), SourceKind.valueOf(rs.getString("kind")),
				Path.of(rs.getString("path")), ZoneId.of(rs.getString("zone")), interval, rs.getBoolean("declared"),
				rs.getBoolean("enabled"));
	}

}
