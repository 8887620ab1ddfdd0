package io.quench.login;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@Import({ LogRetention.class, LogRetentionContract.Config.class })
@TestPropertySource(properties = "quench.retention.log-events=30d")
abstract class LogRetentionContract {

	static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

	@TestConfiguration
	static class Config {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

	@Autowired
	LogRetention retention;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eventsOlderThanTheRetentionAreDeletedAndNewerOnesKept() {
		this.jdbc.sql("""
				insert into source (id, name, kind, path, zone, declared, enabled, created_at, updated_at)
				values (9001, 'retention', 'POA_LOG', '/tmp/x', 'UTC', false, true, :now, :now)
				""").param("now", NOW.atOffset(ZoneOffset.UTC)).update();
		for (int age : new int[] { 1, 29, 31, 400 }) {
			this.jdbc
				.sql("""
						insert into log_event (source_id, at, log_kind, event_type, file_name, line_number, byte_offset, raw)
						values (9001, :at, 'POA', 'LOGIN_SUCCESS', '1204poa.001', 1, 0, :raw)
						""")
				.param("at", NOW.minus(age, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC))
				.param("raw", "age " + age)
				.update();
		}
		assertThat(this.retention.purge()).isEqualTo(2);
		assertThat(this.jdbc.sql("select raw from log_event where source_id = 9001 order by raw")
			.query(String.class)
			.list()).containsExactly("age 1", "age 29");
	}

}
