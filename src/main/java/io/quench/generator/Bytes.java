package io.quench.generator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A reusable growable byte buffer with cheap ASCII appends; one per writer thread. */
final class Bytes {

	private static final byte[] CRLF = { '\r', '\n' };

	private static final byte[] LF = { '\n' };

	byte[] data;

	int length;

	private byte[] eol = CRLF;

	Bytes(int capacity) {
		this.data = new byte[capacity];
	}

	void reset() {
		this.length = 0;
		this.eol = CRLF;
	}

	void crlf(boolean crlf) {
		this.eol = crlf ? CRLF : LF;
	}

	void ensure(int more) {
		if (this.length + more > this.data.length) {
			this.data = Arrays.copyOf(this.data, Math.max(this.data.length * 2, this.length + more));
		}
	}

	/** Appends the low byte of every char: callers pass ASCII only. */
	@SuppressWarnings("deprecation")
	Bytes ascii(String text) {
		int n = text.length();
		ensure(n);
		// The deprecated copy is the fast one: no encoder, no temporary array.
		text.getBytes(0, n, this.data, this.length);
		this.length += n;
		return this;
	}

	/**
	 * UTF-8 for the rare non-ASCII text (never used in queue files, which stay 7-bit).
	 */
	Bytes utf8(String text) {
		return bytes(text.getBytes(StandardCharsets.UTF_8));
	}

	Bytes bytes(byte[] bytes) {
		return bytes(bytes, 0, bytes.length);
	}

	Bytes bytes(byte[] bytes, int offset, int count) {
		ensure(count);
		System.arraycopy(bytes, offset, this.data, this.length, count);
		this.length += count;
		return this;
	}

	Bytes add(char c) {
		ensure(1);
		this.data[this.length++] = (byte) c;
		return this;
	}

	Bytes number(long value) {
		return ascii(Long.toString(value));
	}

	/** Two digits, zero-padded. */
	Bytes two(int value) {
		ensure(2);
		this.data[this.length++] = (byte) ('0' + value / 10);
		this.data[this.length++] = (byte) ('0' + value % 10);
		return this;
	}

	Bytes hex(long value, int digits) {
		ensure(digits);
		for (int i = digits - 1; i >= 0; i--) {
			this.data[this.length++] = (byte) Character
				.toUpperCase(Character.forDigit((int) (value >>> (4 * i)) & 0xF, 16));
		}
		return this;
	}

	/** The current line end: CRLF or LF. */
	Bytes eol() {
		return bytes(this.eol);
	}

	Bytes lf() {
		return add('\n');
	}

	Bytes line(String text) {
		return ascii(text).eol();
	}

}
