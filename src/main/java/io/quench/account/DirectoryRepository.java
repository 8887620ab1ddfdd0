package io.quench.account;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class DirectoryRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	DirectoryRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** The directory of a source is replaced whole by each scan. */
	/** The SHA-256 of the export the source imported last; null before the first. */
	String lastImport(long sourceId) {
		return this.jdbc.sql("select sha256 from directory_import where source_id = :source")
			.param("source", sourceId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	void recordImport(long sourceId, String sha256, java.time.Instant at) {
		this.jdbc.sql("delete from directory_import where source_id = :source").param("source", sourceId).update();
		this.jdbc.sql("insert into directory_import (source_id, sha256, imported_at) values (:source, :sha, :at)")
			.param("source", sourceId)
			.param("sha", sha256)
			.param("at", at.atOffset(java.time.ZoneOffset.UTC))
			.update();
	}

	void deleteSource(long sourceId) {
		this.jdbc.sql("delete from directory_account where source_id = :source").param("source", sourceId).update();
	}

	void insert(long sourceId, DirectoryEntry entry) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into directory_account (source_id, gw_id, network_id, preferred_address, post_office, gw_domain)
				values (:source, :gwId, :networkId, :preferred, :postOffice, :domain)
				""")
			.param("source", sourceId)
			.param("gwId", entry.gwId())
			.param("networkId", entry.networkId())
			.param("preferred", entry.preferredAddress())
			.param("postOffice", entry.postOffice())
			.param("domain", entry.domain())
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		List<Object[]> addresses = new ArrayList<>();
		if (entry.preferredAddress() != null) {
			addresses.add(new Object[] { id, entry.preferredAddress(), true });
		}
		for (String alias : entry.aliases()) {
			if (!alias.equals(entry.preferredAddress())) {
				addresses.add(new Object[] { id, alias, false });
			}
		}
		if (!addresses.isEmpty()) {
			this.template.batchUpdate("insert into directory_address (account_id, address, preferred) values (?, ?, ?)",
					addresses);
		}
	}

}
