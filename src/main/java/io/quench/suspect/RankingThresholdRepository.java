package io.quench.suspect;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Thresholds changed at run time, by property name (one small table, read per ranking).
 */
@Repository
class RankingThresholdRepository {

	private final JdbcClient jdbc;

	RankingThresholdRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Property name to stored value text. */
	Map<String, String> all() {
		Map<String, String> values = new LinkedHashMap<>();
		this.jdbc.sql("select name, setting_value from ranking_threshold order by name").query((rs) -> {
			values.put(rs.getString("name"), rs.getString("setting_value"));
		});
		return values;
	}

	void save(String name, String value, String actor, Instant at) {
		// Delete and insert: the same SQL on H2 and PostgreSQL, in the caller's
		// transaction.
		delete(name);
		this.jdbc.sql("""
				insert into ranking_threshold (name, setting_value, changed_by, changed_at)
				values (:name, :value, :actor, :at)
				""")
			.param("name", name)
			.param("value", value)
			.param("actor", actor)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.update();
	}

	boolean delete(String name) {
		return this.jdbc.sql("delete from ranking_threshold where name = :name").param("name", name).update() > 0;
	}

}
