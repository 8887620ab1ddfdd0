package io.quench.jar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.quench.generator.GeneratorSettings;
import io.quench.generator.IncidentGenerator;
import io.quench.generator.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar killed ({@code kill -9}) in the middle of the first scan of a queue, on the
 * embedded H2 database, and started again: the database opens, the restart scans at once,
 * and the end state is exact (each file stored once, the generator's per-sender counts,
 * no scan left marked running).
 */
class CrashRestartJarIT {

	/**
	 * Enough files that the first scan on a fresh JVM lasts several seconds on this
	 * machine class (it warms up at under 10,000 files/s).
	 */
	private static final int MESSAGES = 40_000;

	@Test
	void aQuenchKilledInTheMiddleOfAScanScansAgainAtRestartAndEndsExact(@TempDir Path workDir) throws Exception {
		Manifest manifest = IncidentGenerator
			.generate(GeneratorSettings.of(workDir.resolve("incident"), MESSAGES, 2, 5));
		Path gwia = workDir.resolve("incident/gwia");
		long files;
		try (Stream<Path> walk = Files.walk(gwia)) {
			files = walk.filter(Files::isRegularFile).count();
		}
		Path data = workDir.resolve("data");
		String[] arguments = { "--quench.data-dir=" + data, "--quench.sources[0].name=queue",
				"--quench.sources[0].kind=QUEUE", "--quench.sources[0].path=" + gwia,
				"--quench.sources[0].zone=Europe/Berlin" };
		Map<String, String> environment = Map.of("QUENCH_ADMIN_PASSWORD", "Crash-Restart-Pw1");

		RunningJar first = RunningJar.start(workDir, environment, arguments);
		try {
			first.awaitLog("Scan 1 of source 'queue' (QUEUE) started", Duration.ofSeconds(60));
			Thread.sleep(1_500);
			first.kill();
		}
		finally {
			first.close();
		}
		assertThat(first.log()).as("the kill landed in the middle of the scan").doesNotContain("SUCCEEDED");
		Files.move(workDir.resolve("quench.log"), workDir.resolve("killed.log"));

		try (RunningJar second = RunningJar.start(workDir, environment, arguments)) {
			String log = second.awaitLog("of source 'queue' SUCCEEDED", Duration.ofSeconds(120));
			assertThat(log).contains("scan(s) were still marked running from a Quench that stopped");
		}

		try (Connection db = DriverManager.getConnection(
				"jdbc:h2:file:" + data.resolve("quench") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
				Statement sql = db.createStatement()) {
			try (ResultSet rows = sql.executeQuery("select count(*), count(distinct rel_path) from queue_message")) {
				rows.next();
				assertThat(rows.getLong(1)).as("queue files stored").isEqualTo(files);
				assertThat(rows.getLong(2)).as("distinct paths").isEqualTo(files);
			}
			Map<String, Manifest.FolderCounts> counts = new HashMap<>();
			try (ResultSet rows = sql.executeQuery("""
					select sender, sum(case when folder = 'SEND' then 1 else 0 end),
						sum(case when folder = 'DEFER' then 1 else 0 end)
					from queue_message where gone_at is null and sender is not null group by sender
					""")) {
				while (rows.next()) {
					counts.put(rows.getString(1), new Manifest.FolderCounts(rows.getLong(2), rows.getLong(3)));
				}
			}
			assertThat(counts).isEqualTo(manifest.senderCounts());
			try (ResultSet rows = sql.executeQuery("select id, status, message from ingest_run order by id")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString("status")).isEqualTo("FAILED");
				assertThat(rows.getString("message")).startsWith("Quench stopped while this scan ran");
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString("status")).isEqualTo("SUCCEEDED");
				assertThat(rows.next()).isFalse();
			}
		}
	}

}
