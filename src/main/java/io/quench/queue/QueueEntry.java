package io.quench.queue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A regular file found below the queue root by {@link QueueWalker}, as listed. The parser
 * takes size and mtime from here and checks after reading that the file still has them.
 *
 * @param path the file's path (below the real path of the queue root)
 * @param relativePath the path relative to the queue root, segments separated by
 * {@code /}
 * @param folder the queue, from the first segment of {@code relativePath}
 * @param size the size in bytes when listed
 * @param mtime the modification time when listed
 */
public record QueueEntry(Path path, String relativePath, QueueFolder folder, long size, Instant mtime) {

	public QueueEntry {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(relativePath, "relativePath");
		Objects.requireNonNull(folder, "folder");
		Objects.requireNonNull(mtime, "mtime");
		if (relativePath.isEmpty() || relativePath.startsWith("/")) {
			throw new IllegalArgumentException("relativePath must be relative and non-empty: " + relativePath);
		}
		if (size < 0) {
			throw new IllegalArgumentException("size must not be negative: " + size);
		}
	}

}
