package io.quench.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test's Spring context at a fresh PostgreSQL schema, ahead of every other
 * property source.
 */
class PostgresContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		PostgresTestDatabase.Schema schema = PostgresTestDatabase.newSchema();
		Map<String, Object> properties = new java.util.HashMap<>();
		properties.put("spring.datasource.url", schema.url());
		properties.put("spring.datasource.username", schema.username() == null ? "" : schema.username());
		properties.put("spring.datasource.password", schema.password() == null ? "" : schema.password());
		properties.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("quench-test-postgres", properties));
	}

}
