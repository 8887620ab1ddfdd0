package io.quench.login;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A log file as found on disk, by its real path and identity, so that
 * {@code poa.currentlog} and the {@code MMDDpoa.NNN} it points to are recognised as one
 * file.
 *
 * @param path the real path (symbolic links resolved)
 * @param fileKey the identity: {@link BasicFileAttributes#fileKey()} (device and inode on
 * Unix) when the file system has one, else real path and creation time
 * @param size the size in bytes when looked at
 * @param modified the last modification time when looked at
 */
public record LogFile(Path path, String fileKey, long size, Instant modified) {

	/** Checks the fields. */
	public LogFile {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(fileKey, "fileKey");
		Objects.requireNonNull(modified, "modified");
	}

	/**
	 * Looks a file up by any of its names.
	 * @param path a path, possibly a symbolic link
	 * @return the file
	 * @throws IOException if it does not exist or cannot be read
	 */
	public static LogFile of(Path path) throws IOException {
		Path real = path.toRealPath();
		BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
		Object key = attributes.fileKey();
		String fileKey = (key != null) ? key.toString() : real + "@" + attributes.creationTime().toMillis();
		return new LogFile(real, fileKey, attributes.size(), attributes.lastModifiedTime().toInstant());
	}

	/**
	 * The parsed name of the real file.
	 * @return the name, or empty if it does not follow {@code MMDDpoa.NNN} and friends
	 */
	public Optional<LogFileName> name() {
		return LogFileName.of(this.path);
	}

}
