package io.quench.suspect;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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

	private final EvidenceCollector collector;

	private final Map<Key, List<AccountEvidence>> entries = new ConcurrentHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	EvidenceCache(EvidenceCollector collector) {
		this.collector = collector;
	}

	List<AccountEvidence> evidence(Window window, List<String> trustedHosts) {
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
