package io.quench.queue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EnvelopeReader} gives the characters an {@code InputStreamReader} with a
 * replacing decoder gives, whatever the charset, the read sizes and where multi-byte
 * characters fall, and retains exactly the first bytes up to its capacity; one instance
 * is reused across files, as the parser does.
 */
class EnvelopeReaderTests {

	private static final String[] PIECES = { "<envelope>", "<From><EmailAddress>a@example.org</EmailAddress></From>",
			"Grüße aus Köln ", "日本語のメール ", "\uD83D\uDE00 emoji ", "plain ascii text that runs on for a while ", "\r\n",
			"Ελληνικά " };

	@ParameterizedTest
	@ValueSource(strings = { "UTF-8", "ISO-8859-1", "US-ASCII", "windows-1252", "ISO-2022-JP", "Shift_JIS" })
	void decodesAsInputStreamReaderDoes(String name) throws IOException {
		Charset charset = Charset.forName(name);
		Random random = new Random(name.hashCode());
		EnvelopeReader reader = new EnvelopeReader();
		for (int file = 0; file < 60; file++) {
			byte[] bytes = content(random, charset, file);
			int capacity = 1 + random.nextInt(bytes.length + 20_000);
			String expected = referenceDecode(bytes, charset);
			String actual = readAll(reader.reset(new ByteArrayInputStream(bytes), charset, capacity), random);
			assertThat(actual).as("file %d of %d bytes, capacity %d", file, bytes.length, capacity).isEqualTo(expected);
			int retained = Math.min(capacity, bytes.length);
			assertThat(reader.retained()).isEqualTo(retained);
			assertThat(Arrays.copyOf(reader.buffer(), retained)).isEqualTo(Arrays.copyOf(bytes, retained));
			assertThat(reader.overflowed()).isEqualTo(bytes.length > capacity);
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 4095, 8191, 8192, 8193 })
	void multiByteCharactersAcrossEveryReadBoundaryAndTheCapacity(int capacity) throws IOException {
		// A 3-byte character every 3 bytes after a 1-byte offset: some character is cut
		// by every read the reader makes, and by the end of the retained copy.
		String text = "x" + "€".repeat(10_000) + "\u00FF";
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		EnvelopeReader reader = new EnvelopeReader().reset(new OneByteAtATimeAfter(bytes, 5000), StandardCharsets.UTF_8,
				capacity);
		assertThat(readAll(reader, new Random(capacity))).isEqualTo(text);
		assertThat(reader.retained()).isEqualTo(capacity);
		assertThat(reader.overflowed()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "UTF-8", "ISO-8859-1" })
	void malformedBytesBecomeReplacementCharacters(String name) throws IOException {
		Charset charset = Charset.forName(name);
		byte[] bytes = { '<', 'a', '>', (byte) 0xC3, '(', (byte) 0xFF, (byte) 0xE2, (byte) 0x82, '<', '/', 'a', '>',
				(byte) 0xE2 };
		String actual = readAll(new EnvelopeReader().reset(new ByteArrayInputStream(bytes), charset, 4), new Random(1));
		assertThat(actual).isEqualTo(referenceDecode(bytes, charset));
		if (charset.equals(StandardCharsets.UTF_8)) {
			assertThat(actual).contains("\uFFFD").endsWith("</a>\uFFFD");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 100 })
	void aReusedReaderForgetsTheFileBefore(int capacity) throws IOException {
		EnvelopeReader reader = new EnvelopeReader();
		// A file that ends inside a character, then a short one.
		byte[] cut = Arrays.copyOf("aé".getBytes(StandardCharsets.UTF_8), 2);
		readAll(reader.reset(new ByteArrayInputStream(cut), StandardCharsets.UTF_8, capacity), new Random(2));
		byte[] next = "<b/>".getBytes(StandardCharsets.UTF_8);
		assertThat(
				readAll(reader.reset(new ByteArrayInputStream(next), StandardCharsets.UTF_8, capacity), new Random(3)))
			.isEqualTo("<b/>");
		assertThat(reader.retained()).isEqualTo(Math.min(capacity, next.length));
	}

	private static byte[] content(Random random, Charset charset, int file) {
		StringBuilder text = new StringBuilder();
		int size = (file % 10 == 0) ? 200_000 : random.nextInt(30_000);
		while (text.length() < size) {
			text.append(PIECES[random.nextInt(PIECES.length)]);
		}
		byte[] bytes = text.toString().getBytes(charset);
		if (file % 7 == 3 && bytes.length > 10) {
			// Junk in the middle and a cut at the end.
			bytes[bytes.length / 2] = (byte) 0xFE;
			bytes = Arrays.copyOf(bytes, bytes.length - 1);
		}
		return bytes;
	}

	private static String referenceDecode(byte[] bytes, Charset charset) throws IOException {
		try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes),
				charset.newDecoder()
					.onMalformedInput(CodingErrorAction.REPLACE)
					.onUnmappableCharacter(CodingErrorAction.REPLACE))) {
			StringBuilder out = new StringBuilder();
			char[] chars = new char[4096];
			for (int n; (n = reader.read(chars)) >= 0;) {
				out.append(chars, 0, n);
			}
			return out.toString();
		}
	}

	/** Reads to the end with read sizes as Woodstox asks for them, and odd ones. */
	private static String readAll(Reader reader, Random random) throws IOException {
		StringBuilder out = new StringBuilder();
		char[] chars = new char[5000];
		while (true) {
			int offset = random.nextInt(10);
			int length = 1 + random.nextInt(chars.length - offset - 1);
			int n = reader.read(chars, offset, length);
			if (n < 0) {
				break;
			}
			assertThat(n).isPositive().isLessThanOrEqualTo(length);
			out.append(chars, offset, n);
		}
		assertThat(reader.read(chars, 0, 10)).isEqualTo(-1);
		return out.toString();
	}

	/** Gives its bytes in full reads at first, then one at a time. */
	private static final class OneByteAtATimeAfter extends InputStream {

		private final byte[] bytes;

		private final int after;

		private int position;

		OneByteAtATimeAfter(byte[] bytes, int after) {
			this.bytes = bytes;
			this.after = after;
		}

		@Override
		public int read() {
			return (this.position < this.bytes.length) ? this.bytes[this.position++] & 0xff : -1;
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (this.position >= this.bytes.length) {
				return -1;
			}
			int n = (this.position < this.after) ? Math.min(len, this.after - this.position) : 1;
			n = Math.min(n, this.bytes.length - this.position);
			System.arraycopy(this.bytes, this.position, b, off, n);
			this.position += n;
			return n;
		}

	}

}
