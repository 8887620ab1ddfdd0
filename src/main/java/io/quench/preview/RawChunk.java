package io.quench.preview;

/**
 * A range of a queue file's raw bytes as text (UTF-8, invalid sequences replaced, control
 * characters but tab and line ends replaced), ending on a character boundary.
 *
 * @param offset the first byte
 * @param text the bytes as text
 * @param nextOffset the byte after the last one shown
 * @param fileSize the file's size now
 */
public record RawChunk(long offset, String text, long nextOffset, long fileSize) {

	/** Whether bytes follow this range. */
	public boolean more() {
		return this.nextOffset < this.fileSize;
	}

}
