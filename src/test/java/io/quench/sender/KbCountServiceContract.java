package io.quench.sender;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.quench.generator.GeneratorSettings;
import io.quench.generator.IncidentGenerator;
import io.quench.generator.Manifest;
import io.quench.source.IngestRun;
import io.quench.source.IngestRunFinished;
import io.quench.source.Source;
import io.quench.source.SourceDefinition;
import io.quench.source.SourceKind;
import io.quench.source.SourceService;
import io.quench.support.Sources;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The KB counts of a configured queue source, counted in the background by the census,
 * against the generator's manifest (which the census tests check against the real KB
 * pipeline), with the file estimate from the source's latest scan; on H2 and PostgreSQL.
 */
abstract class KbCountServiceContract {

	@TempDir
	Path dir;

	@Autowired
	SourceService sources;

	@Autowired
	KbCountService counts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@BeforeEach
	void signInAsAdminOnEmptyTables() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("tester", null,
					List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
		Sources.deleteAll(this.jdbc);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private KbState counted(Source source) {
		return await().pollInSameThread()
			.atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.counts.state(source), (state) -> !state.counting());
	}

	@Test
	void theCountsOfAScannedQueueAreTheKbCountsAndAFinishedRunMakesThemRecount() throws Exception {
		Path out = this.dir.resolve("incident");
		Manifest manifest = IncidentGenerator.generate(GeneratorSettings.of(out, 900, 2, 31));
		long id = this.sources.add(new SourceDefinition("kb-queue", SourceKind.QUEUE, out.resolve("gwia"),
				ZoneId.of("Europe/Berlin"), null), "tester");
		long run = this.sources.scan(id, "tester");
		await().pollInSameThread().atMost(Duration.ofMinutes(2)).until(() -> !this.sources.run(run).running());
		Source source = this.sources.get(id);
		assertThat(this.counts.queueSources()).extracting(Source::id).containsExactly(id);

		KbState first = this.counts.state(source);
		assertThat(first.counting()).isTrue();
		long files;
		try (var walk = Files.walk(out.resolve("gwia"))) {
			files = walk.filter(Files::isRegularFile).count();
		}
		assertThat(first.filesEstimate()).isEqualTo(files);

		KbState done = counted(source);
		assertThat(done.problem()).isNull();
		assertThat(done.filesSeen()).isEqualTo(files);
		Map<String, Long> both = new TreeMap<>();
		for (KbState.KbRow row : done.all(null)) {
			both.put(row.address(), row.total());
			assertThat(row.total()).isEqualTo(row.send() + row.defer());
		}
		assertThat(both).isEqualTo(new TreeMap<>(manifest.kbCounts()));
		assertThat(done.page(null, 0).rows()).hasSizeLessThanOrEqualTo(SenderQuery.PAGE_SIZE);
		assertThat(done.page(null, 0).totalAddresses()).isEqualTo(manifest.kbCounts().size());

		// Cached: the same counts, no new count.
		assertThat(this.counts.state(source).counts()).isSameAs(done.counts());

		// A finished scan of the source makes the next look count again, showing the
		// previous numbers meanwhile.
		this.events.publishEvent(new IngestRunFinished(run + 1000, id, SourceKind.QUEUE, IngestRun.Status.SUCCEEDED));
		KbState recounting = this.counts.state(source);
		assertThat(recounting.counting()).isTrue();
		assertThat(recounting.counts()).isSameAs(done.counts());
		KbState again = counted(source);
		assertThat(again.counts()).isNotSameAs(done.counts());
		assertThat(again.counts().size()).isEqualTo(done.counts().size());

		// A finished run of another source changes nothing; a refresh does.
		this.events
			.publishEvent(new IngestRunFinished(run + 1001, id + 1, SourceKind.QUEUE, IngestRun.Status.SUCCEEDED));
		assertThat(this.counts.state(source).counting()).isFalse();
		this.counts.refresh(id);
		assertThat(this.counts.state(source).counting()).isTrue();
		counted(source);
	}

}
