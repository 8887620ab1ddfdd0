package io.quench.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quench.queue.ParsedQueueFile.Dialect;
import io.quench.queue.QueueMessageBody.ChangedException;
import io.quench.queue.QueueMessageBody.Opened;
import io.quench.queue.QueueMessageBody.PathRejectedException;
import io.quench.queue.QueueMessageBody.RawRange;
import io.quench.queue.QueueMessageBody.VanishedException;

import static io.quench.queue.QueueFixtures.fixture;
import static io.quench.queue.QueueFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QueueMessageBodyTests {

	@TempDir
	Path dir;

	Path root;

	@BeforeEach
	void queue() throws IOException {
		this.root = Files.createDirectories(this.dir.resolve("queue"));
		Files.createDirectories(this.root.resolve("send/sub"));
		for (String name : new String[] { "xml-envelope.txt", "xml-message.xml", "smtp-script.txt", "rfc5322.eml" }) {
			Files.copy(fixture(name), this.root.resolve("send/sub/" + name));
		}
	}

	private static byte[] message(Opened opened) throws IOException {
		try (InputStream in = opened.rfc5322()) {
			return in.readAllBytes();
		}
	}

	@Test
	void anXmlEnvelopeGivesTheBytesAfterTheRootEndTag() throws IOException {
		byte[] file = Files.readAllBytes(fixture("xml-envelope.txt"));
		String text = new String(file, StandardCharsets.ISO_8859_1);
		int start = text.indexOf('\n', text.indexOf("</GWIAEnvelope>")) + 1;

		try (Opened opened = QueueMessageBody.open(this.root, "send/sub/xml-envelope.txt")) {
			assertThat(opened.dialect()).isEqualTo(Dialect.XML_ENVELOPE);
			assertThat(opened.fileSize()).isEqualTo(file.length);
			assertThat(opened.sha256()).isEqualTo(sha256(fixture("xml-envelope.txt")));
			assertThat(message(opened)).isEqualTo(Arrays.copyOfRange(file, start, file.length));
		}
	}

	@Test
	void anXmlMessageGivesTheDecodedMessageElement() throws IOException {
		String text = Files.readString(fixture("xml-message.xml"));
		String base64 = text.substring(text.indexOf('>', text.indexOf("<MimeContent")) + 1,
				text.indexOf("</MimeContent>"));

		try (Opened opened = QueueMessageBody.open(this.root, "send/sub/xml-message.xml")) {
			assertThat(opened.dialect()).isEqualTo(Dialect.XML_MESSAGE);
			assertThat(message(opened)).isEqualTo(Base64.getMimeDecoder().decode(base64.strip()));
		}
	}

	@Test
	void anXmlMessageInPlainTextIsGivenAsUtf8WithoutLeadingBlanks() throws IOException {
		Files.writeString(this.root.resolve("send/plain.xml"), """
				<?xml version="1.0" encoding="UTF-8"?>
				<GWIAMessage>
				  <Sender><EmailAddress>jdoe@example.org</EmailAddress></Sender>
				  <MimeContent>
				Subject: Gr&#252;&#223;e &lt;b&gt;

				body
				</MimeContent>
				</GWIAMessage>
				""");

		try (Opened opened = QueueMessageBody.open(this.root, "send/plain.xml")) {
			assertThat(opened.dialect()).isEqualTo(Dialect.XML_MESSAGE);
			assertThat(new String(message(opened), StandardCharsets.UTF_8)).isEqualTo("Subject: Grüße <b>\n\nbody\n");
		}
	}

	@Test
	void anSmtpScriptGivesTheDataLinesDotUnstuffed() throws IOException {
		try (Opened opened = QueueMessageBody.open(this.root, "send/sub/smtp-script.txt")) {
			assertThat(opened.dialect()).isEqualTo(Dialect.SMTP_SCRIPT);
			assertThat(new String(message(opened), StandardCharsets.ISO_8859_1))
				.isEqualTo("From: jdoe@example.org\r\nTo: a@example.net, b@example.net\n"
						+ "Subject: =?iso-8859-1?q?Gr=FC=DFe_aus_dem_B=FCro?=\n"
						+ "Date: Mon, 01 Dec 2025 23:59:59 -0500\r\nMessage-ID: <abc.123@example.org>\n"
						+ ".X-Dot-Stuffed: yes\n\nHello\n.\n");
		}
	}

	@Test
	void aBareMessageIsTheWholeFile() throws IOException {
		try (Opened opened = QueueMessageBody.open(this.root, "send/sub/rfc5322.eml")) {
			assertThat(opened.dialect()).isEqualTo(Dialect.RFC5322);
			assertThat(message(opened)).isEqualTo(Files.readAllBytes(fixture("rfc5322.eml")));
		}
	}

	@Test
	void theWholeFileHashIsComputedSeparately() throws IOException {
		assertThat(QueueMessageBody.sha256(this.root, "send/sub/smtp-script.txt"))
			.isEqualTo(sha256(fixture("smtp-script.txt")));
	}

	@Test
	void aChangedFileIsReportedWithBothHashes() throws IOException {
		String stored = sha256(fixture("rfc5322.eml"));
		Files.writeString(this.root.resolve("send/sub/rfc5322.eml"), "Subject: changed\n\nbody\n");

		assertThatExceptionOfType(ChangedException.class)
			.isThrownBy(() -> QueueMessageBody.open(this.root, "send/sub/rfc5322.eml", stored))
			.satisfies((ex) -> {
				assertThat(ex.expectedSha256()).isEqualTo(stored);
				assertThat(ex.actualSha256()).isNotEqualTo(stored);
			});
	}

	@Test
	void aVanishedFileIsItsOwnException() {
		assertThatExceptionOfType(VanishedException.class)
			.isThrownBy(() -> QueueMessageBody.open(this.root, "send/sub/delivered.eml"));
		assertThatExceptionOfType(VanishedException.class)
			.isThrownBy(() -> QueueMessageBody.raw(this.root, "send/gone/x.eml", 0, 10));
		assertThatExceptionOfType(VanishedException.class)
			.isThrownBy(() -> QueueMessageBody.sha256(this.root, "defer/x.eml"));
	}

	@Test
	void dotDotAndAbsolutePathsAreRejected() {
		for (String path : new String[] { "../queue/send/sub/rfc5322.eml", "send/../send/sub/rfc5322.eml",
				"send/./sub/rfc5322.eml", "/etc/passwd", "", "send/sub/" }) {
			assertThatExceptionOfType(PathRejectedException.class).as(path)
				.isThrownBy(() -> QueueMessageBody.open(this.root, path));
		}
	}

	@Test
	void aSymlinkOutOfTheRootIsNotFollowed() throws IOException {
		Path outside = Files.writeString(this.dir.resolve("secret.eml"), "Subject: secret\n\nsecret\n");
		Files.createSymbolicLink(this.root.resolve("send/link.eml"), outside);
		Files.createSymbolicLink(this.root.resolve("linked-dir"), this.dir);

		assertThatExceptionOfType(PathRejectedException.class)
			.isThrownBy(() -> QueueMessageBody.open(this.root, "send/link.eml"));
		assertThatExceptionOfType(PathRejectedException.class)
			.isThrownBy(() -> QueueMessageBody.raw(this.root, "linked-dir/secret.eml", 0, 100));
		assertThatExceptionOfType(PathRejectedException.class)
			.isThrownBy(() -> QueueMessageBody.sha256(this.root, "linked-dir/secret.eml"));
	}

	@Test
	void rawRangesPageThroughTheFile() throws IOException {
		byte[] file = Files.readAllBytes(fixture("smtp-script.txt"));

		RawRange first = QueueMessageBody.raw(this.root, "send/sub/smtp-script.txt", 0, 100);
		RawRange rest = QueueMessageBody.raw(this.root, "send/sub/smtp-script.txt", 100, Integer.MAX_VALUE);
		RawRange past = QueueMessageBody.raw(this.root, "send/sub/smtp-script.txt", file.length + 10, 100);

		assertThat(first.bytes()).isEqualTo(Arrays.copyOf(file, 100));
		assertThat(first.totalSize()).isEqualTo(file.length);
		assertThat(first.hasMore()).isTrue();
		assertThat(rest.bytes()).isEqualTo(Arrays.copyOfRange(file, 100, file.length));
		assertThat(rest.hasMore()).isFalse();
		assertThat(past.length()).isZero();
	}

	@Test
	void aRawRangeIsAtMost256KiB() throws IOException {
		Files.write(this.root.resolve("send/big.eml"), new byte[600 * 1024]);

		RawRange range = QueueMessageBody.raw(this.root, "send/big.eml", 0, 1024 * 1024);

		assertThat(range.length()).isEqualTo(QueueMessageBody.MAX_RAW_RANGE_BYTES);
		assertThat(range.totalSize()).isEqualTo(600 * 1024);
	}

	@Test
	void aBinaryFileHasNoMessageButAHash() throws IOException {
		Files.write(this.root.resolve("send/bin"), new byte[] { 0, 1, 2, 3 });

		try (Opened opened = QueueMessageBody.open(this.root, "send/bin")) {
			assertThat(opened.dialect()).isEqualTo(Dialect.UNKNOWN);
			assertThat(opened.warnings()).isNotEmpty();
			assertThat(opened.sha256()).hasSize(64);
			assertThat(message(opened)).isEmpty();
		}
	}

	@Test
	void hostileXmlGivesNoMessageAndResolvesNothing() throws IOException {
		for (String name : new String[] { "billion-laughs.xml", "xxe-passwd.xml", "doctype.xml" }) {
			Files.copy(fixture(name), this.root.resolve("send/" + name));

			try (Opened opened = QueueMessageBody.open(this.root, "send/" + name)) {
				assertThat(opened.sha256()).as(name).isEqualTo(sha256(fixture(name)));
				assertThat(opened.warnings()).as(name).isNotEmpty();
				assertThat(new String(message(opened), StandardCharsets.UTF_8)).as(name).doesNotContain("root:");
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = Dialect.class, names = { "XML_ENVELOPE", "XML_MESSAGE", "SMTP_SCRIPT", "RFC5322" })
	void aFiftyMegabyteMessageStreamsWithLittleMemory(Dialect dialect) throws Exception {
		Path file = this.root.resolve("send/big");
		MessageDigest expected = MessageDigest.getInstance("SHA-256");
		try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
			switch (dialect) {
				case XML_ENVELOPE -> out.write(("<?xml version=\"1.0\"?>\n<GWIAEnvelope><Originator><EmailAddress>"
						+ "jdoe@example.org</EmailAddress></Originator></GWIAEnvelope>\n")
					.getBytes(StandardCharsets.US_ASCII));
				case XML_MESSAGE -> out.write(("<?xml version=\"1.0\"?>\n<GWIAMessage><Sender><EmailAddress>"
						+ "jdoe@example.org</EmailAddress></Sender><MimeContent encoding=\"base64\">\n")
					.getBytes(StandardCharsets.US_ASCII));
				case SMTP_SCRIPT -> out.write("MAIL FROM:<jdoe@example.org>\r\nRCPT TO:<a@example.net>\r\nDATA\r\n"
					.getBytes(StandardCharsets.US_ASCII));
				default -> {
				}
			}
			byte[] line = ("X" + "0123456789".repeat(7) + "abcd\r\n").getBytes(StandardCharsets.US_ASCII);
			byte[] chunk = new byte[57 * 1024];
			byte[] head = "Subject: big\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
			System.arraycopy(head, 0, chunk, 0, head.length);
			for (int i = head.length; i < chunk.length; i++) {
				chunk[i] = line[(i - head.length) % line.length];
			}
			byte[] body = new byte[chunk.length];
			for (int i = 0; i < body.length; i++) {
				body[i] = line[i % line.length];
			}
			for (int n = 0; n < 900; n++) {
				byte[] bytes = (n == 0) ? chunk : body;
				expected.update(bytes);
				out.write((dialect == Dialect.XML_MESSAGE) ? Base64.getMimeEncoder().encode(bytes) : bytes);
				if (dialect == Dialect.XML_MESSAGE) {
					out.write('\n');
				}
			}
			if (dialect == Dialect.XML_MESSAGE) {
				out.write("</MimeContent></GWIAMessage>\n".getBytes(StandardCharsets.US_ASCII));
			}
			if (dialect == Dialect.SMTP_SCRIPT) {
				// The line end before the lone dot ends the message's last line.
				out.write("\r\n.\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
				expected.update("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
		}
		// Warm-up: classes loaded and thread-local buffers made outside the measure.
		try (Opened small = QueueMessageBody.open(this.root, "send/sub/xml-message.xml")) {
			message(small);
		}

		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		MessageDigest actual = MessageDigest.getInstance("SHA-256");
		try (Opened opened = QueueMessageBody.open(this.root, "send/big"); InputStream in = opened.rfc5322()) {
			assertThat(opened.dialect()).isEqualTo(dialect);
			assertThat(opened.fileSize()).isEqualTo(Files.size(file)).isGreaterThan(50L * 1024 * 1024);
			byte[] buffer = new byte[8192];
			int n;
			while ((n = in.read(buffer)) >= 0) {
				actual.update(buffer, 0, n);
			}
		}
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;

		assertThat(HexFormat.of().formatHex(actual.digest())).isEqualTo(HexFormat.of().formatHex(expected.digest()));
		assertThat(allocated).as("bytes allocated while streaming").isLessThan(64L * 1024 * 1024);
	}

}
