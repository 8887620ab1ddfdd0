package io.quench.login;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails once more than a limit of bytes was read.
 */
final class LimitedInputStream extends FilterInputStream {

	static final class TooLarge extends IOException {

		TooLarge(long limit) {
			super("more than " + limit + " bytes");
		}

	}

	private final long limit;

	private long read;

	LimitedInputStream(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	private void count(long n) throws TooLarge {
		this.read += n;
		if (this.read > this.limit) {
			throw new TooLarge(this.limit);
		}
	}

}
