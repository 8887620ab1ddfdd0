package io.quench.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quench.queue.ParsedQueueFile.Dialect;
import io.quench.queue.ParsedQueueFile.Status;

import static io.quench.queue.QueueFixtures.entry;
import static io.quench.queue.QueueFixtures.fixture;
import static io.quench.queue.QueueFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile and broken queue files: each becomes a per-item status, never an exception. */
class QueueFileParserHostileInputTests {

	private final QueueFileParser parser = new QueueFileParser();

	@TempDir
	Path dir;

	@Test
	void aBillionLaughsEnvelopeIsRejectedWithoutExpandingAnything() {
		ParsedQueueFile parsed = this.parser.parse(entry(fixture("billion-laughs.xml")));

		assertThat(parsed.status()).isEqualTo(Status.REJECTED);
		assertThat(parsed.problem()).contains("entity declarations").contains("billion laughs");
		assertThat(parsed.addresses()).isEmpty();
		assertThat(parsed.sender()).isNull();
		assertThat(parsed.toString()).doesNotContain("lollol");
		assertThat(parsed.sha256()).isEqualTo(sha256(fixture("billion-laughs.xml")));
	}

	@Test
	void anExternalEntityToEtcPasswdIsRejectedAndTheFileNeverAppearsInTheResult() {
		ParsedQueueFile parsed = this.parser.parse(entry(fixture("xxe-passwd.xml")));

		assertThat(parsed.status()).isEqualTo(Status.REJECTED);
		assertThat(parsed.problem()).contains("external entity");
		assertThat(parsed.headers()).isEqualTo(MessageHeaders.EMPTY);
		assertThat(parsed.toString()).doesNotContain("root:").doesNotContain("/bin/");
	}

	@Test
	void anExternalEntityDeclaredAfterTheFirstBytesIsRejectedByTheXmlParserAndNothingIsRead() throws IOException {
		String marker = "SECRET-" + UUID.randomUUID();
		Path secret = Files.writeString(this.dir.resolve("secret.txt"), marker);
		// A long comment first, so the DOCTYPE is beyond the sniffed bytes and reaches
		// Woodstox.
		Path file = Files.writeString(this.dir.resolve("late-xxe.xml"),
				"<?xml version=\"1.0\"?>\n<!-- " + "x".repeat(10_000) + " -->\n<!DOCTYPE e [<!ENTITY xxe SYSTEM \""
						+ secret.toUri() + "\">]>\n<e><Originator><EmailAddress>&xxe;</EmailAddress></Originator></e>\n"
						+ "Subject: &xxe;\n\nbody\n");

		ParsedQueueFile parsed = this.parser.parse(entry(file));

		assertThat(parsed.status()).isEqualTo(Status.REJECTED);
		assertThat(parsed.problem()).contains("external entity").contains("nothing was resolved");
		assertThat(parsed.toString()).doesNotContain(marker);
	}

	@Test
	void aDoctypeAfterAPrologCommentHoldingATagIsStillRejected() throws IOException {
		Path file = Files.writeString(this.dir.resolve("comment-then-doctype.xml"),
				"<?xml version=\"1.0\"?>\n<!-- see <Originator> below -->\n<!DOCTYPE e [<!ENTITY a \"b\">]>\n"
						+ "<e><Originator><EmailAddress>x@example.org</EmailAddress></Originator></e>\nSubject: x\n\n");

		ParsedQueueFile parsed = this.parser.parse(entry(file));

		assertThat(parsed.status()).isEqualTo(Status.REJECTED);
		assertThat(parsed.problem()).contains("DOCTYPE");
	}

