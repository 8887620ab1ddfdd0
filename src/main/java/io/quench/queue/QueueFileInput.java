package io.quench.queue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The bytes of one open queue file, read in chunks into a buffer that the caller reuses
 * from file to file. Every chunk is fed into SHA-256 and counted as it comes from the
 * file, so the parser reads only what it needs and {@link #drain()} pushes the rest
 * through the digest: the hash covers the whole file, memory stays constant, no byte is
 * digested twice, and nothing of the file's size is allocated per file.
 * <p>
 * A final class whose {@link #read()} is an array access, so readers that go byte by byte
 * pay no chain of stream calls per byte. Not markable; {@link #head(int)} shows the first
 * bytes without consuming them. {@link #close()} does nothing: the readers wrap this
 * stream and may close their wrappers, the parser closes the file after draining.
 */
final class QueueFileInput extends InputStream {

	private final ReadableByteChannel channel;

	private final MessageDigest digest;

	private final byte[] buffer;

	private final ByteBuffer view;

	private int position;

	private int limit;

	private long count;

	private boolean eof;

	/**
	 * @param channel the open file
	 * @param digest a SHA-256 digest, reset by this constructor
	 * @param buffer the read buffer, larger than {@link DialectSniffer#SNIFF_BYTES}
	 * @param view {@code buffer} wrapped, so no wrapper is allocated per read
	 */
	QueueFileInput(ReadableByteChannel channel, MessageDigest digest, byte[] buffer, ByteBuffer view) {
		this.channel = channel;
		this.digest = digest;
		this.buffer = buffer;
		this.view = view;
		digest.reset();
	}

	/**
	 * Reads until {@code n} bytes are buffered or the file ends, without consuming them.
	 * Only valid before anything was read: the bytes start at index 0 of
	 * {@link #buffer()}.
	 * @param n how many bytes to look at, at most the buffer's length
	 * @return how many bytes are buffered, at most {@code n}
	 * @throws IOException if reading fails
	 */
	int head(int n) throws IOException {
		if (this.position != 0 || n > this.buffer.length) {
			throw new IllegalStateException("head() is for the start of the file only");
		}
		while (this.limit < n && !this.eof) {
			fill(this.limit);
		}
		return Math.min(n, this.limit);
	}

	/**
	 * @return the buffer holding the bytes {@link #head(int)} announced
	 */
	byte[] buffer() {
		return this.buffer;
	}

	@Override
	public int read() throws IOException {
		if (this.position < this.limit) {
			return this.buffer[this.position++] & 0xff;
		}
		return refill() ? this.buffer[this.position++] & 0xff : -1;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		if (len == 0) {
			return 0;
		}
		if (this.position == this.limit && !refill()) {
			return -1;
		}
		int n = Math.min(len, this.limit - this.position);
		System.arraycopy(this.buffer, this.position, b, off, n);
		this.position += n;
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = 0;
		while (skipped < n) {
			if (this.position == this.limit && !refill()) {
				break;
			}
			int step = (int) Math.min(n - skipped, this.limit - this.position);
			this.position += step;
			skipped += step;
		}
		return skipped;
	}

	@Override
	public int available() {
		return this.limit - this.position;
	}

	@Override
	public void close() {
	}

	/**
	 * Reads the rest of the file through the digest.
	 * @throws IOException if reading fails
	 */
	void drain() throws IOException {
		while (refill()) {
			this.position = this.limit;
		}
	}

	/**
	 * @return the number of bytes read from the file so far
	 */
	long count() {
		return this.count;
	}

	/**
	 * @return the lower-case hex SHA-256 of the bytes read (call once, at the end)
	 */
	String hexDigest() {
		return HexFormat.of().formatHex(this.digest.digest());
	}

	/** Refills the empty buffer from its start; false at the end of the file. */
	private boolean refill() throws IOException {
		this.position = 0;
		this.limit = 0;
		while (this.limit == 0 && !this.eof) {
			fill(0);
		}
		return this.limit > 0;
	}

	/** One read from the file into {@code buffer[from, length)}, digested and counted. */
	private void fill(int from) throws IOException {
		this.view.limit(this.buffer.length).position(from);
		int n = this.channel.read(this.view);
		if (n < 0) {
			this.eof = true;
			return;
		}
		this.digest.update(this.buffer, from, n);
		this.count += n;
		this.limit = from + n;
	}

}
