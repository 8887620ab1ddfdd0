package io.quench.census;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The census on hostile and edge-case files, each checked against the KB pipeline where
 * they agree.
 */
class CensusTests {

	@TempDir
	Path temp;

	@Test
	void fileWithNulBytesCountsNothingAndIsReported() throws Exception {
		Path queue = Files.createDirectories(this.temp.resolve("send"));
		Files.write(queue.resolve("A0000001.000"),
				"<EmailAddress>bin@example.net</EmailAddress>\n\0\n<EmailAddress>bin@example.net</EmailAddress>\n"
					.getBytes(StandardCharsets.UTF_8));
		Files.writeString(queue.resolve("A0000002.000"), "<EmailAddress>text@example.net</EmailAddress>\n");
		ByteArrayOutputStream notes = new ByteArrayOutputStream();
		Map<String, Long> counts = CensusCommand.count(List.of(queue), false, new PrintStream(notes, true));
		assertThat(counts).containsExactly(Map.entry("text@example.net", 1L));
		assertThat(notes.toString(StandardCharsets.UTF_8)).contains("A0000001.000").contains("NUL");
	}

	@Test
	void nulByteFarBehindTheFirstReadStillDiscardsTheWholeFile() throws Exception {
		Path queue = Files.createDirectories(this.temp.resolve("send"));
		StringBuilder text = new StringBuilder();
		while (text.length() < 3 << 20) {
			text.append("<EmailAddress>early@example.net</EmailAddress> padding padding padding\n");
		}
		byte[] bytes = (text + "\0\n").getBytes(StandardCharsets.UTF_8);
		Files.write(queue.resolve("B0000001.000"), bytes);
		assertThat(CensusCommand.count(List.of(queue), false, quiet())).isEmpty();
	}

	@Test
	void symlinkPointingOutsideIsNotFollowed() throws Exception {
		Path outside = Files.createDirectories(this.temp.resolve("outside"));
		Files.writeString(outside.resolve("secret.xml"), "<EmailAddress>outside@example.net</EmailAddress>\n");
		Path queue = Files.createDirectories(this.temp.resolve("send"));
		Files.writeString(queue.resolve("C0000001.000"), "<EmailAddress>inside@example.net</EmailAddress>\n");
		Files.createSymbolicLink(queue.resolve("link-to-dir"), outside);
		Files.createSymbolicLink(queue.resolve("link-to-file.000"), outside.resolve("secret.xml"));
		ByteArrayOutputStream notes = new ByteArrayOutputStream();
		Map<String, Long> counts = CensusCommand.count(List.of(queue), false, new PrintStream(notes, true));
		assertThat(counts).containsExactly(Map.entry("inside@example.net", 1L));
		assertThat(notes.toString(StandardCharsets.UTF_8)).contains("link-to-dir").contains("link-to-file.000");
		// grep -R follows both links: that is the difference the javadoc documents.
		assertThat(KbPipeline.counts(queue)).containsEntry("outside@example.net", 2L);
	}

	@Test
	void truncatedValuesValuesAcrossLinesAndEmptyValuesAreNotCountedLikeTheKbPipeline() throws Exception {
		Path queue = Files.createDirectories(this.temp.resolve("send"));
		Files.writeString(queue.resolve("D0000001.000"), String.join("\n",
				"<Originator><EmailAddress>truncated@example.net", "</Originator>", "<EmailAddress>spans@example.net",
				"</EmailAddress>", "<EmailAddress></EmailAddress>",
				"<EmailAddress>a@example.net</EmailAddress><EmailAddress>b@example.net</EmailAddress>",
				"<EmailAddress>with<angle@example.net</EmailAddress>", "<EmailAddress>cr@example.net</EmailAddress>\r",
				"<EmailAddress><EmailAddress>nested@example.net</EmailAddress>", "<EmailAddress>last@example.net"));
		Files.writeString(queue.resolve("D0000002.000"), "<EmailAddress>no-newline@example.net</EmailAddress>");
		Map<String, Long> counts = CensusCommand.count(List.of(queue), false, quiet());
		assertThat(counts).containsOnlyKeys("a@example.net", "b@example.net", "cr@example.net", "nested@example.net",
				"no-newline@example.net");
		assertThat(counts).isEqualTo(KbPipeline.counts(queue));
	}

