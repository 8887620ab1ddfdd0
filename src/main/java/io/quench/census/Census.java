package io.quench.census;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.quench.queue.ParsedQueueFile;
import io.quench.queue.QueueEntry;
import io.quench.queue.QueueFileParser;
import io.quench.queue.QueueFolder;

/**
 * Walks queue folders with {@value #THREADS} threads and counts, per file, either every
 * {@code <EmailAddress>} value (the KB pipeline's rule, see {@link CensusCommand}) or the
 * message's sender (resolved by the queue-file parser, {@link QueueFileParser}). Bytes
 * are scanned in place, eight at a time, in one reused buffer per thread: no String per
 * line, no regular expression.
 */
final class Census {

	/**
	 * The census machine has two cores; more threads only add contention on the
	 * directory.
	 */
	static final int THREADS = 2;

	/**
	 * The real queue-file parser resolves senders for {@code --by sender} (thread-safe).
	 */
	private static final QueueFileParser PARSER = new QueueFileParser();

	/** Read size; most queue files fit in one read. */
	private static final int INITIAL_BUFFER = 1 << 20;

	/**
	 * A line longer than this is cut at the buffer's end (grep would keep it whole): a
	 * safety cap so that a hostile file cannot make the census allocate without bound.
	 */
	static final int MAX_LINE = 64 << 20;

	/**
	 * The sender is looked for in the first bytes only: envelopes and headers come first.
	 */
	static final int SENDER_HEAD = 256 << 10;

	/**
	 * A directory lister shares entries with the other thread while fewer than this are
	 * waiting.
	 */
	private static final int SHARE_LIMIT = 256;

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGHS = 0x8080808080808080L;

	private static final long ANGLES = 0x3C3C3C3C3C3C3C3CL;

