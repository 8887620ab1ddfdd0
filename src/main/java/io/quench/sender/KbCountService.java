package io.quench.sender;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.quench.census.KbCensus;
import io.quench.census.KbCounts;
import io.quench.source.IngestRunFinished;
import io.quench.source.Source;
import io.quench.source.SourceKind;
import io.quench.source.SourceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The KB's exact {@code <EmailAddress>} occurrence counts per queue source, counted by
 * the census over the source's folder in the background, one source at a time, and kept
 * until the next finished ingest run of that source or a manual refresh. While a count
 * runs, the previous one (if any) stays readable, marked as being recounted.
 */
@Service
class KbCountService implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(KbCountService.class);

	/** Skipped-file notes logged per count; the rest are only counted. */
	static final int MAX_LOGGED_NOTES = 20;

	private final SourceService sources;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<Long, Slot> slots = new ConcurrentHashMap<>();

	private final ExecutorService worker = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "quench-kb-census");
		thread.setDaemon(true);
		return thread;
	});

	KbCountService(SourceService sources, JdbcClient jdbc, Clock clock) {
		this.sources = sources;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The queue sources, by id. */
	@PreAuthorize("hasRole('VIEWER')")
	List<Source> queueSources() {
		return this.sources.overview()
			.stream()
			.map((overview) -> overview.source())
			.filter((source) -> source.kind() == SourceKind.QUEUE)
			.toList();
	}

	/**
	 * The counts of a queue source as they stand: counted (maybe being recounted), still
	 * counting, or failed. Starts a count when there is none or the last one is stale.
	 */
	@PreAuthorize("hasRole('VIEWER')")
	KbState state(Source source) {
		Slot[] created = new Slot[1];
		Slot slot = this.slots.compute(source.id(), (id, current) -> {
			if (current != null && !current.stale) {
				return current;
			}
			created[0] = new Slot(source, (current != null) ? current.result : null,
					(current != null) ? current.countedAt : null, estimate(source.id()), this.clock.instant());
			return created[0];
		});
		if (created[0] != null) {
			// Submitted once it is in the map: the worker skips slots no longer there.
			this.worker.submit(() -> count(created[0]));
		}
		return slot.state();
	}

	/** Drops the cached counts of a source; the next view counts again. */
	@PreAuthorize("hasRole('VIEWER')")
	void refresh(long sourceId) {
		invalidate(sourceId);
	}

	@EventListener
	void on(IngestRunFinished finished) {
		if (finished.kind() == SourceKind.QUEUE) {
			invalidate(finished.sourceId());
		}
	}

	private void invalidate(long sourceId) {
		this.slots.computeIfPresent(sourceId, (id, slot) -> {
			// A count still going on read the files after the run started: let it finish
			// (restarting it on every rescan could starve it), but a finished one is
			// stale.
			if (slot.finished()) {
				slot.stale = true;
			}
			return slot;
		});
	}

	private void count(Slot slot) {
		if (this.slots.get(slot.source.id()) != slot) {
			return;
		}
		slot.started.set(true);
		AtomicLong notes = new AtomicLong();
		try {
			KbCounts counts = KbCensus.count(slot.source.path(), slot.seen, slot.cancelled::get, (note) -> {
				if (notes.incrementAndGet() <= MAX_LOGGED_NOTES) {
					log.info("KB count of source '{}': {}", slot.source.name(), note);
				}
			});
			slot.done(counts, null, this.clock.instant());
		}
		catch (CancellationException ex) {
			slot.done(null, "cancelled", this.clock.instant());
		}
		catch (Exception | OutOfMemoryError ex) {
			log.warn("KB count of source '{}' failed", slot.source.name(), ex);
			slot.done(null, ex.getClass().getSimpleName() + ": " + ex.getMessage(), this.clock.instant());
		}
	}

	/** Files in send/ and defer/ after the source's latest scan, 0 before the first. */
	private long estimate(long sourceId) {
		return this.jdbc.sql("""
				select coalesce(sum(messages), 0) from queue_depth
				where source_id = :id and folder in ('SEND', 'DEFER')
					and at = (select max(at) from queue_depth where source_id = :id)
				""").param("id", sourceId).query(Long.class).single();
	}

	@Override
	public void destroy() throws InterruptedException {
		this.slots.values().forEach((slot) -> slot.cancelled.set(true));
		this.worker.shutdownNow();
		this.worker.awaitTermination(5, TimeUnit.SECONDS);
	}

	/** One source's count: the one being made, or the last one made. */
	private static final class Slot {

		final Source source;

		final AtomicLong seen = new AtomicLong();

		final AtomicBoolean started = new AtomicBoolean();

		final AtomicBoolean cancelled = new AtomicBoolean();

		final long estimate;

		final Instant requestedAt;

		volatile KbCounts result;

		volatile Instant countedAt;

		volatile String problem;

		volatile boolean counting = true;

		volatile boolean stale;

		Slot(Source source, KbCounts previous, Instant previousAt, long estimate, Instant requestedAt) {
			this.source = source;
			this.result = previous;
			this.countedAt = previousAt;
			this.estimate = estimate;
			this.requestedAt = requestedAt;
		}

		boolean finished() {
			return !this.counting;
		}

		synchronized void done(KbCounts counts, String problem, Instant at) {
			if (counts != null) {
				this.result = counts;
				this.countedAt = at;
			}
			this.problem = problem;
			this.counting = false;
		}

		synchronized KbState state() {
			return new KbState(this.source, this.counting, this.started.get(), this.seen.get(), this.estimate,
					this.requestedAt, this.result, this.countedAt, this.problem);
		}

	}

}
