package io.quench.suspect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.quench.source.IngestProgressed;
import io.quench.source.IngestRunFinished;
import io.quench.suspect.EvidenceRepository.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Evidence per window and set of trusted hosts, collected in the background and kept
 * until what it was collected from changes. Thresholds are not part of the key: scoring
 * the cached evidence again is cheap.
 * <p>
 * Collecting evidence over 10^6 messages and 10^7 log events takes seconds (PostgreSQL)
 * to minutes (H2), so nobody should wait for it twice:
 * <ul>
 * <li><b>One collection per key at a time</b>: requests that find one running wait for it
 * instead of starting another.</li>
 * <li><b>A finished run</b> that changed anything ({@link IngestRunFinished#changed()}:
 * not an unchanged rescan) or a changed identity link makes the evidence wrong: it is
 * dropped, and collected again at once, in the background, for the keys used lately, so
 * that the next page finds it ready.</li>
 * <li><b>Progress during a run</b> ({@link IngestProgressed}, at most once per
 * {@link #PROGRESS_INVALIDATION}) makes it only older: the numbers are provisional
 * anyway, so requests get the last collection at once while a new one runs in the
 * background. Progress reported within those 10 s is not lost: it counts at the first
 * look once the time is up.</li>
 * </ul>
 * Pages ask with a bounded wait ({@link #evidence(Window, List, Duration)}) and show
 * "still collecting" instead of hanging; the API waits ({@link #evidence(Window, List)}).
 */
@Component
class EvidenceCache implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EvidenceCache.class);

	/**
	 * Keys kept at most: pages ask for a handful (whole incident, last 24 h, ...); beyond
	 * that the cache starts over rather than growing.
	 */
	static final int MAX_ENTRIES = 16;

	/** Keys collected again after a finished run: the most recently used ones. */
	static final int WARM_KEYS = 4;

	/** Drops for progress at most this often. */
	static final Duration PROGRESS_INVALIDATION = Duration.ofSeconds(10);

	/**
	 * Evidence as collected: when it started, how long it took, and from what generation.
	 */
	record Snapshot(List<AccountEvidence> accounts, Instant collectedAt, Duration took, long generation) {
	}

	/**
	 * What a request gets: the evidence, and whether something newer is being collected.
	 */
	record Lookup(Snapshot snapshot, boolean refreshing) {
	}

	private record Key(Window window, List<String> trustedHosts) {
	}

	private record Flight(long generation, Instant started, CompletableFuture<Snapshot> future) {
	}

	private final EvidenceCollector collector;

	private final Clock clock;

	private final Executor executor;

	/** When progress last dropped the cache; null before the first time. */
	private Instant lastProgressDrop;

	/** Progress was reported since the last drop. */
	private boolean progressPending;

	private final Map<Key, Snapshot> entries = new ConcurrentHashMap<>();

	private final Map<Key, Flight> flights = new ConcurrentHashMap<>();

	/** Keys by last use, newest last (guarded by itself). */
	private final LinkedHashMap<Key, Boolean> recent = new LinkedHashMap<>(16, 0.75f, true);

	/** Goes up whenever the evidence moves (progress, finished runs, links). */
	private final AtomicLong generation = new AtomicLong();

	/**
	 * The generation of the last hard drop: a snapshot collected before it is wrong, one
	 * collected at or after it is at worst older (and may be shown while refreshing).
	 */
	private volatile long validFrom;

	@Autowired
	EvidenceCache(EvidenceCollector collector, Clock clock) {
		this(collector, clock, newExecutor());
	}

	EvidenceCache(EvidenceCollector collector, Clock clock, Executor executor) {
		this.collector = collector;
		this.clock = clock;
		this.executor = executor;
	}

	private static ExecutorService newExecutor() {
		AtomicInteger count = new AtomicInteger();
		// Two: a second window (or a trusted-host change) does not queue behind the
		// first.
		return Executors.newFixedThreadPool(2, (runnable) -> {
			Thread thread = new Thread(runnable, "evidence-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** The evidence, waiting for a collection as long as it takes. */
	List<AccountEvidence> evidence(Window window, List<String> trustedHosts) {
		Lookup lookup = lookup(window, trustedHosts, null);
		return lookup.snapshot().accounts();
	}

	/**
	 * The evidence if it is ready within {@code wait}; empty while a first collection is
	 * still running.
	 */
	Optional<Lookup> evidence(Window window, List<String> trustedHosts, Duration wait) {
		Lookup lookup = lookup(window, trustedHosts, wait);
		return Optional.ofNullable((lookup.snapshot() != null) ? lookup : null);
	}

	/** When the collection now running for this key started; null when none runs. */
	Instant collectingSince(Window window, List<String> trustedHosts) {
		Flight flight = this.flights.get(new Key(window, List.copyOf(trustedHosts)));
		return (flight != null && !flight.future().isDone()) ? flight.started() : null;
	}

	/** How long the last collection of this key took; null when there was none. */
	Duration lastTook(Window window, List<String> trustedHosts) {
		Snapshot snapshot = this.entries.get(new Key(window, List.copyOf(trustedHosts)));
		return (snapshot != null) ? snapshot.took() : null;
	}

	/** Starts collecting this key in the background unless it is fresh or on its way. */
	void warmUp(Window window, List<String> trustedHosts) {
		Key key = new Key(window, List.copyOf(trustedHosts));
		touch(key);
		long current = this.generation.get();
		Snapshot snapshot = this.entries.get(key);
		if (snapshot == null || snapshot.generation() != current) {
			flight(key, current);
		}
	}

	private Lookup lookup(Window window, List<String> trustedHosts, Duration wait) {
		dropForProgressIfDue();
		Key key = new Key(window, List.copyOf(trustedHosts));
		touch(key);
		long current = this.generation.get();
		Snapshot snapshot = this.entries.get(key);
		if (snapshot != null && snapshot.generation() == current) {
			return new Lookup(snapshot, false);
		}
		Flight flight = flight(key, current);
		if (snapshot != null && snapshot.generation() >= this.validFrom) {
			// Older (progress since), not wrong: show it while the new one is collected.
			return new Lookup(snapshot, true);
		}
		return new Lookup(await(flight.future(), wait), false);
	}

	private void touch(Key key) {
		synchronized (this.recent) {
			this.recent.put(key, Boolean.TRUE);
			if (this.recent.size() > MAX_ENTRIES) {
				this.recent.remove(this.recent.keySet().iterator().next());
			}
		}
	}

	/** The collection of this key for this generation or a later one, started if none. */
	private Flight flight(Key key, long current) {
		Flight[] started = new Flight[1];
		Flight flight = this.flights.compute(key, (k, running) -> {
			if (running != null && running.generation() >= current && !running.future().isDone()) {
				return running;
			}
			started[0] = new Flight(current, this.clock.instant(), new CompletableFuture<>());
			if (running != null && !running.future().isDone()) {
				// Superseded: whoever waits for the older one gets the newer one (unless
				// the
				// older one, already reading, ends first).
				started[0].future().whenComplete((snapshot, failure) -> {
					if (failure != null) {
						running.future().completeExceptionally(failure);
					}
					else {
						running.future().complete(snapshot);
					}
				});
			}
			return started[0];
		});
		if (started[0] != null) {
			try {
				this.executor.execute(() -> collect(key, started[0]));
			}
			catch (RuntimeException ex) {
				// Shut down (context closing): nobody will be served any more.
				started[0].future().completeExceptionally(ex);
				this.flights.remove(key, started[0]);
			}
		}
		return flight;
	}

	private void collect(Key key, Flight flight) {
		if (this.flights.get(key) != flight) {
			// Superseded before it started (a run finished while it queued): the newer
			// one
			// answers its waiters.
			return;
		}
		long start = System.nanoTime();
		try {
			List<AccountEvidence> accounts = List
				.copyOf(this.collector.collect(key.window(), TrustedHosts.of(key.trustedHosts())));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			Snapshot snapshot = new Snapshot(accounts, flight.started(), took, flight.generation());
			if (flight.generation() >= this.validFrom) {
				if (this.entries.size() >= MAX_ENTRIES && !this.entries.containsKey(key)) {
					this.entries.clear();
				}
				this.entries.merge(key, snapshot,
						(old, fresh) -> (fresh.generation() >= old.generation()) ? fresh : old);
			}
			if (took.toMillis() >= 1000) {
				log.info("Evidence for {} collected in {} ms ({} accounts)", key.window(), took.toMillis(),
						accounts.size());
			}
			flight.future().complete(snapshot);
		}
		catch (Throwable ex) {
			flight.future().completeExceptionally(ex);
		}
		finally {
			this.flights.remove(key, flight);
		}
	}

	private static Snapshot await(CompletableFuture<Snapshot> future, Duration wait) {
		try {
			return (wait != null) ? future.get(wait.toMillis(), TimeUnit.MILLISECONDS) : future.get();
		}
		catch (TimeoutException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the evidence", ex);
		}
		catch (CancellationException ex) {
			throw new IllegalStateException("evidence collection cancelled", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	@EventListener
	void on(IngestRunFinished finished) {
		if (finished.changed()) {
			dropAndRecollect();
		}
	}

	@EventListener
	void on(IngestProgressed progressed) {
		synchronized (this) {
			this.progressPending = true;
		}
		dropForProgressIfDue();
	}

	private void dropForProgressIfDue() {
		synchronized (this) {
			if (!this.progressPending) {
				return;
			}
			Instant now = this.clock.instant();
			if (this.lastProgressDrop != null && now.isBefore(this.lastProgressDrop.plus(PROGRESS_INVALIDATION))) {
				return;
			}
			this.lastProgressDrop = now;
			this.progressPending = false;
		}
		// Older, not wrong.
		this.generation.incrementAndGet();
	}

	/** A new identity link moves evidence between accounts (after its commit). */
	@TransactionalEventListener(fallbackExecution = true)
	void on(IdentityLinked linked) {
		dropAndRecollect();
	}

	/** So does a removed one. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(IdentityUnlinked unlinked) {
		dropAndRecollect();
	}

	private void dropAndRecollect() {
		long current;
		synchronized (this) {
			current = this.generation.incrementAndGet();
			this.validFrom = current;
		}
		this.entries.clear();
		List<Key> keys;
		synchronized (this.recent) {
			keys = new ArrayList<>(this.recent.keySet());
		}
		for (Key key : keys.subList(Math.max(0, keys.size() - WARM_KEYS), keys.size())) {
			flight(key, current);
		}
	}

	@Override
	public void destroy() {
		if (this.executor instanceof ExecutorService service) {
			service.shutdownNow();
		}
	}

}
