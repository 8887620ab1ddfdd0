package io.quench.jar;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.quench.support.PostgresTest;
import io.quench.support.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same jar, on PostgreSQL, selected by SPRING_DATASOURCE_URL alone (as the README
 * documents).
 */
@PostgresTest
class PostgresJarIT {

	@Test
	void theSameJarRunsOnPostgresqlWhenSpringDatasourceUrlIsSet(@TempDir Path workDir) throws Exception {
		PostgresTestDatabase.Schema schema = PostgresTestDatabase.newSchema();
		Map<String, String> environment = new HashMap<>();
		environment.put("SPRING_DATASOURCE_URL", schema.url());
		if (schema.username() != null) {
			environment.put("SPRING_DATASOURCE_USERNAME", schema.username());
		}
		environment.put("SPRING_DATASOURCE_PASSWORD", schema.password() == null ? "" : schema.password());
		environment.put("QUENCH_ADMIN_PASSWORD", "Jar-On-Postgres-Pw1");
		try (RunningJar jar = RunningJar.start(workDir, environment, "--quench.data-dir=" + workDir.resolve("data"))) {
			jar.awaitHealthy(Duration.ofSeconds(60));
			assertThat(jar.log()).contains("PostgreSQL");
			Session session = new Session(jar);
			assertThat(session.logIn("admin", "Jar-On-Postgres-Pw1")).isEqualTo("/");
			assertThat(session.get("/admin/users").statusCode()).isEqualTo(200);
		}
		assertThat(workDir.resolve("data/quench.mv.db")).doesNotExist();
	}

}
