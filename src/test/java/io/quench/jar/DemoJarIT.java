package io.quench.jar;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command, as the packaged jar: the demo profile serves the login page
 * within 60 s and its demo users log in.
 */
class DemoJarIT {

	@Test
	void theDemoProfileServesTheLoginPageWithinSixtySeconds(@TempDir Path workDir) throws Exception {
		try (RunningJar jar = RunningJar.start(workDir, Map.of(), "--spring.profiles.active=demo",
				"--quench.data-dir=" + workDir.resolve("data"))) {
			Duration startup = jar.awaitHealthy(Duration.ofSeconds(60));
			System.out.println("Demo jar healthy after " + startup.toMillis() + " ms");
			Session session = new Session(jar);
			assertThat(session.get("/login").body()).contains("Demo mode", "quench-demo");
			assertThat(session.logIn("operator", "quench-demo")).isEqualTo("/");
			assertThat(session.get("/suspects").statusCode()).isEqualTo(200);
			assertThat(session.get("/admin/users").statusCode()).isEqualTo(403);
		}
	}

	@Test
	void withoutTheDemoProfileTheLogShowsTheOneTimePasswordAndTheFirstLoginForcesAChange(@TempDir Path workDir)
			throws Exception {
		try (RunningJar jar = RunningJar.start(workDir, Map.of(), "--quench.data-dir=" + workDir.resolve("data"))) {
			jar.awaitHealthy(Duration.ofSeconds(60));
			String log = jar.log();
			java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("one-time password\\s+(\\S+)\\s")
				.matcher(log);
			assertThat(matcher.find()).as("the one-time password in:\n" + log).isTrue();
			Session session = new Session(jar);
			assertThat(session.logIn("admin", matcher.group(1))).isEqualTo("/");
			assertThat(session.get("/suspects").headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/account/password"));
		}
		assertThat(workDir.resolve("data/quench.mv.db")).exists();
	}

}
