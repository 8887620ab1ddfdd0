package io.quench.user;

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
class OperatorRepository {

	private final JdbcClient jdbc;

	OperatorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Operator> findByUsername(String username) {
		return this.jdbc.sql("""
				select id, username, password_hash, role, enabled, must_change_password, created_at, updated_at
				from operator where username = :username
				""").param("username", username).query(OperatorRepository::map).optional();
	}

	Optional<Operator> findById(long id) {
		return this.jdbc.sql("""
				select id, username, password_hash, role, enabled, must_change_password, created_at, updated_at
				from operator where id = :id
				""").param("id", id).query(OperatorRepository::map).optional();
	}

	List<Operator> findAll() {
		return this.jdbc.sql("""
				select id, username, password_hash, role, enabled, must_change_password, created_at, updated_at
				from operator order by username
				""").query(OperatorRepository::map).list();
	}

	long count() {
		return this.jdbc.sql("select count(*) from operator").query(Long.class).single();
	}

	long countEnabledAdmins() {
		return this.jdbc.sql("select count(*) from operator where role = 'ADMIN' and enabled = true")
			.query(Long.class)
			.single();
	}

	long insert(String username, String passwordHash, Role role, boolean mustChangePassword, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					insert into operator (username, password_hash, role, enabled, must_change_password, created_at, updated_at)
					values (:username, :hash, :role, true, :mustChange, :now, :now)
					""")
			.param("username", username)
			.param("hash", passwordHash)
			.param("role", role.name())
			.param("mustChange", mustChangePassword)
			.param("now", utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void updatePassword(long id, String passwordHash, boolean mustChangePassword, Instant now) {
		expectOne(this.jdbc.sql("""
				update operator set password_hash = :hash, must_change_password = :mustChange, updated_at = :now
				where id = :id
				""")
			.param("hash", passwordHash)
			.param("mustChange", mustChangePassword)
			.param("now", utc(now))
			.param("id", id)
			.update(), id);
	}

	void updateRole(long id, Role role, Instant now) {
		expectOne(this.jdbc.sql("update operator set role = :role, updated_at = :now where id = :id")
			.param("role", role.name())
			.param("now", utc(now))
			.param("id", id)
			.update(), id);
	}

	void updateEnabled(long id, boolean enabled, Instant now) {
		expectOne(this.jdbc.sql("update operator set enabled = :enabled, updated_at = :now where id = :id")
			.param("enabled", enabled)
			.param("now", utc(now))
			.param("id", id)
			.update(), id);
	}

	private static void expectOne(int updated, long id) {
		if (updated != 1) {
			throw new OperatorNotFoundException(id);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Operator map(ResultSet rs, int row) throws SQLException {
		return new Operator(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
				Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

}
