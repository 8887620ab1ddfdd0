package io.quench.census;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import io.quench.generator.GeneratorSettings;
import io.quench.generator.IncidentGenerator;
import io.quench.generator.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The console's KB counts of a queue root against the real KB pipeline, per folder and
 * for both, and the generator's manifest.
 */
class KbCensusTests {

	@TempDir
	Path temp;

	@Test
	void sendDeferAndBothAreWhatTheKbPipelinePrintsInEachFolderAndInBoth() throws Exception {
		Path out = this.temp.resolve("incident");
		Manifest manifest = IncidentGenerator.generate(GeneratorSettings.of(out, 1200, 3, 17));
		Path root = out.resolve("gwia");
		AtomicLong seen = new AtomicLong();

		KbCounts counts = KbCensus.count(root, seen, () -> false, (note) -> {
		});

		Map<String, Long> send = new TreeMap<>();
		Map<String, Long> defer = new TreeMap<>();
		Map<String, Long> both = new TreeMap<>();
		for (int rank = 0; rank < counts.size(); rank++) {
			if (counts.send(rank) > 0) {
				send.put(counts.address(rank), counts.send(rank));
			}
			if (counts.defer(rank) > 0) {
				defer.put(counts.address(rank), counts.defer(rank));
			}
			both.put(counts.address(rank), counts.total(rank));
			if (rank > 0) {
				assertThat(counts.total(rank)).isLessThanOrEqualTo(counts.total(rank - 1));
			}
		}
		assertThat(send).isEqualTo(KbPipeline.counts(root.resolve("send")));
		assertThat(defer).isEqualTo(KbPipeline.counts(root.resolve("defer")));
		assertThat(both).isEqualTo(KbPipeline.counts(root.resolve("send"), root.resolve("defer")));
		assertThat(both).isEqualTo(new TreeMap<>(manifest.kbCounts()));
		long files;
		try (var walk = Files.walk(root)) {
			files = walk.filter(Files::isRegularFile).count();
		}
		assertThat(counts.files()).isEqualTo(files);
		assertThat(seen.get()).isEqualTo(files);
	}

	@Test
	void aLinkedSendFolderIsNotFollowed() throws Exception {
		Path elsewhere = Files.createDirectories(this.temp.resolve("elsewhere"));
		Files.writeString(elsewhere.resolve("a.xml"), "<EmailAddress>secret@x.example</EmailAddress>\n");
		Path root = Files.createDirectories(this.temp.resolve("queue"));
		Files.createSymbolicLink(root.resolve("send"), elsewhere);
		Files.createDirectories(root.resolve("DEFER"));
		Files.writeString(root.resolve("DEFER").resolve("b.xml"),
				"<EmailAddress>a@y.example</EmailAddress><EmailAddress>a@y.example</EmailAddress>\n");

		KbCounts counts = KbCensus.count(root, new AtomicLong(), () -> false, (note) -> {
		});

		assertThat(counts.size()).isEqualTo(1);
		assertThat(counts.address(0)).isEqualTo("a@y.example");
		assertThat(counts.defer(0)).isEqualTo(2);
		assertThat(counts.send(0)).isZero();
		assertThat(counts.skipped()).isEqualTo(1);
	}

	@Test
	void aCancelledCountThrows() throws Exception {
		Path out = this.temp.resolve("incident");
		IncidentGenerator.generate(GeneratorSettings.of(out, 200, 1, 3));

		assertThatExceptionOfType(CancellationException.class)
			.isThrownBy(() -> KbCensus.count(out.resolve("gwia"), new AtomicLong(), () -> true, (note) -> {
			}));
	}

	@Test
	void theDomainFilterLooksAfterTheLastAtIgnoringCase() throws Exception {
		Path root = Files.createDirectories(this.temp.resolve("queue/send"));
		Files.writeString(root.resolve("m"),
				"<EmailAddress>Bob@Mail.Example.ORG</EmailAddress>\n<EmailAddress>org@other.net</EmailAddress>\n");

		KbCounts counts = KbCensus.count(root.getParent(), new AtomicLong(), () -> false, (note) -> {
		});

		assertThat(counts.size()).isEqualTo(2);
		int bob = counts.address(0).startsWith("Bob") ? 0 : 1;
		assertThat(counts.domainContains(bob, "example.org")).isTrue();
		assertThat(counts.domainContains(1 - bob, "org")).isFalse();
		assertThat(counts.domainContains(1 - bob, "")).isTrue();
	}

}