	@Test
	void anHtmlDoctypeInTheMessageAfterTheEnvelopeIsNoReasonToRejectTheFile() throws IOException {
		Path file = Files.writeString(this.dir.resolve("html-body.txt"),
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<GWIAEnvelope><Originator><EmailAddress>news@example.org</EmailAddress></Originator>
						<Recipients><Recipient><EmailAddress>a@example.net</EmailAddress></Recipient></Recipients></GWIAEnvelope>
						From: news@example.org
						Subject: Our December offers
						Content-Type: text/html; charset=UTF-8

						<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
						<html><body><p>Offers</p></body></html>
						""");

		ParsedQueueFile parsed = this.parser.parse(entry(file));

		assertThat(parsed.status()).isEqualTo(Status.PARSED);
		assertThat(parsed.sender()).isEqualTo("news@example.org");
		assertThat(parsed.headers().subject()).isEqualTo("Our December offers");
	}

	@Test
	void aPlainDoctypeIsRejected() {
		ParsedQueueFile parsed = this.parser.parse(entry(fixture("doctype.xml")));

		assertThat(parsed.status()).isEqualTo(Status.REJECTED);
		assertThat(parsed.problem()).isEqualTo("DOCTYPE refused: queue files carry no DTD");
	}

	@Test
	void anEntityReferenceWithoutADoctypeIsRejected() throws IOException {
		Path file = Files.writeString(this.dir.resolve("entity.xml"),
				"<e><Originator><EmailAddress>&who;</EmailAddress></Originator></e>\nSubject: x\n\n");

		ParsedQueueFile parsed = this.parser.parse(entry(file));

		assertThat(parsed.status()).isEqualTo(Status.REJECTED);
		assertThat(parsed.problem()).startsWith("XML entity");
	}

	@Test
	void xmlNestedDeeperThanTheLimitIsRejected() throws IOException {
		Path file = Files.writeString(this.dir.resolve("deep.xml"),
				"<e>" + "<a>".repeat(XmlQueueReader.MAX_DEPTH + 10) + "</e>");

		ParsedQueueFile parsed = this.parser.parse(entry(file));

		assertThat(parsed.status()).isEqualTo(Status.REJECTED);
		assertThat(parsed.problem()).startsWith("XML limit exceeded").contains("Depth");
	}

	@Test
	void aTruncatedXmlEnvelopeIsUnparsedAndKeepsNothing() {
		ParsedQueueFile parsed = this.parser.parse(entry(fixture("truncated-envelope.xml")));

		assertThat(parsed.status()).isEqualTo(Status.UNPARSED);
		assertThat(parsed.problem()).startsWith("truncated XML: ");
		assertThat(parsed.addresses()).isEmpty();
		assertThat(parsed.sha256()).isEqualTo(sha256(fixture("truncated-envelope.xml")));
	}

	@Test
	void randomBinaryIsUnparsedAsBinary() throws IOException {
		byte[] random = new byte[20_000];
		new Random(42).nextBytes(random);
		Path file = Files.write(this.dir.resolve("random.bin"), random);

		ParsedQueueFile parsed = this.parser.parse(entry(file));

		assertThat(parsed.status()).isEqualTo(Status.UNPARSED);
		assertThat(parsed.problem()).startsWith("binary file");
		assertThat(parsed.size()).isEqualTo(20_000);
		assertThat(parsed.sha256()).isEqualTo(sha256(file));
	}

	@Test
	void aTextFileWithNulBytesIsUnparsedAsBinary() throws IOException {
		Path file = Files.write(this.dir.resolve("nul.eml"),
				"From: jdoe@example.org\r\nSubject: hi\0there\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII));

		ParsedQueueFile parsed = this.parser.parse(entry(file));

		assertThat(parsed.status()).isEqualTo(Status.UNPARSED);
		assertThat(parsed.problem()).startsWith("binary file: NUL bytes");
	}

	@Test
	void anEmptyFileAndTextOfNoKnownDialectAreUnparsed() throws IOException {
		Path empty = Files.write(this.dir.resolve("empty"), new byte[0]);
		Path prose = Files.writeString(this.dir.resolve("prose.txt"), "Dear admin, this is not mail.\n");

		assertThat(this.parser.parse(entry(empty)).problem()).isEqualTo("empty file");
		assertThat(this.parser.parse(entry(prose)).problem()).isEqualTo("no known dialect");
	}

	@Test
	void aFileThatVanishesBetweenListingAndParsingGetsItsOwnReason() throws IOException {
		Path file = Files.writeString(this.dir.resolve("gone.eml"), "From: a@example.org\r\n\r\n");
		QueueEntry listed = entry(file);
		Files.delete(file);

		ParsedQueueFile parsed = this.parser.parse(listed);

		assertThat(parsed.status()).isEqualTo(Status.UNPARSED);
		assertThat(parsed.problem()).startsWith(QueueFileParser.VANISHED);
		assertThat(parsed.size()).isEqualTo(-1);
		assertThat(parsed.sha256()).isNull();
	}

	@Test
	void aSymlinkHandedToTheParserIsNotFollowed() throws IOException {
		Path target = Files.writeString(this.dir.resolve("target.eml"), "From: a@example.org\r\n\r\n");
		Path link = Files.createSymbolicLink(this.dir.resolve("link.eml"), target);
		QueueEntry entry = new QueueEntry(link, "send/link.eml", QueueFolder.SEND, 0,
				Files.getLastModifiedTime(target).toInstant());

		ParsedQueueFile parsed = this.parser.parse(entry);

		assertThat(parsed.status()).isEqualTo(Status.REJECTED);
		assertThat(parsed.problem()).contains("symlink");
	}

	@Test
	void aHeaderBlockOverTheCapIsCutWithAWarning() throws IOException {
		StringBuilder message = new StringBuilder("From: jdoe@example.org\r\nSubject: before the cap\r\n");
		while (message.length() < QueueFileParser.HEADER_CAP_BYTES + 50_000) {
			message.append("X-Filler: ").append("f".repeat(100)).append("\r\n");
		}
		message.append("X-Mailer: after the cap\r\n\r\nbody\r\n");
		Path file = Files.writeString(this.dir.resolve("long-headers.eml"), message);

		ParsedQueueFile parsed = this.parser.parse(entry(file));

		assertThat(parsed.status()).isEqualTo(Status.PARSED);
		assertThat(parsed.headers().subject()).isEqualTo("before the cap");
		assertThat(parsed.headers().xMailer()).isNull();
		assertThat(parsed.warnings())
			.anyMatch((w) -> w.startsWith("header block longer than " + QueueFileParser.HEADER_CAP_BYTES + " bytes"));
		assertThat(parsed.sha256()).isEqualTo(sha256(file));
	}

	@Test
	void aBounceWithTheNullReversePathHasNoSender() throws IOException {
		Path file = Files.writeString(this.dir.resolve("bounce.txt"),
				"MAIL FROM:<>\r\nRCPT TO:<jdoe@example.org>\r\nDATA\r\nFrom: MAILER-DAEMON@example.net\r\n\r\n.\r\n");

		ParsedQueueFile parsed = this.parser.parse(entry(file));

		assertThat(parsed.dialect()).isEqualTo(Dialect.SMTP_SCRIPT);
		assertThat(parsed.sender()).isNull();
		assertThat(parsed.warnings()).anyMatch((w) -> w.contains("null reverse-path"));
	}

	@ParameterizedTest
	@EnumSource(value = Dialect.class, names = { "XML_ENVELOPE", "XML_MESSAGE", "RFC5322" })
	void aFiftyMegabyteMessageIsHashedWholeWhileParsingAllocatesLittle(Dialect dialect) throws Exception {
		Path file = this.dir.resolve("big-" + dialect);
		writeBigMessage(file, dialect, 50L * 1024 * 1024);
		this.parser.parse(entry(fixture("xml-envelope.txt")));
		QueueEntry entry = entry(file);

		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		ParsedQueueFile parsed = this.parser.parse(entry);
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;

		assertThat(parsed.problem()).isNull();
		assertThat(parsed.dialect()).isEqualTo(dialect);
		assertThat(parsed.sender()).isEqualTo("jdoe@example.org");
		assertThat(parsed.headers().subject()).isEqualTo("big");
		assertThat(parsed.size()).isEqualTo(Files.size(file)).isGreaterThan(50L * 1024 * 1024);
		assertThat(parsed.sha256()).isEqualTo(streamedSha256(file));
		assertThat(allocated).as("bytes allocated while parsing").isLessThan(16L * 1024 * 1024);
	}

	@Test
	void hostileFilesInAQueueEachGetTheirOwnResultWhileTheOthersParse() throws IOException {
		Path send = Files.createDirectories(this.dir.resolve("queue/send"));
		for (String name : List.of("billion-laughs.xml", "xxe-passwd.xml", "doctype.xml", "truncated-envelope.xml",
				"xml-envelope.txt", "smtp-script.txt", "rfc5322.eml", "xml-message.xml")) {
			Files.copy(fixture(name), send.resolve(name));
		}
		Files.write(send.resolve("nul.bin"), new byte[] { 'F', 'r', 'o', 'm', ':', 0, 0, 0 });
		Map<String, Status> statuses = new LinkedHashMap<>();
		List<QueueWalker.ItemError> errors = new ArrayList<>();

		new QueueWalker(this.dir.resolve("queue")).walk(new QueueWalker.Visitor() {
			@Override
			public void file(QueueEntry entry) {
				statuses.put(entry.relativePath(), QueueFileParserHostileInputTests.this.parser.parse(entry).status());
			}

			@Override
			public void error(QueueWalker.ItemError error) {
				errors.add(error);
			}
		});

		assertThat(errors).isEmpty();
		assertThat(statuses).containsEntry("send/billion-laughs.xml", Status.REJECTED)
			.containsEntry("send/xxe-passwd.xml", Status.REJECTED)
			.containsEntry("send/doctype.xml", Status.REJECTED)
			.containsEntry("send/truncated-envelope.xml", Status.UNPARSED)
			.containsEntry("send/nul.bin", Status.UNPARSED)
			.containsEntry("send/xml-envelope.txt", Status.PARSED)
			.containsEntry("send/smtp-script.txt", Status.PARSED)
			.containsEntry("send/rfc5322.eml", Status.PARSED)
			.containsEntry("send/xml-message.xml", Status.PARSED)
			.hasSize(9);
	}

	private static void writeBigMessage(Path file, Dialect dialect, long bodyBytes) throws IOException {
		String headers = "From: jdoe@example.org\r\nTo: a@example.net\r\nSubject: big\r\n"
				+ "Content-Type: text/plain\r\n\r\n";
		byte[] line = ("x".repeat(74) + "\r\n").getBytes(StandardCharsets.US_ASCII);
		try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
			if (dialect == Dialect.XML_MESSAGE) {
				out.write(("<?xml version=\"1.0\"?>\n<GWIAMessage><Sender><EmailAddress>jdoe@example.org"
						+ "</EmailAddress></Sender>\n<MimeContent encoding=\"base64\">\n")
					.getBytes(StandardCharsets.US_ASCII));
				Base64.Encoder encoder = Base64.getMimeEncoder();
				OutputStream base64 = encoder.wrap(new java.io.FilterOutputStream(out) {
					@Override
					public void close() throws IOException {
						flush();
					}
				});
				base64.write(headers.getBytes(StandardCharsets.US_ASCII));
				for (long n = 0; n < bodyBytes; n += line.length) {
					base64.write(line);
				}
				base64.close();
				out.write("\n</MimeContent></GWIAMessage>\n".getBytes(StandardCharsets.US_ASCII));
				return;
			}
			if (dialect == Dialect.XML_ENVELOPE) {
				out.write(
						"<GWIAEnvelope><Originator><EmailAddress>jdoe@example.org</EmailAddress></Originator></GWIAEnvelope>\n"
							.getBytes(StandardCharsets.US_ASCII));
			}
			out.write(headers.getBytes(StandardCharsets.US_ASCII));
			for (long n = 0; n < bodyBytes; n += line.length) {
				out.write(line);
			}
		}
	}

	private static String streamedSha256(Path file) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
