package io.quench.queue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import io.quench.source.IngestContext;
import io.quench.source.SenderCount;
import io.quench.source.SourceIngester;
import io.quench.source.SourceKind;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scans a GWIA queue root: walks {@code send/} and {@code defer/} (never following a
 * symlink), parses new and changed files on worker threads, stores them in chunks, skips
 * files whose size and mtime did not change (no body is read), and marks files that
 * vanished as gone. Nothing in the queue is ever written.
 */
@Component
class QueueIngester implements SourceIngester {

	/**
	 * Parsed files waiting for the writer thread, at most (in chunks of the database's
	 * size).
	 */
	static final int FILES_QUEUED = 4_000;

	/** Files parsed per task on a parser thread. */
	static final int PARSE_BATCH = 250;

	/** Parser threads per run: the machine class has 2 cores. */
	static final int PARSERS = 2;

	/** A progress line is logged each time this many more files are written. */
	static final int PROGRESS_FILES = 100_000;

	/** Top senders shown live during a run. */
	private static final int TOP = 10;

	private static final Logger log = LoggerFactory.getLogger(QueueIngester.class);

	private final QueueMessageRepository messages;

	private final TransactionTemplate transactions;

	private final QueueFileParser parser = new QueueFileParser();

	/**
	 * Files per transaction, by database: small enough for memory (headers only, a few KB
	 * a file), see {@code BulkWriter.itemsPerTransaction()}.
	 */
	private final int chunk;

	QueueIngester(QueueMessageRepository messages, TransactionTemplate transactions) {
		this.messages = messages;
		this.transactions = transactions;
		this.chunk = messages.filesPerTransaction();
	}

	@Override
	public boolean supports(SourceKind kind) {
		return kind == SourceKind.QUEUE;
	}

	@Override
	public void ingest(IngestContext context) throws Exception {
		Path root = context.source().path();
		if (!Files.isDirectory(root)) {
			throw new IOException("The queue root " + root + " is not a folder (or is not reachable)");
		}
		long sourceId = context.source().id();
		long started = System.nanoTime();
		long cpuStarted = processCpuNanos();
		QueueIndex index = this.transactions.execute((status) -> this.messages.loadIndex(sourceId));
		long indexed = System.nanoTime();
		AtomicBoolean walkEnded = new AtomicBoolean();
		Thread counter = null;
		if (index.size() == 0) {
			// First scan: the total for the progress bar comes from a walk that only
			// counts, beside the real one (a core the real walk leaves idle at its
			// start, about 3 s at 10^6 files, and the listings it reads are cached
			// for the real walk).
			counter = new Thread(() -> countFiles(root, context, walkEnded), "quench-count-" + context.runId());
			counter.setDaemon(true);
			counter.start();
		}
		else {
			context.total(index.presentCount(), index.presentBytes());
		}
		Run run = new Run(context, index, root);
		try {
			run.walk();
		}
		finally {
			walkEnded.set(true);
			if (counter != null) {
				counter.join(TimeUnit.SECONDS.toMillis(10));
			}
		}
		if (counter != null) {
			// What the walk saw is the exact total, whether the count got there or not.
			long files = 0;
			long bytes = 0;
			for (long[] counts : run.depth().values()) {
				files += counts[0];
				bytes += counts[1];
			}
			context.total(files, bytes);
		}
		long walked = System.nanoTime();
		if (context.cancelled()) {
			return;
		}
		Instant now = context.clock().instant();
		if (run.incompleteFolders.get() == 0) {
			List<Long> vanished = new ArrayList<>();
			index.forEachVanished(vanished::add);
			for (int from = 0; from < vanished.size(); from += 1000) {
				List<Long> ids = vanished.subList(from, Math.min(vanished.size(), from + 1000));
				context.gone(this.transactions.execute((status) -> this.messages.markGone(ids, now)));
			}
		}
		else {
			context.failed(root.toString(), run.incompleteFolders.get()
					+ " folder(s) could not be read: files below them are not marked gone in this scan");
		}
		if (run.incompleteFolders.get() == 0) {
			this.transactions.executeWithoutResult((status) -> this.messages.recordDepth(sourceId, now, run.depth()));
		}
		else {
			this.transactions.executeWithoutResult((status) -> this.messages.recordDepth(sourceId, now));
		}
		log.info(
				"Queue scan {}: index of {} known files loaded in {} ms, walk and store {} ms, gone and depth {} ms"
						+ " (process CPU {} ms)",
				context.runId(), index.size(), (indexed - started) / 1_000_000, (walked - indexed) / 1_000_000,
				(System.nanoTime() - walked) / 1_000_000, (processCpuNanos() - cpuStarted) / 1_000_000);
	}

