package io.quench.queue;

import java.io.IOException;
import java.io.InputStream;

/**
 * Bytes for the line readers ({@link HeaderBlock}, {@link SmtpScriptReader}): first some
 * bytes already in memory, then (optionally) a stream read in chunks. {@link #read()} is
 * an array access in a final class, so reading a line byte by byte costs no stream call
 * per byte. It may read ahead of the lines asked for; its users are the last readers of
 * the file before the parser drains the rest through the digest.
 */
final class LineInput {

	/**
	 * Chunk read from the stream once the in-memory bytes are used up: a header block is
	 * a few KiB, so one or two reads.
	 */
	private static final int CHUNK_BYTES = 8 * 1024;

	/**
	 * The chunk of each thread, reused from file to file: at most one line input per
	 * thread reads from a stream at a time (a parse reads the file's lines through one),
	 * and what it gives out is copied (header blocks, command lines) before the next
	 * file.
	 */
	private static final ThreadLocal<byte[]> CHUNKS = ThreadLocal.withInitial(() -> new byte[CHUNK_BYTES]);

	private final InputStream rest;

	private byte[] bytes;

	private int position;

	private int limit;

	/** The chunk {@link #bytes} becomes once the caller's bytes are used up. */
	private byte[] chunk;

	private LineInput(byte[] bytes, int offset, int length, InputStream rest) {
		this.bytes = bytes;
		this.position = offset;
		this.limit = offset + length;
		this.rest = rest;
	}

	/**
	 * @param bytes the bytes
	 * @param offset where they start
	 * @param length how many there are
	 * @return the given bytes and nothing after them
	 */
	static LineInput of(byte[] bytes, int offset, int length) {
		return new LineInput(bytes, offset, length, null);
	}

	/**
	 * @param bytes bytes read already
	 * @param offset where they start
	 * @param length how many there are
	 * @param rest what follows them
	 * @return the given bytes, then the stream
	 */
	static LineInput of(byte[] bytes, int offset, int length, InputStream rest) {
		return new LineInput(bytes, offset, length, rest);
	}

	/**
	 * @param in the stream
	 * @return the stream's bytes
	 */
	static LineInput of(InputStream in) {
		return new LineInput(new byte[0], 0, 0, in);
	}

	/**
	 * @return the next byte (0 to 255), or -1 at the end
	 * @throws IOException if reading fails
	 */
	int read() throws IOException {
		if (this.position < this.limit) {
			return this.bytes[this.position++] & 0xff;
		}
		return refill() ? this.bytes[this.position++] & 0xff : -1;
	}

	/**
	 * @return the next byte without consuming it, or -1 at the end
	 * @throws IOException if reading fails
	 */
	int peek() throws IOException {
		if (this.position < this.limit) {
			return this.bytes[this.position] & 0xff;
		}
		return refill() ? this.bytes[this.position] & 0xff : -1;
	}

	private boolean refill() throws IOException {
		if (this.rest == null) {
			return false;
		}
		if (this.chunk == null) {
			// Never read into the caller's array: it may belong to someone else.
			this.chunk = CHUNKS.get();
			this.bytes = this.chunk;
		}
		int n = this.rest.read(this.bytes, 0, this.bytes.length);
		// An InputStream returns 0 only for a zero length: n is -1 or positive.
		this.position = 0;
		this.limit = Math.max(n, 0);
		return n > 0;
	}

}
