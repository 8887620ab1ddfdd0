package io.quench.preview;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MessageRendererLimitsTests {

	@TempDir
	Path dir;

	private final MessageRenderer renderer = new MessageRenderer(PreviewLimits.defaults());

	private static RenderedMessage render(MessageRenderer renderer, String message) throws IOException {
		return renderer
			.render(new ByteArrayInputStream(message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void theDefaultsAreTheDocumentedNumbers() {
		PreviewLimits limits = PreviewLimits.defaults();

		assertThat(limits.maxParts()).isEqualTo(1000);
		assertThat(limits.maxDepth()).isEqualTo(32);
		assertThat(limits.maxTextChars()).isEqualTo(1024 * 1024);
		assertThat(limits.maxHtmlChars()).isEqualTo(2 * 1024 * 1024);
		assertThat(limits.maxParseTime()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void aMultipartNestedAHundredDeepIsCutAtTheDepthLimit() throws IOException {
		StringBuilder message = new StringBuilder("Subject: deep\nMIME-Version: 1.0\n");
		for (int i = 0; i < 100; i++) {
			message.append("Content-Type: multipart/mixed; boundary=\"b")
				.append(i)
				.append("\"\n\n--b")
				.append(i)
				.append('\n');
		}
		message.append("Content-Type: text/plain\n\ninnermost\n");
		for (int i = 99; i >= 0; i--) {
			message.append("--b").append(i).append("--\n");
		}

		RenderedMessage rendered = render(this.renderer, message.toString());

		assertThat(rendered.truncated()).isTrue();
		assertThat(rendered.warnings()).anyMatch((w) -> w.startsWith("MIME parts nested deeper than 32"));
		assertThat(rendered.textBody()).isEmpty();
		assertThat(rendered.partCount()).isLessThanOrEqualTo(34);
		assertThat(rendered.subject()).isEqualTo("deep");
	}

	@Test
	void aTenThousandPartMultipartIsCutAtThePartLimit() throws IOException {
		Path file = this.dir.resolve("parts.eml");
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
			out.write("Subject: parts\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"p\"\r\n\r\n"
				.getBytes(StandardCharsets.US_ASCII));
			for (int i = 0; i < 10_000; i++) {
				out.write(("--p\r\nContent-Type: application/octet-stream; name=\"f" + i + ".bin\"\r\n\r\npart " + i
						+ "\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			}
			out.write("--p--\r\n".getBytes(StandardCharsets.US_ASCII));
		}

		RenderedMessage rendered;
		try (InputStream in = Files.newInputStream(file)) {
			rendered = this.renderer.render(in);
		}

		assertThat(rendered.truncated()).isTrue();
		assertThat(rendered.warnings()).contains("more than 1000 MIME parts: the rest is not read");
		assertThat(rendered.partCount()).isEqualTo(1001);
		// The message itself is the first of the 1000 entities.
		assertThat(rendered.attachments()).hasSize(999);
		assertThat(rendered.attachments().get(998).name()).isEqualTo("f998.bin");
	}

	@Test
	void aFiftyMegabyteMessageStreamsWithLittleMemoryAndHashesItsAttachment() throws Exception {
		Path file = this.dir.resolve("big.eml");
		long attachmentBytes = 37L * 1024 * 1024;
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
			out.write(("Subject: big\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"big\"\r\n\r\n"
					+ "--big\r\nContent-Type: text/plain\r\n\r\nsee the attachment\r\n"
					+ "--big\r\nContent-Type: application/zip\r\n"
					+ "Content-Disposition: attachment; filename=\"big.zip\"\r\n"
					+ "Content-Transfer-Encoding: base64\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			Base64.Encoder encoder = Base64.getMimeEncoder();
			Random random = new Random(42);
			byte[] chunk = new byte[57 * 1024];
			long written = 0;
			while (written < attachmentBytes) {
				random.nextBytes(chunk);
				if (written == 0) {
					chunk[0] = 'P';
					chunk[1] = 'K';
					chunk[2] = 3;
					chunk[3] = 4;
				}
				digest.update(chunk);
				out.write(encoder.encode(chunk));
				out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
				written += chunk.length;
			}
			out.write("--big--\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		long size = Files.size(file);
		long attachmentSize = (attachmentBytes + 57 * 1024 - 1) / (57 * 1024) * (57 * 1024);
		// Generous time: this test is about memory, not speed.
		MessageRenderer renderer = new MessageRenderer(new PreviewLimits(PreviewLimits.DEFAULT_MAX_MESSAGE_BYTES, 1000,
				32, 1024 * 1024, 2 * 1024 * 1024, 1000, 1000, Duration.ofMinutes(5)));
		renderer.render(new ByteArrayInputStream("Subject: warm-up\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII)));

		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		RenderedMessage rendered;
		try (InputStream in = Files.newInputStream(file)) {
			rendered = renderer.render(in);
		}
		long allocated = threads.getCurrentThreadAllocatedBytes() - before;

		assertThat(size).isGreaterThan(50L * 1024 * 1024);
		assertThat(rendered.warnings()).isEmpty();
		assertThat(rendered.textBody()).isEqualTo("see the attachment");
		assertThat(rendered.attachments()).singleElement().satisfies((a) -> {
			assertThat(a.name()).isEqualTo("big.zip");
			assertThat(a.size()).isEqualTo(attachmentSize);
			assertThat(a.sha256()).isEqualTo(HexFormat.of().formatHex(digest.digest()));
			assertThat(a.detectedType()).isEqualTo("zip");
		});
		// Everything allocated while rendering, garbage included, bounds the heap growth.
		assertThat(allocated).as("bytes allocated while rendering").isLessThan(64L * 1024 * 1024);
	}

	@Test
	void aParseTakingLongerThanTheLimitIsStopped() throws IOException {
		// Each look at the clock takes a second.
		Clock slow = new Clock() {
			private Instant now = Instant.parse("2026-12-04T10:00:00Z");

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				this.now = this.now.plusSeconds(1);
				return this.now;
			}
		};
		MessageRenderer renderer = new MessageRenderer(PreviewLimits.defaults(), slow);

		RenderedMessage rendered = render(renderer, """
				Subject: slow
				Content-Type: multipart/mixed; boundary="s"

				--s
				Content-Type: text/plain

				one
				--s
				Content-Type: text/plain

				two
				--s--
				""");

		assertThat(rendered.truncated()).isTrue();
		assertThat(rendered.warnings()).contains("preview took longer than 5000 ms: stopped");
		assertThat(rendered.subject()).isEqualTo("slow");
	}

	@Test
	void aMessageLongerThanTheByteLimitIsCut() throws IOException {
		MessageRenderer renderer = new MessageRenderer(
				new PreviewLimits(100, 1000, 32, 1000, 1000, 1000, 1000, Duration.ofSeconds(5)));

		RenderedMessage rendered = render(renderer, "Subject: long\n\n" + "x".repeat(500) + "\n");

		assertThat(rendered.truncated()).isTrue();
		assertThat(rendered.warnings()).contains("message longer than 100 bytes: the rest is not read");
		assertThat(rendered.textBody()).hasSizeLessThan(100).startsWith("xxx");
	}

	@Test
	void aBodyLongerThanTheCharacterCapIsCut() throws IOException {
		MessageRenderer renderer = new MessageRenderer(
				new PreviewLimits(1_000_000, 1000, 32, 10, 1000, 1000, 1000, Duration.ofSeconds(5)));

		RenderedMessage rendered = render(renderer, "Subject: long\n\n" + "y".repeat(5000) + "\n");

		assertThat(rendered.textBody()).isEqualTo("y".repeat(10));
		assertThat(rendered.truncated()).isTrue();
		assertThat(rendered.warnings()).contains("text body longer than 10 characters: cut");
	}

	@Test
	void malformedMimeGivesWarningsAndABestEffortPreview() throws IOException {
		RenderedMessage noBoundary = render(this.renderer, """
				Subject: no boundary
				Content-Type: multipart/mixed

				hello
				""");
		RenderedMessage badBase64 = render(this.renderer, """
				Subject: bad base64
				Content-Type: text/plain; charset=utf-8
				Content-Transfer-Encoding: base64

				aGVsbG8g!!!d29ybGQ=
				=====
				""");
		RenderedMessage unknownCharset = render(this.renderer, """
				Subject: charset
				Content-Type: text/plain; charset=x-made-up

				caf\u00e9
				""");
		RenderedMessage unterminated = render(this.renderer, """
				Subject: unterminated
				Content-Type: multipart/alternative; boundary="u"

				--u
				Content-Type: text/plain

				first part, no closing boundary
				""");

		assertThat(noBoundary.warnings()).contains("multipart without a boundary: read as text");
		assertThat(noBoundary.textBody()).contains("hello");
		assertThat(badBase64.warnings()).isNotEmpty();
		assertThat(badBase64.textBody()).startsWith("hello ");
		assertThat(unknownCharset.warnings()).contains("unknown charset x-made-up: read as UTF-8");
		assertThat(unknownCharset.textBody()).startsWith("café");
		assertThat(unterminated.textBody()).startsWith("first part, no closing boundary");
	}

	@Test
	void tooManyLinksAreCutWithAWarning() throws IOException {
		MessageRenderer renderer = new MessageRenderer(
				new PreviewLimits(1_000_000, 1000, 32, 100_000, 100_000, 3, 1000, Duration.ofSeconds(5)));
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			body.append("http://l").append(i).append(".example/ ");
		}

		RenderedMessage rendered = render(renderer, "Subject: links\n\n" + body + "http://l0.example/\n");

		assertThat(rendered.links()).extracting(FoundLink::url)
			.containsExactly("http://l0.example/", "http://l1.example/", "http://l2.example/");
		assertThat(rendered.warnings()).contains("more than 3 links: the rest are not listed");
	}

	@Test
	void headerFieldsPastTheLimitAreNotListedButTheBodyIsRead() throws IOException {
		StringBuilder message = new StringBuilder("Subject: many\n");
		for (int i = 0; i < 1500; i++) {
			message.append("X-Field-").append(i).append(": ").append("v".repeat(10)).append('\n');
		}
		message.append("\nthe body\n");

		RenderedMessage rendered = render(this.renderer, message.toString());

		assertThat(rendered.headers()).hasSize(1000);
		assertThat(rendered.warnings()).contains("more than 1000 header fields: the rest are not listed");
		assertThat(rendered.textBody()).isEqualTo("the body\r\n");
	}

	@Test
	void aLongHeaderValueIsCut() throws IOException {
		RenderedMessage rendered = render(this.renderer, "Subject: " + "s".repeat(10_000) + "\n\nbody\n");

		assertThat(rendered.subject()).hasSize(4097).endsWith("\u2026");
		assertThat(rendered.warnings()).contains("header Subject longer than 4096 characters: cut");
	}

	@Test
	void aHugeHeaderLineStopsParsingWithAWarning() throws IOException {
		RenderedMessage rendered = render(this.renderer,
				"Subject: fine\nX-Huge: " + "h".repeat(300 * 1024) + "\n\nbody\n");

		assertThat(rendered.truncated()).isTrue();
		assertThat(rendered.warnings()).anyMatch((w) -> w.startsWith("MIME structure not understood"));
		// Mime4j hands a field out once it has seen the next line: the one before the
		// huge line is lost with it.
		assertThat(rendered.textBody()).isEmpty();
	}

	@Test
	void cutAndGarbledMessagesNeverThrow() throws IOException {
		Random random = new Random(7);
		for (String name : new String[] { "hostile-html.eml", "rfc2231-attachment.eml", "script-in-encoded-word.eml",
				"encoded-words.eml" }) {
			byte[] whole;
			try (InputStream in = getClass().getResourceAsStream("/fixtures/preview/" + name)) {
				whole = in.readAllBytes();
			}
			for (int cut = 0; cut < whole.length; cut += Math.max(1, whole.length / 40)) {
				byte[] bytes = java.util.Arrays.copyOf(whole, cut);
				for (int i = 0; i < bytes.length / 50; i++) {
					bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
				}
				RenderedMessage rendered = this.renderer.render(new ByteArrayInputStream(bytes));
				assertThat(rendered.textBody()).as(name + " cut at " + cut).isNotNull();
				if (rendered.sanitizedHtml() != null) {
					assertThat(rendered.sanitizedHtml()).doesNotContainIgnoringCase("<script");
				}
			}
		}
	}

}
