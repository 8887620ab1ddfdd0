package io.quench.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quench.db.BulkWriter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Runs scans: claims the source in the database (one run per source across all
 * instances), runs the ingester on a worker thread, writes progress and a heartbeat every
 * second, honours cancel requests made on any instance, and records the outcome. Runs
 * whose instance died are failed once their heartbeat is older than {@link #STALE}.
 */
@Component
class IngestCoordinator implements DisposableBean {

	/**
	 * Progress and heartbeat interval; also how fast a cancel request from another
	 * instance lands.
	 */
	static final Duration HEARTBEAT = Duration.ofSeconds(1);

	/** A run without heartbeat for this long belongs to a dead instance. */
	static final Duration STALE = Duration.ofMinutes(2);

	/** Runs at once per instance: 2 cores, and each run parallelises internally. */
	static final int WORKERS = 2;

	/** Why a run left by a stopped Quench failed. */
	static final String ORPHANED = "Quench stopped while this scan ran (found when it started again).";

	private static final Logger log = LoggerFactory.getLogger(IngestCoordinator.class);

	private final SourceRepository sources;

	private final IngestRunRepository runs;

	private final List<SourceIngester> ingesters;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** Whether the database is this process's alone ({@link BulkWriter#exclusive()}). */
	private final boolean exclusive;

	private final Map<Long, RunProgress> active = new ConcurrentHashMap<>();

	private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, named("quench-ingest"));

	private final ScheduledExecutorService flusher = Executors
		.newSingleThreadScheduledExecutor(named("quench-ingest-progress"));

	IngestCoordinator(SourceRepository sources, IngestRunRepository runs, List<SourceIngester> ingesters,
			ApplicationEventPublisher events, Clock clock, BulkWriter database) {
		this.sources = sources;
		this.runs = runs;
		this.ingesters = ingesters;
		this.events = events;
		this.clock = clock;
		this.exclusive = database.exclusive();
		this.flusher.scheduleWithFixedDelay(this::flushAll, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Starts a run, or returns the id of the run already going on for this source.
	 * Synchronized with {@link #failOrphanedRuns()}: a run inserted here is in
	 * {@code active} before that looks.
	 */
	synchronized long start(Source source, String actor) {
		Instant now = this.clock.instant();
		long runId = this.runs.insert(source.id(), actor, now);
		if (!this.sources.claim(source.id(), runId, now.minus(STALE))) {
			this.runs.delete(runId);
			return this.sources.runningRunId(source.id()).orElseThrow(() -> new SourceRuleViolation("source.busy"));
		}
		RunProgress progress = new RunProgress(source, runId, this.clock);
		this.active.put(runId, progress);
		this.workers.submit(() -> execute(progress));
		log.info("Scan {} of source '{}' ({}) started by {}", runId, source.name(), source.kind(), actor);
		return runId;
	}

	/**
	 * Asks a run to stop; it may run on another instance, which sees the request within a
	 * heartbeat.
	 */
	boolean cancel(long runId) {
		RunProgress local = this.active.get(runId);
		if (local != null) {
			local.cancel();
		}
		return this.runs.requestCancel(runId);
	}

	boolean isRunningHere(long runId) {
		return this.active.containsKey(runId);
	}

	/**
	 * Fails runs whose instance stopped (no heartbeat for {@link #STALE}) and frees their
	 * sources for the next scan; returns how many runs were failed.
	 */
	int failStaleRuns() {
		Instant now = this.clock.instant();
		int failed = this.runs.failStale(now.minus(STALE), now);
		this.sources.releaseEnded();
		return failed;
	}

	/**
	 * At start-up, on a database only this process can use (embedded H2): every run still
	 * marked running, but for the ones this process started, was left by a Quench that
	 * stopped (killed, crashed, out of memory). It is failed now and its source freed,
	 * rather than after {@link #STALE}, so the restart scans at once. On a shared
	 * database another instance may be running it: the heartbeat decides there.
	 * @return how many runs were failed
	 */
	synchronized int failOrphanedRuns() {
		if (!this.exclusive) {
			return 0;
		}
		List<Long> orphaned = this.runs.runningIds()
			.stream()
			.filter((runId) -> !this.active.containsKey(runId))
			.toList();
		int failed = this.runs.failRunning(orphaned, ORPHANED, this.clock.instant());
		this.sources.releaseEnded();
		if (failed > 0) {
			log.warn("{} scan(s) were still marked running from a Quench that stopped; marked failed: {}", failed,
					orphaned);
		}
		return failed;
	}

	private void execute(RunProgress progress) {
		Source source = progress.source();
		IngestRun.Status status = IngestRun.Status.SUCCEEDED;
		String message = null;
		try {
			SourceIngester ingester = this.ingesters.stream()
				.filter((candidate) -> candidate.supports(source.kind()))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No ingester for " + source.kind()));
			ingester.ingest(progress);
			if (progress.cancelled()) {
				status = IngestRun.Status.CANCELLED;
				message = "Cancelled.";
			}
		}
		catch (Exception | OutOfMemoryError ex) {
			status = IngestRun.Status.FAILED;
			message = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			log.warn("Scan {} of source '{}' failed", progress.runId(), source.name(), ex);
		}
		finally {
			try {
				flush(progress);
				this.runs.insertShapes(progress.runId(), progress.shapes());
				this.runs.finish(progress.runId(), status, message, this.clock.instant());
			}
			catch (RuntimeException ex) {
				log.error("Could not record the end of scan {}", progress.runId(), ex);
			}
			finally {
				this.sources.release(source.id(), progress.runId());
				this.active.remove(progress.runId());
			}
			RunCounters counters = progress.counters();
			log.info("Scan {} of source '{}' {}: {} files, {} stored, {} unchanged, {} gone, {} failed, {} events",
					progress.runId(), source.name(), status, counters.filesDone(), counters.ok(), counters.skipped(),
					counters.gone(), counters.failed(), counters.events());
			boolean changed = counters.ok() > 0 || counters.gone() > 0 || counters.events() > 0;
			this.events
				.publishEvent(new IngestRunFinished(progress.runId(), source.id(), source.kind(), status, changed));
		}
	}

	private void flushAll() {
		for (RunProgress progress : this.active.values()) {
			try {
				flush(progress);
				progress.storedSinceLastCheck()
					.ifPresent((stored) -> this.events.publishEvent(new IngestProgressed(progress.runId(),
							progress.source().id(), progress.source().kind(), stored)));
			}
			catch (RuntimeException ex) {
				log.warn("Could not write progress of scan {}: {}", progress.runId(), ex.getMessage());
			}
		}
	}

	private void flush(RunProgress progress) {
		synchronized (progress) {
			boolean cancelRequested = this.runs.progress(progress.runId(), progress.counters(),
					progress.topSendersText(), this.clock.instant());
			if (cancelRequested) {
				progress.cancel();
			}
			List<IngestError> errors = progress.drainErrors();
			if (!errors.isEmpty()) {
				this.runs.insertErrors(progress.runId(), errors);
			}
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.active.values().forEach(RunProgress::cancel);
		this.workers.shutdown();
		if (!this.workers.awaitTermination(20, TimeUnit.SECONDS)) {
			this.workers.shutdownNow();
		}
		this.flusher.shutdownNow();
	}

	private static ThreadFactory named(String prefix) {
		AtomicInteger counter = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
