package io.quench.census;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The census for the console: the KB pipeline's {@code <EmailAddress>} counts (see
 * {@link CensusCommand} for the rule and where it deliberately differs) of one GWIA queue
 * root's {@code send/} and {@code defer/}, apart. Streaming: memory grows with the
 * distinct addresses, not with the files.
 * <p>
 * Unlike the command line, nothing is followed: a {@code send} or {@code defer} entry of
 * the root that is a symbolic link is skipped with a note, and so is every link below.
 */
public final class KbCensus {

	private KbCensus() {
	}

	/**
	 * Counts a queue root.
	 * @param queueRoot the folder holding {@code send/} and {@code defer/} (either may be
	 * missing; the names are matched ignoring case, as NetWare-era systems write upper
	 * case)
	 * @param filesSeen incremented for every file reached, for a progress display
	 * @param cancelled polled between files
	 * @param notes one line per skipped item
	 * @return the counts
	 * @throws IOException if the root cannot be listed
	 * @throws CancellationException if {@code cancelled} turned true
	 */
	public static KbCounts count(Path queueRoot, AtomicLong filesSeen, BooleanSupplier cancelled,
			Consumer<String> notes) throws IOException {
		Path send = null;
		Path defer = null;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(queueRoot)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (send == null && "send".equalsIgnoreCase(name)) {
					send = entry;
				}
				else if (defer == null && "defer".equalsIgnoreCase(name)) {
					defer = entry;
				}
			}
		}
		Census.Counted sendCounts = counted(send, filesSeen, cancelled, notes);
		Census.Counted deferCounts = counted(defer, filesSeen, cancelled, notes);
		return KbCounts.of(sendCounts.counts(), deferCounts.counts(), sendCounts.files() + deferCounts.files(),
				sendCounts.skipped() + deferCounts.skipped());
	}

	private static Census.Counted counted(Path folder, AtomicLong filesSeen, BooleanSupplier cancelled,
			Consumer<String> notes) {
		if (folder == null || !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
			return new Census.Counted(new AddressCounts(), 0, 0);
		}
		return Census.count(List.of(folder), false, Census.Mode.ADDRESS, notes, filesSeen, cancelled);
	}

}
