package io.quench.queue;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a message's header block, the lines up to the first empty line, under a byte cap.
 * Line ends become CRLF; the body is not parsed (the {@link LineInput} may have read a
 * chunk of it ahead).
 */
final class HeaderBlock {

	private HeaderBlock() {
	}

	/**
	 * A header block is usually a few KiB: the first guess for the block's array, which
	 * grows by doubling (never past what the cap allows).
	 */
	private static final int INITIAL_BLOCK_BYTES = 4096;

	/**
	 * Reads the header block.
	 * @param in the bytes, positioned at the first header line
	 * @param cap the most bytes to keep; the line that would cross it and everything
	 * after it are dropped with a warning
	 * @param dotStuffed the message comes from SMTP DATA: a line {@code .} ends it and a
	 * leading {@code ..} stands for {@code .}
	 * @param context receives the warning when the block is cut
	 * @return the header lines, each ending in CRLF
	 * @throws IOException if reading fails
	 */
	static byte[] read(LineInput in, int cap, boolean dotStuffed, ParseContext context) throws IOException {
		// Each line is read straight into the block after the lines kept so far (at most
		// cap + 1 of its bytes), then kept by moving the end of the block past it, or
		// overwritten by the next line.
		int max = cap + 1;
		byte[] block = new byte[Math.min(cap, INITIAL_BLOCK_BYTES) + 2];
		int size = 0;
		boolean first = true;
		boolean cut = false;
		while (true) {
			int kept = 0;
			boolean eof = false;
			while (true) {
				int b = in.read();
				if (b < 0) {
					eof = true;
					break;
				}
				if (b == '\n') {
					break;
				}
				if (b == '\r') {
					continue;
				}
				if (kept < max) {
					if (size + kept == block.length) {
						block = Arrays.copyOf(block, block.length * 2);
					}
					block[size + kept++] = (byte) b;
				}
			}
			if (kept == 0) {
				break;
			}
			int from = size;
			int length = kept;
			if (dotStuffed && block[from] == '.') {
				if (length == 1) {
					break;
				}
				from++;
				length--;
			}
			if (first && startsWith(block, from, length, "From ")) {
				// An mbox separator line, not a header.
				first = false;
				continue;
			}
			first = false;
			if (size + length + 2 > cap) {
				cut = true;
				break;
			}
			if (size + length + 2 > block.length) {
				block = Arrays.copyOf(block, Math.max(block.length * 2, size + length + 2));
			}
			System.arraycopy(block, from, block, size, length);
			size += length;
			block[size++] = '\r';
			block[size++] = '\n';
			if (eof) {
				break;
			}
		}
		if (cut) {
			context.warn("header block longer than " + cap + " bytes: cut after " + size + " bytes");
		}
		return Arrays.copyOf(block, size);
	}

	/**
	 * The header block at the start of an in-memory message.
	 * @param message the message bytes (possibly only its beginning)
	 * @param cap the most bytes to keep
	 * @param context receives the warning when the block is cut
	 * @return the header lines, each ending in CRLF
	 */
	static byte[] of(byte[] message, int cap, ParseContext context) {
		try {
			return read(LineInput.of(message, 0, message.length), cap, false, context);
		}
		catch (IOException ex) {
			throw new IllegalStateException("a byte array does not fail", ex);
		}
	}

	private static boolean startsWith(byte[] bytes, int offset, int length, String prefix) {
		if (length < prefix.length()) {
			return false;
		}
		for (int i = 0; i < prefix.length(); i++) {
			if (bytes[offset + i] != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

}
