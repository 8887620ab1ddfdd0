package io.quench.suspect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import io.quench.cache.BackgroundCache;
import io.quench.db.BulkWriter;
import io.quench.source.IngestProgressed;
import io.quench.source.IngestRunFinished;
import io.quench.suspect.EvidenceRepository.Window;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Evidence per window and set of trusted hosts, collected in the background and kept
 * until what it was collected from changes ({@link BackgroundCache}). Thresholds are not
 * part of the key: scoring the cached evidence again is cheap.
 * <ul>
 * <li>A finished run that changed anything ({@link IngestRunFinished#changed()}: not an
 * unchanged rescan) or a changed identity link makes the evidence wrong: it is dropped
 * and collected again at once for the {@link #WARM_KEYS} keys used lately.</li>
 * <li>Stored progress during a run ({@link IngestProgressed}, counted at most once per
 * {@link #PROGRESS_INVALIDATION}) makes it only older: requests get the last collection
 * at once while a newer one is collected. Progress reported within those 10 s is not
 * lost: it counts at the first look once the time is up.</li>
 * </ul>
 * Pages ask with a bounded wait ({@link #evidence(Window, List, Duration)}) and show
 * "still collecting" instead of hanging; the API waits ({@link #evidence(Window, List)}).
 */
@Component
class EvidenceCache implements DisposableBean {

	/** Keys kept at most (whole incident, last 24 h, a trusted-host change, ...). */
	static final int MAX_ENTRIES = 16;

	/** Keys collected again after a change: the most recently used ones. */
	static final int WARM_KEYS = 4;

	/**
	 * On PostgreSQL, evidence this long after it was ready is served while a newer one is
	 * collected: a scan run by another instance sharing the database publishes no event
	 * here.
	 */
	static final Duration MAX_AGE = Duration.ofSeconds(60);

	/** Counts progress at most this often. */
	static final Duration PROGRESS_INVALIDATION = Duration.ofSeconds(10);

	record Key(Window window, List<String> trustedHosts) {

		Key {
			trustedHosts = List.copyOf(trustedHosts);
		}

	}

	private final BackgroundCache<Key, List<AccountEvidence>> cache;

	@Autowired
	EvidenceCache(EvidenceCollector collector, Clock clock, BulkWriter database) {
		// Two threads: a second window (or a trusted-host change) does not queue behind
		// the
		// first. An embedded H2 file is this instance's alone; on PostgreSQL other
		// instances
		// may scan: their changes are seen within MAX_AGE (plus a collection).
		this(collector, clock, BackgroundCache.threads("evidence", 2), database.postgres() ? MAX_AGE : null);
	}

	EvidenceCache(EvidenceCollector collector, Clock clock, Executor executor, Duration maxAge) {
		this.cache = new BackgroundCache<>("Evidence",
				(key) -> List.copyOf(collector.collect(key.window(), TrustedHosts.of(key.trustedHosts()))), clock,
				executor, MAX_ENTRIES, WARM_KEYS, maxAge, PROGRESS_INVALIDATION);
	}

	/** The evidence, waiting for a collection as long as it takes. */
	List<AccountEvidence> evidence(Window window, List<String> trustedHosts) {
		return this.cache.get(new Key(window, trustedHosts));
	}

	/**
	 * The evidence if there is some within {@code wait}; empty while a first collection
	 * is still running.
	 */
	Optional<BackgroundCache.Lookup<List<AccountEvidence>>> evidence(Window window, List<String> trustedHosts,
			Duration wait) {
		return this.cache.get(new Key(window, trustedHosts), wait);
	}

	/** When the collection now running for this key started; null when none runs. */
	Instant collectingSince(Window window, List<String> trustedHosts) {
		return this.cache.computingSince(new Key(window, trustedHosts));
	}

	/** How long the last collection of this key took; null when there was none. */
	Duration lastTook(Window window, List<String> trustedHosts) {
		return this.cache.lastTook(new Key(window, trustedHosts));
	}

	/**
	 * Counts this key as used lately (collected again after changes) without collecting
	 * it.
	 */
	void remember(Window window, List<String> trustedHosts) {
		this.cache.remember(new Key(window, trustedHosts));
	}

	/**
	 * Starts collecting this key in the background unless it is current or on its way.
	 */
	void warmUp(Window window, List<String> trustedHosts) {
		this.cache.warmUp(new Key(window, trustedHosts));
	}

	@EventListener
	void on(IngestRunFinished finished) {
		this.cache.scanFinished(finished.changed());
	}

	@EventListener
	void on(IngestProgressed progressed) {
		this.cache.progressed();
	}

	/** A new identity link moves evidence between accounts (after its commit). */
	@TransactionalEventListener(fallbackExecution = true)
	void on(IdentityLinked linked) {
		this.cache.dropAndReload();
	}

	/** So does a removed one. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(IdentityUnlinked unlinked) {
		this.cache.dropAndReload();
	}

	@Override
	public void destroy() {
		this.cache.close();
	}

}
