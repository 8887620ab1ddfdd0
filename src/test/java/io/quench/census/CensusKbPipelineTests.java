package io.quench.census;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.quench.generator.Dialect;
import io.quench.generator.GeneratorSettings;
import io.quench.generator.IncidentGenerator;
import io.quench.generator.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The census against the real KB pipeline (bash, grep, cut, sort, uniq) over generated
 * incidents: census, the generator's manifest and the pipeline must agree exactly.
 */
class CensusKbPipelineTests {

	@TempDir
	Path temp;

	@ParameterizedTest
	@ValueSource(longs = { 1, 42, -7_000_000_123L })
	void censusMatchesTheKbPipelineForEverySeed(long seed) throws Exception {
		Manifest manifest = IncidentGenerator
			.generate(GeneratorSettings.of(this.temp.resolve("incident"), 1500, 3, seed));
		assertAllAgree(manifest, this.temp.resolve("incident"));
		assertThat(manifest.kbCounts()).hasSizeGreaterThan(100);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "b", "c", "d" })
	void censusMatchesTheKbPipelineForEachDialectAlone(String dialect) throws Exception {
		Path out = this.temp.resolve("incident-" + dialect);
		Manifest manifest = IncidentGenerator
			.generate(GeneratorSettings.of(out, 600, 2, 5).withDialects(EnumSet.of(Dialect.of(dialect))));
		assertAllAgree(manifest, out);
		boolean hasEnvelopeElements = dialect.equals("a") || dialect.equals("b");
		assertThat(manifest.kbCounts().isEmpty()).isEqualTo(!hasEnvelopeElements);
	}

	@Test
	void censusBySenderEqualsTheManifestSenderCounts() {
		Path out = this.temp.resolve("incident");
		Manifest manifest = IncidentGenerator.generate(GeneratorSettings.of(out, 1200, 3, 9));
		Path send = out.resolve("gwia/send");
		Path defer = out.resolve("gwia/defer");
		Map<String, Long> both = new TreeMap<>();
		Map<String, Long> sendOnly = new TreeMap<>();
		Map<String, Long> deferOnly = new TreeMap<>();
		manifest.senderCounts().forEach((address, counts) -> {
			both.put(address, counts.total());
			if (counts.send() > 0) {
				sendOnly.put(address, counts.send());
			}
			if (counts.defer() > 0) {
				deferOnly.put(address, counts.defer());
			}
		});
		assertThat(new TreeMap<>(CensusCommand.count(List.of(send, defer), true, quiet()))).isEqualTo(both);
		assertThat(new TreeMap<>(CensusCommand.count(List.of(send), true, quiet()))).isEqualTo(sendOnly);
		assertThat(new TreeMap<>(CensusCommand.count(List.of(defer), true, quiet()))).isEqualTo(deferOnly);
	}

	@Test
	void censusCommandPrintsTheSameLinesAsTheKbPipeline() throws Exception {
		Path out = this.temp.resolve("incident");
		IncidentGenerator.generate(GeneratorSettings.of(out, 400, 1, 3));
		Path send = out.resolve("gwia/send");
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		int status = CensusCommand.run(new String[] { send.toString() }, new PrintStream(printed, true), quiet());
		assertThat(status).isZero();
		Map<String, Long> pipeline = KbPipeline.counts(send);
		List<String> expected = pipeline.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map((entry) -> String.format("%7d %s", entry.getValue(), entry.getKey()))
			.toList();
		assertThat(printed.toString(StandardCharsets.UTF_8).lines().toList()).isEqualTo(expected);
	}

	private static void assertAllAgree(Manifest manifest, Path out) throws Exception {
		Path send = out.resolve("gwia/send");
		Path defer = out.resolve("gwia/defer");
		assertThat(Files.isDirectory(defer)).isTrue();
		Map<String, Long> pipeline = KbPipeline.counts(send, defer);
		Map<String, Long> census = new TreeMap<>(CensusCommand.count(List.of(send, defer), false, quiet()));
		assertThat(census).isEqualTo(pipeline);
		assertThat(new TreeMap<>(manifest.kbCounts())).isEqualTo(pipeline);
	}

	private static PrintStream quiet() {
		return new PrintStream(PrintStream.nullOutputStream());
	}

}
