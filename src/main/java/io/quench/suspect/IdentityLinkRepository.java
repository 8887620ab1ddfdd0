package io.quench.suspect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code identity_link} table (V11): active links and their history. */
@Repository
class IdentityLinkRepository {

	private static final String COLUMNS = """
			id, identifier, account_key, reason, linked_by, linked_at, removed_by, removed_at, removal_reason
			""";

	private final JdbcClient jdbc;

	IdentityLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores an active link; empty when the identifier already has one (the unique
	 * constraint on {@code active_identifier} decides, also between two operators at
	 * once).
	 */
	Optional<Long> insert(String identifier, String account, String reason, String actor, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		try {
			this.jdbc.sql("""
					insert into identity_link (identifier, account_key, reason, linked_by, linked_at, active_identifier)
					values (:identifier, :account, :reason, :actor, :at, :identifier)
					""")
				.param("identifier", identifier)
				.param("account", account)
				.param("reason", reason)
				.param("actor", actor)
				.param("at", at.atOffset(ZoneOffset.UTC))
				.update(keys, "id");
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			return Optional.empty();
		}
		return Optional.of(keys.getKeyAs(Number.class).longValue());
	}

	/**
	 * Marks an active link removed; false when it does not exist or was already removed.
	 */
	boolean remove(long id, String reason, String actor, Instant at) {
		return this.jdbc.sql("""
				update identity_link
				set active_identifier = null, removed_by = :actor, removed_at = :at, removal_reason = :reason
				where id = :id and removed_at is null
				""")
			.param("id", id)
			.param("actor", actor)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("reason", reason)
			.update() == 1;
	}

	Optional<IdentityLink> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from identity_link where id = :id")
			.param("id", id)
			.query(IdentityLinkRepository::link)
			.optional();
	}

	/** Active links: identifier to account key. */
	Map<String, String> active() {
		Map<String, String> links = new LinkedHashMap<>();
		this.jdbc.sql("""
				select identifier, account_key from identity_link where removed_at is null order by id
				""").query((rs) -> {
			links.put(rs.getString("identifier"), rs.getString("account_key"));
		});
		return links;
	}

	/** Every link, active ones first, newest first within each. */
	List<IdentityLink> all() {
		return this.jdbc.sql("select " + COLUMNS + """
				from identity_link
				order by case when removed_at is null then 0 else 1 end, id desc
				""").query(IdentityLinkRepository::link).list();
	}

	private static IdentityLink link(ResultSet rs, int row) throws SQLException {
		OffsetDateTime removed = rs.getObject("removed_at", OffsetDateTime.class);
		return new IdentityLink(rs.getLong("id"), rs.getString("identifier"), rs.getString("account_key"),
				rs.getString("reason"), rs.getString("linked_by"),
				rs.getObject("linked_at", OffsetDateTime.class).toInstant(), rs.getString("removed_by"),
				(removed != null) ? removed.toInstant() : null, rs.getString("removal_reason"));
	}

}
