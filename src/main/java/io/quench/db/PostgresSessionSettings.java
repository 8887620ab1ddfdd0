package io.quench.db;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL sessions check, while a query runs, that the client is still connected
 * ({@code client_connection_check_interval}, PostgreSQL 14 and later; older servers are
 * left as they are). When a Quench instance stops or is killed, the server then aborts
 * its running queries (the ranking's evidence over 10^6 messages runs for minutes) within
 * seconds, instead of finishing them for nobody on a database other instances share. A
 * connection-init SQL set in the configuration is kept.
 */
@Component
class PostgresSessionSettings implements BeanPostProcessor {

	/** How often a running query looks whether its client is still there. */
	static final String CHECK_INTERVAL = "10s";

	static final String INIT_SQL = """
			DO $$ BEGIN IF current_setting('server_version_num')::int >= 140000 THEN
			PERFORM set_config('client_connection_check_interval', '%s', false); END IF; END $$"""
		.formatted(CHECK_INTERVAL);

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
				&& hikari.getJdbcUrl().startsWith("jdbc:postgresql:") && hikari.getConnectionInitSql() == null) {
			hikari.setConnectionInitSql(INIT_SQL);
		}
		return bean;
	}

}
