package io.quench.queue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header parser groups a header block's lines into fields as Mime4j's own token
 * stream does (the parser used it until session 5): for random blocks with folded lines,
 * a folded first line, lines without a colon, bad field names, obsolete
 * {@code Name : value} syntax, 8-bit bytes, more fields than the limit and fields near
 * the length cap, the fields it reads (their raw bytes, in order) and whether it stops
 * early are Mime4j's.
 */
class MessageHeaderFieldsTests {

	private static final int CAP = QueueFileParser.HEADER_CAP_BYTES;

	private static final String[] LINES = { "Subject: hello", "From: Anna <anna@example.org>", "To: a@b.example,",
			"\tc@d.example", "  folded more", "X-No-Colon-Here", "Bad Name: value", "Obsolete : value",
			"Received: from x", " by y with SMTP", ":empty name", "Caf\u00e9: accent in name",
			"X-8bit: gr\u00fc\u00dfe", "To:", "Message-ID: <1@example.org>", "\t", " " };

	@Test
	void randomBlocksGiveMime4jsFields() {
		Random random = new Random(5);
		for (int i = 0; i < 3000; i++) {
			StringBuilder block = new StringBuilder();
			int lines = random.nextInt(40);
			for (int n = 0; n < lines; n++) {
				block.append(LINES[random.nextInt(LINES.length)]).append("\r\n");
			}
			assertSameFields(block.toString().getBytes(StandardCharsets.UTF_8));
		}
	}

	@Test
	void moreFieldsThanTheLimitStopAsMime4jStops() {
		StringBuilder block = new StringBuilder();
		for (int n = 0; n < MessageHeaderParser.MAX_HEADER_COUNT + 50; n++) {
			block.append((n % 7 == 3) ? "no colon" : "X-Field-" + n + ": v").append("\r\n");
		}
		List<String> ours = assertSameFields(block.toString().getBytes(StandardCharsets.US_ASCII));
		assertThat(ours).hasSizeLessThan(MessageHeaderParser.MAX_HEADER_COUNT);
	}

	@Test
	void fieldsNearTheLengthCap() {
		for (int length : new int[] { CAP - 100, CAP - 30, CAP - 5 }) {
			String big = "X-Big: " + "x".repeat(length - 9) + "\r\n";
			assertSameFields(("Subject: s\r\n" + big).getBytes(StandardCharsets.US_ASCII));
			String folded = "X-Folded: a\r\n" + " b\r\n".repeat((length - 13) / 4);
			assertSameFields(folded.getBytes(StandardCharsets.US_ASCII));
		}
	}

	/**
	 * Compares and returns our fields (each as its raw text, with a marker if stopped).
	 */
	private static List<String> assertSameFields(byte[] block) {
		List<String> expected = mime4j(block);
		List<String> actual = ours(block);
		assertThat(actual).as(new String(block, StandardCharsets.ISO_8859_1)).isEqualTo(expected);
		return actual;
	}

	private static List<String> ours(byte[] block) {
		List<String> fields = new ArrayList<>();
		String stopped = new MessageHeaderParser(CAP).readFields(block,
				(field) -> fields.add(new String(field.getRaw().toByteArray(), StandardCharsets.ISO_8859_1)));
		if (stopped != null) {
			fields.add("(stopped)");
		}
		return fields;
	}

	/**
	 * What the parser used before: Mime4j's token stream over the block and an empty
	 * line.
	 */
	private static List<String> mime4j(byte[] block) {
		MimeConfig config = new MimeConfig.Builder().setStrictParsing(false)
			.setMaxHeaderCount(MessageHeaderParser.MAX_HEADER_COUNT)
			.setMaxHeaderLen(CAP)
			.setMaxLineLen(CAP)
			.setMalformedHeaderStartsBody(false)
			.build();
		MimeTokenStream stream = new MimeTokenStream(config, DecodeMonitor.SILENT, null);
		ByteArrayOutputStream input = new ByteArrayOutputStream();
		input.writeBytes(block);
		input.writeBytes(new byte[] { '\r', '\n' });
		stream.parse(new ByteArrayInputStream(input.toByteArray()));
		List<String> fields = new ArrayList<>();
		try {
			for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM
					&& state != EntityState.T_END_HEADER; state = stream.next()) {
				if (state == EntityState.T_FIELD) {
					fields.add(new String(stream.getField().getRaw().toByteArray(), StandardCharsets.ISO_8859_1));
				}
			}
		}
		catch (Exception ex) {
			fields.add("(stopped)");
		}
		return fields;
	}

}
