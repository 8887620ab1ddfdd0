package io.quench.queue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Keeps a copy of the first bytes read through it (up to a capacity), so that after the
 * XML parser, which reads ahead, has found the end of an envelope, the bytes it read past
 * that end can be handed to the message parser.
 */
final class RetainingInputStream extends FilterInputStream {

	private final int capacity;

	private byte[] buffer = new byte[8192];

	private int retained;

	private long total;

	RetainingInputStream(InputStream in, int capacity) {
		super(in);
		this.capacity = capacity;
	}

	@Override
	public int read() throws IOException {
		int b = this.in.read();
		if (b >= 0) {
			retain(new byte[] { (byte) b }, 0, 1);
		}
		return b;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		int n = this.in.read(b, off, len);
		if (n > 0) {
			retain(b, off, n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		return super.read(new byte[(int) Math.min(n, 8192)]);
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	private void retain(byte[] b, int off, int n) {
		this.total += n;
		int keep = Math.min(n, this.capacity - this.retained);
		if (keep <= 0) {
			return;
		}
		if (this.retained + keep > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer,
					Math.min(this.capacity, Math.max(this.buffer.length * 2, this.retained + keep)));
		}
		System.arraycopy(b, off, this.buffer, this.retained, keep);
		this.retained += keep;
	}

	/**
	 * @return true if more bytes were read than retained
	 */
	boolean overflowed() {
		return this.total > this.retained;
	}

	/**
	 * @return the retained bytes (valid up to {@link #retained()})
	 */
	byte[] buffer() {
		return this.buffer;
	}

	/**
	 * @return how many bytes are retained
	 */
	int retained() {
		return this.retained;
	}

}
