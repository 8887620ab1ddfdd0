package io.quench.cache;

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
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Values that take seconds to minutes to compute (aggregations over 10^6 queued messages
 * and 10^7 log events), computed in the background and kept per key:
 * <ul>
 * <li><b>One computation per key at a time</b>: callers that find one running wait for it
 * instead of starting another. One overtaken by a newer one before it started is skipped,
 * and its callers get the newer one.</li>
 * <li><b>{@link #dropAndReload()}</b> (what it was computed from changed): values are
 * dropped and never served again, and the keys used lately are computed again at once, so
 * that the next caller finds them ready.</li>
 * <li><b>{@link #older()}</b> (it moved, but numbers that are a few seconds old are still
 * useful, e.g. during a scan): callers get the last value at once while a newer one is
 * computed. So does a value older than the {@code maxAge} given (for changes this
 * instance hears nothing about, such as another instance's scans).</li>
 * <li>Callers that cannot wait ({@link #get(Object, Duration)}, pages) hear "still
 * computing" with when it started, instead of hanging.</li>
 * </ul>
 * Thread-safe. Values should be immutable.
 *
 * @param <K> the key (a record: equals and hashCode)
 * @param <V> the value
 */
public final class BackgroundCache<K, V> {

	private static final Logger log = LoggerFactory.getLogger(BackgroundCache.class);

	/**
	 * A computed value: when its computation started, how long it took, its generation.
	 */
	public record Snapshot<V>(V value, Instant collectedAt, Duration took, long generation) {
	}

	/** What a caller gets: a value, and whether a newer one is being computed. */
	public record Lookup<V>(Snapshot<V> snapshot, boolean refreshing) {
	}

	private record Flight<V>(long generation, Instant started, CompletableFuture<Snapshot<V>> future) {
	}

	private final String name;

	private final Function<K, V> loader;

	private final Clock clock;

	private final Executor executor;

	private final int maxEntries;

	private final int warmKeys;

	private final Duration maxAge;

	private final Duration progressInterval;

	/** When progress last counted; null before the first time (guarded by this). */
	private Instant lastProgress;

	/** Progress was reported since it last counted (guarded by this). */
	private boolean progressPending;

	private final Map<K, Snapshot<V>> entries = new ConcurrentHashMap<>();

	private final Map<K, Flight<V>> flights = new ConcurrentHashMap<>();

	/** Keys by last use, newest last (guarded by itself). */
	private final LinkedHashMap<K, Boolean> recent = new LinkedHashMap<>(16, 0.75f, true);

	private final AtomicLong generation = new AtomicLong();

	/**
	 * The generation of the last {@link #dropAndReload()}: values computed before it are
	 * wrong, values computed at or after it at worst older.
	 */
	private volatile long validFrom;

	/**
	 * @param name for the log
	 * @param loader computes a key's value (on the executor's threads)
	 * @param executor where computations run ({@link #threads}, or {@code Runnable::run}
	 * in tests)
	 * @param maxEntries keys kept at most (beyond that the cache starts over)
	 * @param warmKeys keys computed again after {@link #dropAndReload()}: the ones used
	 * last
	 * @param maxAge after this long since a value was ready it is served as older and
	 * computed again; null for never
	 * @param progressInterval {@link #progressed()} counts at most this often
	 */
	public BackgroundCache(String name, Function<K, V> loader, Clock clock, Executor executor, int maxEntries,
			int warmKeys, Duration maxAge, Duration progressInterval) {
		this.name = name;
		this.loader = loader;
		this.clock = clock;
		this.executor = executor;
		this.maxEntries = maxEntries;
		this.warmKeys = warmKeys;
		this.maxAge = maxAge;
		this.progressInterval = progressInterval;
	}

	/** Daemon threads for computations, named {@code name-N}. */
	public static ExecutorService threads(String name, int count) {
		AtomicInteger number = new AtomicInteger();
		return Executors.newFixedThreadPool(count, (runnable) -> {
			Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** The value, waiting for a computation as long as it takes. */
	public V get(K key) {
		return lookup(key, null).snapshot().value();
	}

	/**
	 * The value if there is one within {@code wait}; empty while a first one is computed.
	 */
	public Optional<Lookup<V>> get(K key, Duration wait) {
		Lookup<V> lookup = lookup(key, wait);
		return Optional.ofNullable((lookup.snapshot() != null) ? lookup : null);
	}

	/** When the computation now running for this key started; null when none runs. */
	public Instant computingSince(K key) {
		Flight<V> flight = this.flights.get(key);
		return (flight != null && !flight.future().isDone()) ? flight.started() : null;
	}

	/** How long the last computation of this key took; null when there was none. */
	public Duration lastTook(K key) {
		Snapshot<V> snapshot = this.entries.get(key);
		return (snapshot != null) ? snapshot.took() : null;
	}

	/**
	 * Counts this key as used lately (computed again after changes) without computing it.
	 */
	public void remember(K key) {
		touch(key);
	}

	/** Starts computing this key in the background unless it is current or on its way. */
	public void warmUp(K key) {
		touch(key);
		long current = this.generation.get();
		Snapshot<V> snapshot = this.entries.get(key);
		if (snapshot == null || snapshot.generation() != current) {
			flight(key, current);
		}
	}

	/** {@link #warmUp} for the keys used lately. */
	public void warmUpRecent() {
		for (K key : recentKeys()) {
			warmUp(key);
		}
	}

	/** The values moved: serve them as older while newer ones are computed on demand. */
	public void older() {
		this.generation.incrementAndGet();
	}

	/**
	 * A scan stored more: {@link #older()}, at most once per {@code progressInterval}
	 * (scans report every second). Progress reported within that time is not lost: it
	 * counts at the first look once the time is up.
	 */
	public void progressed() {
		synchronized (this) {
			this.progressPending = true;
		}
		olderIfProgressDue();
	}

	private void olderIfProgressDue() {
		synchronized (this) {
			if (!this.progressPending) {
				return;
			}
			Instant now = this.clock.instant();
			if (this.lastProgress != null && now.isBefore(this.lastProgress.plus(this.progressInterval))) {
				return;
			}
			this.lastProgress = now;
			this.progressPending = false;
		}
		older();
	}

	/**
	 * A scan ended: if it changed something the values are wrong
	 * ({@link #dropAndReload()}); if not, keys only remembered so far (at start-up) are
	 * computed now ({@link #warmUpRecent()}).
	 */
	public void scanFinished(boolean changed) {
		if (changed) {
			dropAndReload();
		}
		else {
			warmUpRecent();
		}
	}

	/** The values are wrong: drop them and compute the keys used lately again at once. */
	public void dropAndReload() {
		long current;
		synchronized (this) {
			current = this.generation.incrementAndGet();
			this.validFrom = current;
		}
		this.entries.clear();
		for (K key : recentKeys()) {
			flight(key, current);
		}
	}

	/**
	 * Stops the computations' threads (when the executor is an {@link ExecutorService}).
	 */
	public void close() {
		if (this.executor instanceof ExecutorService service) {
			service.shutdownNow();
		}
	}

	/** Keys with a value (for tests and the log). */
	public int size() {
		return this.entries.size();
	}

	private Lookup<V> lookup(K key, Duration wait) {
		olderIfProgressDue();
		touch(key);
		long current = this.generation.get();
		Snapshot<V> snapshot = this.entries.get(key);
		if (snapshot != null && snapshot.generation() == current && !expired(snapshot)) {
			return new Lookup<>(snapshot, false);
		}
		// (An aged value's own computation is done: any running one is newer.)
		Flight<V> flight = flight(key, current);
		if (snapshot != null && snapshot.generation() >= this.validFrom) {
			// Older (or aged), not wrong: serve it while the newer one is computed.
			return new Lookup<>(snapshot, true);
		}
		return new Lookup<>(await(flight.future(), wait), false);
	}

	private boolean expired(Snapshot<V> snapshot) {
		return this.maxAge != null
				&& !this.clock.instant().isBefore(snapshot.collectedAt().plus(snapshot.took()).plus(this.maxAge));
	}

	private void touch(K key) {
		synchronized (this.recent) {
			this.recent.put(key, Boolean.TRUE);
			if (this.recent.size() > this.maxEntries) {
				this.recent.remove(this.recent.keySet().iterator().next());
			}
		}
	}

	private List<K> recentKeys() {
		List<K> keys;
		synchronized (this.recent) {
			keys = new ArrayList<>(this.recent.keySet());
		}
		return keys.subList(Math.max(0, keys.size() - this.warmKeys), keys.size());
	}

	/**
	 * The computation of this key for this generation or a later one, started if none.
	 */
	private Flight<V> flight(K key, long current) {
		@SuppressWarnings("unchecked")
		Flight<V>[] started = new Flight[1];
		Flight<V> flight = this.flights.compute(key, (k, running) -> {
			if (running != null && running.generation() >= current && !running.future().isDone()) {
				return running;
			}
			started[0] = new Flight<>(current, this.clock.instant(), new CompletableFuture<>());
			if (running != null && !running.future().isDone()) {
				// Overtaken: whoever waits for the older one gets the newer one (unless
				// the
				// older one, already computing, ends first).
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
				this.executor.execute(() -> compute(key, started[0]));
			}
			catch (RuntimeException ex) {
				// Shut down (context closing): nobody will be served any more.
				started[0].future().completeExceptionally(ex);
				this.flights.remove(key, started[0]);
			}
		}
		return flight;
	}

	private void compute(K key, Flight<V> flight) {
		if (this.flights.get(key) != flight) {
			// Overtaken before it started: the newer one answers its callers.
			return;
		}
		long start = System.nanoTime();
		try {
			V value = this.loader.apply(key);
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			Snapshot<V> snapshot = new Snapshot<>(value, flight.started(), took, flight.generation());
			if (flight.generation() >= this.validFrom) {
				if (this.entries.size() >= this.maxEntries && !this.entries.containsKey(key)) {
					this.entries.clear();
				}
				this.entries.merge(key, snapshot,
						(old, fresh) -> (fresh.generation() >= old.generation()) ? fresh : old);
			}
			if (took.toMillis() >= 1000) {
				log.info("{} for {} computed in {} ms", this.name, key, took.toMillis());
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

	private static <V> Snapshot<V> await(CompletableFuture<Snapshot<V>> future, Duration wait) {
		try {
			return (wait != null) ? future.get(wait.toMillis(), TimeUnit.MILLISECONDS) : future.get();
		}
		catch (TimeoutException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for a computation", ex);
		}
		catch (CancellationException ex) {
			throw new IllegalStateException("computation cancelled", ex);
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

}