	/**
	 * CPU time of the whole process (all threads, GC included), for the scan log line.
	 */
	private static long processCpuNanos() {
		if (java.lang.management.ManagementFactory
			.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

	/**
	 * First scan of a source: a quick walk that only counts, so the progress bar has a
	 * total. Stops when the real walk has ended or the run is cancelled; a count that
	 * fails leaves the total where it got (the real walk reports what it finds itself).
	 */
	private static void countFiles(Path root, IngestContext context, AtomicBoolean walkEnded) {
		try {
			new QueueWalker(root).count(() -> walkEnded.get() || context.cancelled(), context::total);
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Counting the files below {} failed; the real walk reports why", root, ex);
		}
	}

	private final class Run implements QueueWalker.Visitor {

		private final IngestContext context;

		private final QueueIndex index;

		private final Path root;

		private final Map<String, LongAdder> senders = new ConcurrentHashMap<>();

		private final AtomicInteger incompleteFolders = new AtomicInteger();

		/**
		 * Files present per folder and their bytes, as the walk saw them: the queue
		 * depth.
		 */
		private final Map<QueueFolder, long[]> depth = new java.util.EnumMap<>(QueueFolder.class);

		private final AtomicReference<Throwable> failure = new AtomicReference<>();

		/**
		 * Parses batches of files; when both threads are busy and the queue is full the
		 * walking thread parses the next batch itself (so at most PARSERS + 1 batches are
		 * parsed at once and the walk never runs far ahead).
		 */
		private final ThreadPoolExecutor parsers = new ThreadPoolExecutor(PARSERS, PARSERS, 30, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(PARSERS), new ThreadPoolExecutor.CallerRunsPolicy());

		/**
		 * The one thread that writes: one transaction per chunk, while the parsers go on
		 * with the next files. A parser that finds {@link #FILES_QUEUED} files waiting
		 * waits too, so memory stays bounded whatever the database's speed.
		 */
		private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(Math.max(2, FILES_QUEUED / QueueIngester.this.chunk)), (task, executor) -> {
					try {
						executor.getQueue().put(task);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new java.util.concurrent.RejectedExecutionException(ex);
					}
				});

		private List<Pending> batch = new ArrayList<>(PARSE_BATCH);

		/** Parsed files waiting for the writer, filled by the parser threads. */
		private List<Parsed> parsed = new ArrayList<>(QueueIngester.this.chunk);

		private long lastTopSenders;

		/** Files written so far, on the writer thread. */
		private long written;

		/** When the last {@link #PROGRESS_FILES} mark was passed (nanoTime). */
		private long lastMark = System.nanoTime();

		Run(IngestContext context, QueueIndex index, Path root) {
			this.context = context;
			this.index = index;
			this.root = root;
		}

		Map<QueueFolder, long[]> depth() {
			return this.depth;
		}

		void walk() throws Exception {
			try {
				new QueueWalker(this.root).walk(this);
			}
			catch (Cancelled ex) {
				// cancellation requested: stop walking, let submitted chunks finish
			}
			finally {
				flushBatch();
				this.parsers.shutdown();
				this.parsers.awaitTermination(10, TimeUnit.MINUTES);
				List<Parsed> rest;
				synchronized (this) {
					rest = this.parsed;
					this.parsed = new ArrayList<>();
				}
				submitWrite(rest);
				this.writer.shutdown();
				this.writer.awaitTermination(10, TimeUnit.MINUTES);
				publishTopSenders();
			}
			Throwable failed = this.failure.get();
			if (failed instanceof Exception exception) {
				throw exception;
			}
			if (failed instanceof Error error) {
				throw error;
			}
		}

		@Override
		public void file(QueueEntry entry) {
			if (this.context.cancelled() || this.failure.get() != null) {
				throw new Cancelled();
			}
			long[] counts = this.depth.computeIfAbsent(entry.folder(), (folder) -> new long[2]);
			counts[0]++;
			counts[1] += entry.size();
			int slot = this.index.find(entry.relativePath());
			if (slot >= 0) {
				this.index.markSeen(slot);
				if (this.index.unchanged(slot, entry.size(), entry.mtime().toEpochMilli())) {
					this.context.skipped(1);
					this.context.done(1, entry.size());
					return;
				}
			}
			this.batch.add(new Pending(entry, slot >= 0 ? this.index.id(slot) : null));
			if (this.batch.size() >= PARSE_BATCH) {
				flushBatch();
			}
		}

		@Override
		public void error(QueueWalker.ItemError error) {
			Path path = this.root.resolve(error.relativePath());
			if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
				this.incompleteFolders.incrementAndGet();
			}
			this.context.failed(error.relativePath(), error.problem());
		}

		private void flushBatch() {
			if (this.batch.isEmpty()) {
				return;
			}
			List<Pending> work = this.batch;
			this.batch = new ArrayList<>(PARSE_BATCH);
			this.parsers.execute(() -> {
				try {
					parse(work);
				}
				catch (RuntimeException | Error ex) {
					this.failure.compareAndSet(null, ex);
				}
			});
		}

		/** Parses a batch (on a parser thread) and hands full chunks to the writer. */
		private void parse(List<Pending> work) {
			List<Parsed> done = new ArrayList<>(work.size());
			for (Pending pending : work) {
				ParsedQueueFile file = QueueIngester.this.parser.parse(pending.entry());
				if (file.status() != ParsedQueueFile.Status.PARSED) {
					this.context.failed(file.relativePath(), file.status() + ": " + file.problem());
				}
				if (file.sender() != null) {
					this.senders.computeIfAbsent(file.sender(), (key) -> new LongAdder()).increment();
				}
				done.add(new Parsed(file, pending.id(), pending.entry().size()));
			}
			List<Parsed> full = null;
			synchronized (this) {
				this.parsed.addAll(done);
				if (this.parsed.size() >= QueueIngester.this.chunk) {
					full = this.parsed;
					this.parsed = new ArrayList<>(QueueIngester.this.chunk + PARSE_BATCH);
				}
			}
			if (full != null) {
				submitWrite(full);
			}
		}

		private void submitWrite(List<Parsed> work) {
			if (work.isEmpty()) {
				return;
			}
			this.writer.execute(() -> {
				if (this.failure.get() != null) {
					return; // a chunk failed: the run ends with that failure, drain the
							// rest
				}
				try {
					store(work);
				}
				catch (RuntimeException | Error ex) {
					this.failure.compareAndSet(null, ex);
				}
			});
		}

		/** Writes one chunk in one transaction (on the writer thread). */
		private void store(List<Parsed> work) {
			List<ParsedQueueFile> added = new ArrayList<>(work.size());
			List<ParsedQueueFile> changed = new ArrayList<>();
			List<Long> changedIds = new ArrayList<>();
			long bytes = 0;
			for (Parsed item : work) {
				bytes += item.size();
				ParsedQueueFile file = item.file();
				if (file.problem() != null && file.problem().startsWith(QueueFileParser.VANISHED)) {
					continue;
				}
				if (item.id() == null) {
					added.add(file);
				}
				else {
					changed.add(file);
					changedIds.add(item.id());
				}
			}
			Instant now = this.context.clock().instant();
			long sourceId = this.context.source().id();
			long runId = this.context.runId();
			QueueIngester.this.transactions.executeWithoutResult((status) -> {
				QueueIngester.this.messages.prepareBulkWrite();
				QueueIngester.this.messages.insert(sourceId, runId, added, now);
				QueueIngester.this.messages.update(runId, changedIds, changed, now);
			});
			this.context.ok(added.size() + changed.size());
			this.context.done(work.size(), bytes);
			logProgress(work.size());
			long millis = System.nanoTime() / 1_000_000;
			if (millis - this.lastTopSenders > 1000) {
				this.lastTopSenders = millis;
				publishTopSenders();
			}
		}

		/**
		 * Every {@link #PROGRESS_FILES} files parsed and written, a log line with the
		 * rate since the last one: a long scan's progress for whoever reads the log, and
		 * its speed phase by phase (bench/ingest.sh reads these lines).
		 */
		private void logProgress(int files) {
			long before = this.written;
			this.written += files;
			if (before / PROGRESS_FILES == this.written / PROGRESS_FILES) {
				return;
			}
			long now = System.nanoTime();
			long perSecond = Math.round(PROGRESS_FILES * 1e9 / Math.max(1, now - this.lastMark));
			this.lastMark = now;
			log.info("Queue scan {}: {} files written, {} files/s over the last {}", this.context.runId(),
					this.written / PROGRESS_FILES * PROGRESS_FILES, perSecond, PROGRESS_FILES);
		}

		private void publishTopSenders() {
			this.context.topSenders(this.senders.entrySet()
				.stream()
				.map((entry) -> new SenderCount(entry.getKey(), entry.getValue().sum()))
				.sorted(Comparator.comparingLong(SenderCount::count).reversed().thenComparing(SenderCount::address))
				.limit(TOP)
				.toList());
		}

	}

	private record Parsed(ParsedQueueFile file, Long id, long size) {
	}

	private record Pending(QueueEntry entry, Long id) {
	}

	private static final class Cancelled extends RuntimeException {

		Cancelled() {
			super(null, null, false, false);
		}

	}

}
