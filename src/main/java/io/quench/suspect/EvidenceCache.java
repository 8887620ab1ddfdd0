package io.quench.suspect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.quench.source.IngestProgressed;
import io.quench.source.IngestRunFinished;
import io.quench.suspect.EvidenceRepository.Window;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Evidence per window and set of trusted hosts, kept until the next ingest run finishes
 * (any source: queue, logs or directory all change the evidence) or an identity link is
 * added or removed. Thresholds are not part of the key: scoring the cached evidence again
 * is cheap.
 * <p>
 * During a long run the evidence also moves: when a run reports stored progress
 * ({@link IngestProgressed}) the cache is dropped, at most once per
 * {@link #PROGRESS_INVALIDATION} (collecting evidence over 10^6 messages takes a moment,
 * and a run reports every second). Progress reported within that time is not lost: it
 * drops the cache at the first look once the time is up.
 */
@Component
class EvidenceCache {

	/**
	 * Windows kept at most: pages ask for a handful (whole incident, last 24 h, ...);
	 * beyond that the cache starts over rather than growing.
	 */
	static final int MAX_ENTRIES = 16;

	private record Key(Window window, List<String> trustedHosts) {
	}

	/** Drops for progress at most this often. */
	static final Duration PROGRESS_INVALIDATION = Duration.ofSeconds(10);

	private final EvidenceCollector collector;

	private final Clock clock;

	/** When progress last dropped the cache; null before the first time. */
	private Instant lastProgressDrop;

	/** Progress was reported since the last drop. */
	private boolean progressPending;

	private final Map<Key, List<AccountEvidence>> entries = new ConcurrentHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	EvidenceCache(EvidenceCollector collector, Clock clock) {
		this.collector = collector;
		this.clock = clock;
	}

	List<AccountEvidence> evidence(Window window, List<String> trustedHosts) {
		dropForProgressIfDue();
		Key key = new Key(window, List.copyOf(trustedHosts));
		List<AccountEvidence> cached = this.entries.get(key);
		if (cached != null) {
			return cached;
		}
		long before = this.generation.get();
		List<AccountEvidence> fresh = List.copyOf(this.collector.collect(window, TrustedHosts.of(trustedHosts)));
		if (this.entries.size() >= MAX_ENTRIES) {
			this.entries.clear();
		}
		this.entries.put(key, fresh);
		if (this.generation.get() != before) {
			// A run finished while we read: what we read may already be stale.
			this.entries.remove(key);
		}
		return fresh;
	}

	@EventListener
	void on(IngestRunFinished finished) {
		drop();
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
		drop();
	}

	private void drop() {
		this.generation.incrementAndGet();
		this.entries.clear();
	}

	/** A new identity link moves evidence between accounts (after its commit). */
	@TransactionalEventListener(fallbackExecution = true)
	void on(IdentityLinked linked) {
		this.generation.incrementAndGet();
		this.entries.clear();
	}

	/** So does a removed one. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(IdentityUnlinked unlinked) {
		this.generation.incrementAndGet();
		this.entries.clear();
	}

}