	@Test
	void valueAcrossTheReadBufferBoundaryIsCounted() throws Exception {
		Path queue = Files.createDirectories(this.temp.resolve("send"));
		StringBuilder text = new StringBuilder();
		int n = 0;
		while (text.length() < (5 << 20)) {
			text.append("x".repeat(n % 97))
				.append("<EmailAddress>u")
				.append(n % 50)
				.append("@example.net</EmailAddress>\n");
			n++;
		}
		// One line longer than the first buffer, too.
		text.append("y".repeat(3 << 20)).append("<EmailAddress>long@example.net</EmailAddress>\n");
		Files.writeString(queue.resolve("E0000001.000"), text);
		assertThat(CensusCommand.count(List.of(queue), false, quiet())).isEqualTo(KbPipeline.counts(queue));
	}

	@Test
	void censusCommandSortsByCountThenAddressAndPrintsJson() throws Exception {
		Path queue = Files.createDirectories(this.temp.resolve("send/sub"));
		Files.writeString(queue.resolve("F0000001.000"),
				"<EmailAddress>b@x</EmailAddress>\n<EmailAddress>a@x</EmailAddress>\n"
						+ "<EmailAddress>c@x</EmailAddress>\n<EmailAddress>c@x</EmailAddress>\n");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(CensusCommand.run(new String[] { this.temp.resolve("send").toString() }, new PrintStream(out, true),
				quiet()))
			.isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("      2 c@x\n      1 a@x\n      1 b@x\n");
		out.reset();
		assertThat(CensusCommand.run(new String[] { "--json", this.temp.resolve("send").toString() },
				new PrintStream(out, true), quiet()))
			.isZero();
		assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo("{\"c@x\":2,\"a@x\":1,\"b@x\":1}");
	}

	@Test
	void censusBySenderUsesEnvelopeThenMailFromThenFromHeader() throws Exception {
		Path queue = Files.createDirectories(this.temp.resolve("send"));
		Files.writeString(queue.resolve("G0000001.000"),
				"<GWIAEnvelope>\n  <Originator>\n    <EmailAddress>env@example.org</EmailAddress>\n  </Originator>\n"
						+ "</GWIAEnvelope>\nFrom: other@example.org\n");
		Files.writeString(queue.resolve("G0000002.000"),
				"example.net\r\nEHLO x\r\nMAIL FROM: smtp@example.org\r\nRCPT TO:<r@example.net>\r\nDATA\nFrom: \"X\" <hdr@example.org>\n");
		Files.writeString(queue.resolve("G0000003.000"),
				"Subject: hi\r\nFrom: \"Y\" <hdr@example.org>\r\n\r\nbody\r\n");
		Files.writeString(queue.resolve("G0000004.000"), "no sender here\n");
		ByteArrayOutputStream notes = new ByteArrayOutputStream();
		assertThat(CensusCommand.count(List.of(queue), true, new PrintStream(notes, true))).containsOnly(
				Map.entry("env@example.org", 1L), Map.entry("smtp@example.org", 1L), Map.entry("hdr@example.org", 1L));
		assertThat(notes.toString(StandardCharsets.UTF_8)).contains("G0000004.000");
	}

	@Test
	void censusCommandRejectsMissingFoldersAndUnknownOptions() {
		PrintStream quiet = quiet();
		assertThat(CensusCommand.run(new String[0], quiet, quiet)).isEqualTo(2);
		assertThat(CensusCommand.run(new String[] { "--by", "nobody", "." }, quiet, quiet)).isEqualTo(2);
		assertThat(CensusCommand.run(new String[] { this.temp.resolve("missing").toString() }, quiet, quiet))
			.isEqualTo(2);
	}

	private static PrintStream quiet() {
		return new PrintStream(PrintStream.nullOutputStream());
	}

}
