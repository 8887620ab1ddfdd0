package io.quench.db;

import io.quench.support.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pooled PostgreSQL connections check for a vanished client while a query runs, so the
 * queries of a Quench that stopped do not run on for minutes.
 */
@JdbcTest
@PostgresTest
@Import(PostgresSessionSettings.class)
class PostgresSessionSettingsPostgresTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void sessionsCheckThatTheClientIsStillThereWhileAQueryRuns() {
		int version = this.jdbc.sql("select current_setting('server_version_num')::int").query(Integer.class).single();
		String interval = this.jdbc.sql("select current_setting('client_connection_check_interval', true)")
			.query(String.class)
			.optional()
			.orElse(null);
		if (version >= 140000) {
			assertThat(interval).isEqualTo(PostgresSessionSettings.CHECK_INTERVAL);
		}
		else {
			assertThat(interval).isNull();
		}
	}

}
