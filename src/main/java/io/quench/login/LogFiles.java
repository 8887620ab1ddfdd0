package io.quench.login;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the agent logs in a log directory ({@code /var/log/novell/groupwise/<po>.poa/}).
 */
public final class LogFiles {

	/**
	 * Most directory entries looked at. A POA writes a few files a day and keeps them for
	 * a configured number of days (default 7 to 30); 100,000 entries is far beyond any
	 * real log directory, and stops a misconfigured path (a mail store) from being walked
	 * whole.
	 */
	static final int MAX_ENTRIES = 100_000;

	private LogFiles() {
	}

	/**
	 * The log files of a directory: names that parse as {@link LogFileName} or end in
	 * {@code .currentlog}, symbolic links resolved and duplicates (the same file by two
	 * names) removed, oldest modification first.
	 * @param directory the log directory (not recursive)
	 * @return the distinct files, by real path
	 * @throws UncheckedIOException if the directory cannot be listed
	 */
	public static List<LogFile> list(Path directory) {
		Map<String, LogFile> byKey = new LinkedHashMap<>();
		int entries = 0;
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
			for (Path entry : stream) {
				if (++entries > MAX_ENTRIES) {
					break;
				}
				String name = entry.getFileName().toString();
				if (LogFileName.parse(name).isEmpty() && !name.endsWith(".currentlog")) {
					continue;
				}
				LogFile file;
				try {
					file = LogFile.of(entry);
				}
				catch (IOException ex) {
					continue; // a dangling link or a file rotated away meanwhile
				}
				if (Files.isRegularFile(file.path())) {
					byKey.putIfAbsent(file.fileKey(), file);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<LogFile> files = new ArrayList<>(byKey.values());
		files.sort(Comparator.comparing(LogFile::modified).thenComparing(LogFile::path));
		return files;
	}

}
