package io.quench.queue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a message's header block, the lines up to the first empty line, from a stream
 * without reading further, under a byte cap. Line ends become CRLF; the body is never
 * read.
 */
final class HeaderBlock {

	private HeaderBlock() {
	}

	/**
	 * Reads the header block.
	 * @param in the stream, positioned at the first header line
	 * @param cap the most bytes to keep; the line that would cross it and everything
	 * after it are dropped with a warning
	 * @param dotStuffed the message comes from SMTP DATA: a line {@code .} ends it and a
	 * leading {@code ..} stands for {@code .}
	 * @param context receives the warning when the block is cut
	 * @return the header lines, each ending in CRLF
	 * @throws IOException if reading fails
	 */
	static byte[] read(InputStream in, int cap, boolean dotStuffed, ParseContext context) throws IOException {
		ByteArrayOutputStream block = new ByteArrayOutputStream(Math.min(cap, 8192));
		ByteArrayOutputStream line = new ByteArrayOutputStream(256);
		boolean first = true;
		boolean cut = false;
		while (true) {
			line.reset();
			boolean eof = readLine(in, line, cap + 1);
			byte[] bytes = line.toByteArray();
			if (bytes.length == 0) {
				break;
			}
			if (dotStuffed && bytes[0] == '.') {
				if (bytes.length == 1) {
					break;
				}
				bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
			}
			if (first && startsWith(bytes, "From ")) {
				// An mbox separator line, not a header.
				first = false;
				continue;
			}
			first = false;
			if (block.size() + bytes.length + 2 > cap) {
				cut = true;
				break;
			}
			block.write(bytes);
			block.write('\r');
			block.write('\n');
			if (eof) {
				break;
			}
		}
		if (cut) {
			context.warn("header block longer than " + cap + " bytes: cut after " + block.size() + " bytes");
		}
		return block.toByteArray();
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
			return read(new ByteArrayInputStream(message), cap, false, context);
		}
		catch (IOException ex) {
			throw new IllegalStateException("a byte array does not fail", ex);
		}
	}

	/**
	 * Reads one line without its CR/LF; stops early at {@code max} bytes (the caller then
	 * sees a line too long for the cap).
	 * @return true at end of stream
	 */
	private static boolean readLine(InputStream in, ByteArrayOutputStream line, int max) throws IOException {
		while (true) {
			int b = in.read();
			if (b < 0) {
				return true;
			}
			if (b == '\n') {
				return false;
			}
			if (b == '\r') {
				continue;
			}
			if (line.size() < max) {
				line.write(b);
			}
		}
	}

	private static boolean startsWith(byte[] bytes, String prefix) {
		if (bytes.length < prefix.length()) {
			return false;
		}
		for (int i = 0; i < prefix.length(); i++) {
			if (bytes[i] != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

}
