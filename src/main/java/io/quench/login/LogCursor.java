package io.quench.login;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Where reading of one log file stopped, so the next read continues there. Store it as it
 * is (all components are plain values) and pass it back to
 * {@link LogReader#read(java.nio.file.Path, LogCursor, LogReadOptions, java.util.function.Consumer, ShapeCounter)}.
 *
 * @param fileKey the file's identity: the file system's key (device and inode on Unix,
 * {@link java.nio.file.attribute.BasicFileAttributes#fileKey()}) when it has one, else
 * the real path and creation time; a different key means the name now points to another
 * file
 * @param path the real path of the file (symbolic links such as {@code poa.currentlog}
 * resolved)
 * @param offset bytes consumed: always the start of a line
 * @param lineNumber lines consumed
 * @param headLength how many bytes from the start of the file {@code headCrc} covers (at
 * most {@link #HEAD_BYTES})
 * @param headCrc CRC-32 of the first {@code headLength} bytes, to notice a file that was
 * truncated and rewritten past the offset under the same identity
 * @param day the date of the last timed line read (after any midnight rollover), or
 * {@code null} before the first
 * @param lastTime the time of the last timed line read, or {@code null}
 * @param lastOffset the UTC offset resolved for the last timed line, or {@code null}
 */
public record LogCursor(String fileKey, String path, long offset, long lineNumber, int headLength, long headCrc,
		LocalDate day, LocalTime lastTime, ZoneOffset lastOffset) {

	/** Bytes at the start of a file remembered as a checksum to recognise it again. */
	public static final int HEAD_BYTES = 256;

	/** Checks offsets and counts. */
	public LogCursor {
		Objects.requireNonNull(fileKey, "fileKey");
		Objects.requireNonNull(path, "path");
		if (offset < 0 || lineNumber < 0) {
			throw new IllegalArgumentException("offset and lineNumber must be >= 0");
		}
		if (headLength < 0 || headLength > HEAD_BYTES || headLength > offset) {
			throw new IllegalArgumentException("headLength must be within 0.." + Math.min(HEAD_BYTES, offset));
		}
	}

}
