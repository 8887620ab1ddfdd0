package io.quench.queue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quench.queue.XmlQueueReader.MessageCollector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message element's collector keeps the message's header block and stops there: the
 * header block read from what it keeps is the one read from the whole message, in text
 * and in base64 (said by an attribute or not), fed in pieces of any size, and a large
 * attachment after the headers is not decoded.
 */
class MessageCollectorTests {

	private static final int CAP = QueueFileParser.HEADER_CAP_BYTES;

	private static final String HEADERS = "From: Anna <anna@example.org>\r\nTo: bob@example.com\r\n"
			+ "Subject: =?UTF-8?B?R3LDvMOfZQ==?=\r\nX-Folded: one\r\n  two\r\n";

	@ParameterizedTest
	@ValueSource(strings = { "text", "base64", "unsaid-text", "unsaid-base64" })
	void keepsTheHeaderBlockOfAMessageWithALargeAttachment(String kind) {
		String message = HEADERS + "\r\n" + "body line ".repeat(60_000);
		byte[] kept = collect(kind, message, 8192, new Random(kind.hashCode()));
		assertThat(headerBlock(kept)).isEqualTo(headerBlock(message.getBytes(StandardCharsets.UTF_8)));
		assertThat(new String(headerBlock(kept), StandardCharsets.UTF_8)).isEqualTo(HEADERS);
		// Only the headers and what came in the piece or group with their end.
		assertThat(kept.length).isLessThan(HEADERS.length() + 16_384);
	}

	@ParameterizedTest
	@ValueSource(strings = { "text", "base64", "unsaid-text", "unsaid-base64" })
	void anyPieceSizeGivesTheSameHeaderBlock(String kind) {
		String message = "\r\n\r\n" + HEADERS + "\n\r\n" + "Second: not a header\r\n\r\nbody";
		for (int piece : new int[] { 1, 2, 3, 5, 7, 64, 1000 }) {
			byte[] kept = collect(kind, message, piece, new Random(piece));
			byte[] whole = message.strip().getBytes(StandardCharsets.UTF_8);
			if (kind.endsWith("base64")) {
				// Decoded base64 is not stripped: leading empty lines give an empty block
				// both ways.
				whole = message.getBytes(StandardCharsets.UTF_8);
			}
			assertThat(headerBlock(kept)).as("pieces of %d", piece).isEqualTo(headerBlock(whole));
		}
	}

	@Test
	void unsaidBase64WithAnEmptyLineInsideIsReadOnToTheCap() {
		String encoded = Base64.getMimeEncoder()
			.encodeToString((HEADERS + "\r\nbody").getBytes(StandardCharsets.UTF_8));
		int cut = encoded.indexOf("\r\n");
		String text = (cut > 0) ? encoded.substring(0, cut) + "\r\n\r\n" + encoded.substring(cut + 2)
				: encoded.substring(0, 8) + "\r\n\r\n" + encoded.substring(8);
		MessageCollector collector = new MessageCollector(null, CAP);
		char[] chars = text.toCharArray();
		collector.append(chars, 0, chars.length);
		byte[] kept = collector.bytes(new ParseContext());
		assertThat(new String(headerBlock(kept), StandardCharsets.UTF_8)).isEqualTo(HEADERS);
	}

	@Test
	void aShortBase64MessageEndingInAPartialGroupIsReported() {
		// 12 bytes are 16 characters, whole groups: one more character is a partial
		// group.
		String text = Base64.getEncoder().encodeToString("Subject: xyz".getBytes(StandardCharsets.US_ASCII)) + "Q";
		ParseContext context = new ParseContext();
		MessageCollector collector = new MessageCollector(true, CAP);
		char[] chars = text.replace("=", "").toCharArray();
		collector.append(chars, 0, chars.length);
		assertThat(new String(collector.bytes(context), StandardCharsets.US_ASCII)).isEqualTo("Subject: xyz");
		assertThat(context.warnings).contains("message element: base64 ends in a partial group");
	}

	@Test
	void aMessageWithoutEmptyLineIsKeptUpToTheCap() {
		String message = "Subject: " + "x".repeat(CAP * 2);
		byte[] kept = collect("text", message, 4096, new Random(7));
		assertThat(kept).hasSize(CAP + 1);
		kept = collect("base64", message, 4096, new Random(8));
		assertThat(kept).hasSize(CAP + 1);
	}

	/** Feeds the message (as text or base64) in pieces of up to {@code piece} chars. */
	private static byte[] collect(String kind, String message, int piece, Random random) {
		boolean base64 = kind.endsWith("base64");
		String text = base64 ? Base64.getMimeEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8))
				: message;
		Boolean said = kind.startsWith("unsaid") ? null : base64;
		MessageCollector collector = new MessageCollector(said, CAP);
		char[] chars = text.toCharArray();
		for (int at = 0; at < chars.length;) {
			int n = Math.min(chars.length - at, 1 + random.nextInt(piece));
			collector.append(chars, at, n);
			at += n;
		}
		return collector.bytes(new ParseContext());
	}

	private static byte[] headerBlock(byte[] message) {
		return HeaderBlock.of(message, CAP, new ParseContext());
	}

}
