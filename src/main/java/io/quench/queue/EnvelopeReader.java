package io.quench.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * The characters of an XML queue file for the XML parser, and a copy of the first bytes
 * read for the message parser. Once the XML parser, which reads ahead, has found the end
 * of an envelope, the bytes it read past that end are still here (up to a capacity).
 * <p>
 * It replaces an {@code InputStreamReader} over a copying stream: one instance is kept
 * per parsing thread and {@link #reset reset} for each file, so a file costs no reader,
 * no decoder and no buffers (about 16 KiB of garbage a file before). Malformed or
 * unmappable input decodes to U+FFFD, as the former reader did. Bytes are decoded
 * straight from the retained copy; ASCII is copied without the decoder in the charsets
 * where an ASCII byte is always one character on its own (UTF-8, ISO-8859-1, US-ASCII).
 * <p>
 * Not thread-safe: one thread, one file at a time.
 */
final class EnvelopeReader extends Reader {

	/** Bytes asked of the stream per read, as {@code InputStreamReader} did. */
	static final int READ_BYTES = 8 * 1024;

	/** First size of the retained copy; grows by doubling up to the capacity. */
	private static final int INITIAL_RETAINED = 16 * 1024;

	/**
	 * A copy larger than this (after a large envelope) is not kept for the next file, so
	 * a thread holds at most this much between files.
	 */
	private static final int KEPT_RETAINED = 64 * 1024;

	private InputStream in;

	private int capacity;

	/** The retained copy: the first bytes read, up to {@link #capacity}. */
	private byte[] retained = new byte[INITIAL_RETAINED];

	private int retainedLength;

	/** Bytes read past the capacity, decoded from here; not retained. */
	private final byte[] overflow = new byte[2 * READ_BYTES];

	/** Where the undecoded bytes are: {@link #retained} or {@link #overflow}. */
	private byte[] pending;

	private int pendingStart;

	private int pendingEnd;

	private long total;

	private boolean eof;

	private boolean flushed;

	private boolean asciiFast;

	private Charset charset;

	private CharsetDecoder decoder;

	/**
	 * Starts a file.
	 * @param in the bytes, from the first {@code <}
	 * @param charset the XML's charset, ASCII-compatible
	 * @param capacity the most bytes to retain
	 * @return this reader
	 */
	EnvelopeReader reset(InputStream in, Charset charset, int capacity) {
		this.in = in;
		this.capacity = capacity;
		if (this.retained.length > Math.max(KEPT_RETAINED, INITIAL_RETAINED)) {
			this.retained = new byte[INITIAL_RETAINED];
		}
		this.retainedLength = 0;
		this.pending = this.retained;
		this.pendingStart = 0;
		this.pendingEnd = 0;
		this.total = 0;
		this.eof = false;
		this.flushed = false;
		if (!charset.equals(this.charset)) {
			this.charset = charset;
			this.decoder = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE);
		}
		this.decoder.reset();
		this.asciiFast = XmlQueueReader.isOneBytePerAsciiChar(charset);
		return this;
	}

	@Override
	public int read(char[] chars, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		while (true) {
			int n = decode(chars, offset, length);
			if (n > 0) {
				return n;
			}
			if (this.flushed) {
				return -1;
			}
			if (!this.eof) {
				fill();
			}
		}
	}

	/** Decodes pending bytes into {@code chars}; how many characters came out. */
	private int decode(char[] chars, int offset, int length) {
		if (this.flushed) {
			return 0;
		}
		int n = 0;
		if (this.asciiFast) {
			byte[] bytes = this.pending;
			int i = this.pendingStart;
			int end = Math.min(this.pendingEnd, i + length);
			while (i < end && bytes[i] >= 0) {
				chars[offset + n++] = (char) bytes[i++];
			}
			this.pendingStart = i;
			if (n == length || (i == this.pendingEnd && !this.eof)) {
				return n;
			}
		}
		ByteBuffer input = ByteBuffer.wrap(this.pending, this.pendingStart, this.pendingEnd - this.pendingStart);
		CharBuffer output = CharBuffer.wrap(chars, offset + n, length - n);
		CoderResult result = this.decoder.decode(input, output, this.eof);
		if (this.eof && result.isUnderflow()) {
			result = this.decoder.flush(output);
			if (result.isUnderflow()) {
				this.flushed = true;
			}
		}
		this.pendingStart = input.position();
		return output.position() - offset;
	}

	/** Reads more bytes, keeping the undecoded ones in front of them. */
	private void fill() throws IOException {
		int left = this.pendingEnd - this.pendingStart;
		if (this.retainedLength < this.capacity) {
			// Still retaining: the pending bytes are the retained copy's end.
			int room = this.capacity - this.retainedLength;
			int want = Math.min(READ_BYTES, room);
			if (this.retainedLength + want > this.retained.length) {
				this.retained = Arrays.copyOf(this.retained,
						Math.min(this.capacity, Math.max(this.retained.length * 2, this.retainedLength + want)));
			}
			int n = this.in.read(this.retained, this.retainedLength, want);
			if (n < 0) {
				this.eof = true;
				return;
			}
			this.total += n;
			this.retainedLength += n;
			this.pending = this.retained;
			this.pendingEnd = this.retainedLength;
			return;
		}
		// Past the capacity: the undecoded bytes (an incomplete character, at most a few)
		// move to the front of the overflow buffer and the next bytes follow them.
		System.arraycopy(this.pending, this.pendingStart, this.overflow, 0, left);
		int n = this.in.read(this.overflow, left, this.overflow.length - left);
		this.pending = this.overflow;
		this.pendingStart = 0;
		this.pendingEnd = left;
		if (n < 0) {
			this.eof = true;
			return;
		}
		this.total += n;
		this.pendingEnd = left + n;
	}

	/**
	 * @return true if more bytes were read than retained
	 */
	boolean overflowed() {
		return this.total > this.retainedLength;
	}

	/**
	 * @return the retained bytes (valid up to {@link #retained()}), until the next
	 * {@link #reset}
	 */
	byte[] buffer() {
		return this.retained;
	}

	/**
	 * @return how many bytes are retained
	 */
	int retained() {
		return this.retainedLength;
	}

	/** Lets go of the stream; the buffers stay for the next file. */
	@Override
	public void close() {
		this.in = null;
	}

}