	private static final byte[] OPEN = "<EmailAddress>".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] CLOSE = "</EmailAddress>".getBytes(StandardCharsets.US_ASCII);

	enum Mode {

		/** Every {@code <EmailAddress>} value, like the KB pipeline. */
		ADDRESS,

		/** One count per message, for its sender. */
		SENDER

	}

	/**
	 * The census of some folders: entries highest count first, and what was read or
	 * skipped.
	 */
	record Result(List<AddressCounts.Entry> entries, long files, long skipped) {
	}

	private final Mode mode;

	private final Consumer<String> notes;

	private final LinkedBlockingDeque<Task> tasks = new LinkedBlockingDeque<>();

	/** Regular files reached so far, over all workers (for a progress display). */
	private final AtomicLong filesSeen;

	/** Checked between files: true stops the workers and makes the run throw. */
	private final BooleanSupplier cancelled;

	private final AtomicInteger pending = new AtomicInteger();

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	private Census(Mode mode, Consumer<String> notes, AtomicLong filesSeen, BooleanSupplier cancelled) {
		this.mode = mode;
		this.notes = notes;
		this.filesSeen = filesSeen;
		this.cancelled = cancelled;
	}

	/**
	 * Counts over the given roots. {@code notes} receives one line per skipped file; it
	 * is called from the worker threads, one call at a time.
	 */
	static Result run(List<Path> roots, Mode mode, Consumer<String> notes) {
		Counted counted = count(roots, true, mode, notes, new AtomicLong(), () -> false);
		return new Result(counted.counts().sorted(), counted.files(), counted.skipped());
	}

	/** Unsorted counts, and what was read or skipped. */
	record Counted(AddressCounts counts, long files, long skipped) {
	}

	/**
	 * Counts over the given roots, unsorted.
	 * @param followRoots whether the roots themselves may be symbolic links (below them
	 * nothing is followed)
	 * @param filesSeen incremented for every regular file reached
	 * @param cancelled polled between files; when it turns true the census stops and
	 * throws {@link CancellationException}
	 */
	static Counted count(List<Path> roots, boolean followRoots, Mode mode, Consumer<String> notes, AtomicLong filesSeen,
			BooleanSupplier cancelled) {
		Census census = new Census(mode, notes, filesSeen, cancelled);
		for (Path root : roots) {
			census.pending.incrementAndGet();
			census.tasks.add(new Task(root, followRoots));
		}
		List<Worker> workers = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			Worker worker = census.new Worker();
			workers.add(worker);
			Thread thread = new Thread(worker, "census-" + i);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("census interrupted", ex);
			}
		}
		Throwable failed = census.failure.get();
		if (failed == null && cancelled.getAsBoolean()) {
			throw new CancellationException("census cancelled");
		}
		if (failed instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failed != null) {
			throw new IllegalStateException(failed);
		}
		AddressCounts total = workers.get(0).counts;
		long files = 0;
		long skipped = 0;
		for (Worker worker : workers) {
			if (worker.counts != total) {
				total.addAll(worker.counts);
			}
			files += worker.files;
			skipped += worker.skipped;
		}
		return new Counted(total, files, skipped);
	}

	private synchronized void note(String line) {
		this.notes.accept(line);
	}

	private record Task(Path path, boolean root) {
	}

	private final class Worker implements Runnable {

		private final AddressCounts counts = new AddressCounts();

		private byte[] buffer = new byte[INITIAL_BUFFER];

		private ByteBuffer view = ByteBuffer.wrap(this.buffer);

		/**
		 * Values found in the current file, committed only when the file turns out to be
		 * text.
		 */
		private byte[] staged = new byte[4096];

		private int stagedBytes;

		private int[] stagedLengths = new int[256];

		private int stagedCount;

		private final byte[] head = new byte[SENDER_HEAD];

		private int headLength;

		private long files;

		private long skipped;

		@Override
		public void run() {
			try {
				while (true) {
					Task task = Census.this.tasks.pollFirst(2, TimeUnit.MILLISECONDS);
					if (task == null) {
						if (Census.this.pending.get() == 0 || Census.this.failure.get() != null) {
							return;
						}
						continue;
					}
					if (Census.this.cancelled.getAsBoolean()) {
						Census.this.pending.decrementAndGet();
						continue;
					}
					try {
						visit(task.path(), task.root());
					}
					finally {
						Census.this.pending.decrementAndGet();
					}
				}
			}
			catch (Throwable ex) {
				Census.this.failure.compareAndSet(null, ex);
			}
		}

		private void visit(Path path, boolean root) {
			BasicFileAttributes attributes;
			try {
				// Command-line roots are followed (an operator may pass a linked queue
				// folder),
				// nothing below them is.
				attributes = root ? Files.readAttributes(path, BasicFileAttributes.class)
						: Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
			}
			catch (IOException ex) {
				skip(path, "cannot read attributes (" + ex.getClass().getSimpleName() + ")");
				return;
			}
			if (attributes.isDirectory()) {
				list(path);
			}
			else if (attributes.isRegularFile()) {
				this.files++;
				Census.this.filesSeen.incrementAndGet();
				scan(path, attributes.size());
			}
			else if (attributes.isSymbolicLink()) {
				skip(path, "symbolic link not followed");
			}
			else {
				skip(path, "not a regular file");
			}
		}

		private void list(Path directory) {
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
				for (Path entry : entries) {
					if (Census.this.cancelled.getAsBoolean()) {
						return;
					}
					if (Census.this.tasks.size() < SHARE_LIMIT) {
						Census.this.pending.incrementAndGet();
						Census.this.tasks.addLast(new Task(entry, false));
					}
					else {
						visit(entry, false);
					}
				}
			}
			catch (IOException | UncheckedIOException ex) {
				skip(directory, "cannot list directory (" + ex.getClass().getSimpleName() + ")");
			}
		}

		private void skip(Path path, String reason) {
			this.skipped++;
			note("census: skipped " + path + ": " + reason);
		}

		private void scan(Path file, long size) {
			this.stagedBytes = 0;
			this.stagedCount = 0;
			this.headLength = 0;
			boolean text = true;
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
				int filled = 0;
				long total = 0;
				boolean end = size == 0;
				while (!end) {
					if (filled == this.buffer.length) {
						if (this.buffer.length < MAX_LINE) {
							this.buffer = Arrays.copyOf(this.buffer, this.buffer.length * 2);
							this.view = ByteBuffer.wrap(this.buffer);
						}
						else {
							if (!process(filled)) {
								text = false;
								break;
							}
							filled = 0;
						}
					}
					this.view.limit(this.buffer.length).position(filled);
					int read = channel.read(this.view);
					if (read < 0) {
						end = true;
					}
					else {
						filled += read;
						total += read;
						// The size comes from the walk; a file that grows afterwards is
						// read to
						// that size (queue files are written once).
						end = total >= size;
					}
					int limit = end ? filled : lastLineEnd(filled);
					if (limit > 0) {
						if (!process(limit)) {
							text = false;
							break;
						}
						System.arraycopy(this.buffer, limit, this.buffer, 0, filled - limit);
						filled -= limit;
					}
				}
			}
			catch (IOException ex) {
				skip(file, "cannot read (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")");
				return;
			}
			if (!text) {
				skip(file, "contains NUL bytes (binary), nothing counted");
				return;
			}
			commit(file);
		}

		private int lastLineEnd(int filled) {
			for (int i = filled - 1; i >= 0; i--) {
				if (this.buffer[i] == '\n') {
					return i + 1;
				}
			}
			return 0;
		}

		/**
		 * Processes {@code buffer[0, limit)}, which ends at a line end; false if it holds
		 * NUL.
		 */
		private boolean process(int limit) {
			if (Census.this.mode == Mode.ADDRESS) {
				return scanAddresses(this.buffer, limit);
			}
			if (this.headLength < SENDER_HEAD) {
				int copy = Math.min(limit, SENDER_HEAD - this.headLength);
				System.arraycopy(this.buffer, 0, this.head, this.headLength, copy);
				this.headLength += copy;
			}
			return !hasNul(this.buffer, limit);
		}

		private boolean scanAddresses(byte[] bytes, int limit) {
			int i = 0;
			while (i < limit) {
				if (i + 8 <= limit) {
					long word = (long) LONGS.get(bytes, i);
					long angles = word ^ ANGLES;
					long found = (((word - ONES) & ~word) | ((angles - ONES) & ~angles)) & HIGHS;
					if (found == 0) {
						i += 8;
						continue;
					}
					// The lowest flagged byte is exact: a NUL or a '<'.
					i += Long.numberOfTrailingZeros(found) >>> 3;
				}
				byte b = bytes[i];
				if (b == 0) {
					return false;
				}
				if (b != '<') {
					i++;
					continue;
				}
				i = candidate(bytes, i, limit);
				if (i < 0) {
					return false;
				}
			}
			return true;
		}

		/**
		 * At a '<': if an {@code <EmailAddress>} starts here, stages its value when it
		 * ends with {@code </EmailAddress>} on the same line and is not empty (grep -o
		 * prints no empty match). Returns where to go on, or -1 on a NUL byte.
		 */
		private int candidate(byte[] bytes, int at, int limit) {
			int start = at + OPEN.length;
			if (start > limit || !Arrays.equals(bytes, at, start, OPEN, 0, OPEN.length)) {
				return at + 1;
			}
			int i = start;
			while (i < limit) {
				byte b = bytes[i];
				if (b == '<' || b == '\n') {
					break;
				}
				if (b == 0) {
					return -1;
				}
				i++;
			}
			if (i > start && i + CLOSE.length <= limit
					&& Arrays.equals(bytes, i, i + CLOSE.length, CLOSE, 0, CLOSE.length)) {
				stage(bytes, start, i - start);
				return i + CLOSE.length;
			}
			return i;
		}

		private void stage(byte[] bytes, int offset, int length) {
			if (this.stagedBytes + length > this.staged.length) {
				this.staged = Arrays.copyOf(this.staged, Math.max(this.staged.length * 2, this.stagedBytes + length));
			}
			if (this.stagedCount == this.stagedLengths.length) {
				this.stagedLengths = Arrays.copyOf(this.stagedLengths, this.stagedCount * 2);
			}
			System.arraycopy(bytes, offset, this.staged, this.stagedBytes, length);
			this.stagedBytes += length;
			this.stagedLengths[this.stagedCount++] = length;
		}

		private void commit(Path file) {
			if (Census.this.mode == Mode.ADDRESS) {
				int offset = 0;
				for (int i = 0; i < this.stagedCount; i++) {
					this.counts.add(this.staged, offset, this.stagedLengths[i], 1);
					offset += this.stagedLengths[i];
				}
				return;
			}
			ParsedQueueFile parsed;
			try {
				BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
						LinkOption.NOFOLLOW_LINKS);
				parsed = PARSER.parse(new QueueEntry(file, file.getFileName().toString(), QueueFolder.OTHER,
						attributes.size(), attributes.lastModifiedTime().toInstant()));
			}
			catch (IOException ex) {
				skip(file, "cannot read: " + ex.getMessage());
				return;
			}
			if (parsed.sender() == null) {
				skip(file, (parsed.problem() != null) ? parsed.problem() : "no sender found");
				return;
			}
			byte[] sender = parsed.sender().getBytes(StandardCharsets.UTF_8);
			this.counts.add(sender, 0, sender.length, 1);
		}

	}

	static boolean hasNul(byte[] bytes, int limit) {
		int i = 0;
		for (; i + 8 <= limit; i += 8) {
			long word = (long) LONGS.get(bytes, i);
			if (((word - ONES) & ~word & HIGHS) != 0) {
				return true;
			}
		}
		for (; i < limit; i++) {
			if (bytes[i] == 0) {
				return true;
			}
		}
		return false;
	}

}
