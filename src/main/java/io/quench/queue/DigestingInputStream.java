package io.quench.queue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Feeds every byte read through it into a SHA-256 digest and counts it, so the parser can
 * read only what it needs and then {@link #drain()} the rest through the digest with a
 * fixed buffer: the hash covers the whole file, memory stays constant. Not markable, so
 * no byte is ever digested twice.
 */
final class DigestingInputStream extends FilterInputStream {

	/**
	 * Read size when draining: large enough for few system calls, small enough to keep.
	 */
	private static final int DRAIN_BUFFER_BYTES = 64 * 1024;

	private final MessageDigest digest;

	private long count;

	DigestingInputStream(InputStream in) {
		super(in);
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	@Override
	public int read() throws IOException {
		int b = this.in.read();
		if (b >= 0) {
			this.digest.update((byte) b);
			this.count++;
		}
		return b;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		int n = this.in.read(b, off, len);
		if (n > 0) {
			this.digest.update(b, off, n);
			this.count += n;
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		byte[] buffer = new byte[(int) Math.min(n, DRAIN_BUFFER_BYTES)];
		long skipped = 0;
		while (skipped < n) {
			int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
			if (r < 0) {
				break;
			}
			skipped += r;
		}
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	@Override
	public synchronized void mark(int readlimit) {
	}

	@Override
	public synchronized void reset() throws IOException {
		throw new IOException("mark/reset not supported");
	}

	/**
	 * Reads the rest of the stream through the digest.
	 * @throws IOException if reading fails
	 */
	void drain() throws IOException {
		byte[] buffer = new byte[DRAIN_BUFFER_BYTES];
		while (read(buffer, 0, buffer.length) >= 0) {
			// digested by read
		}
	}

	/**
	 * @return the number of bytes read so far
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

}
