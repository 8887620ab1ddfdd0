package io.quench.sender;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.quench.source.IngestProgressed;
import io.quench.source.IngestRunFinished;
import io.quench.source.SourceKind;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Pages of top senders kept until the queue changes: each page is a pass over every
 * queued message (10^6 during an incident), while operators and htmx ask for the same few
 * pages again and again. Dropped when a queue scan finishes, at most every
 * {@link #PROGRESS_INVALIDATION} while a scan stores progress, and in any case after
 * {@link #MAX_AGE} (a scan run by another instance sharing the database publishes no
 * event here).
 */
@Component
class SenderCache {

	/** Pages kept at most (filters, sorts and pages the operators are looking at). */
	static final int MAX_ENTRIES = 32;

	/** How stale a page may get when no event says the queue changed. */
	static final Duration MAX_AGE = Duration.ofSeconds(30);

	/** Drops for progress at most this often (a scan reports every second). */
	static final Duration PROGRESS_INVALIDATION = Duration.ofSeconds(10);

	private record Entry(SenderPage page, Instant at) {
	}

	private final Clock clock;

	private final Map<SenderQuery, Entry> entries = new LinkedHashMap<>();

	private Instant lastProgressDrop;

	private long generation;

	SenderCache(Clock clock) {
		this.clock = clock;
	}

	SenderPage page(SenderQuery query, Supplier<SenderPage> load) {
		long before;
		synchronized (this) {
			Entry entry = this.entries.get(query);
			if (entry != null && this.clock.instant().isBefore(entry.at().plus(MAX_AGE))) {
				return entry.page();
			}
			before = this.generation;
		}
		Instant started = this.clock.instant();
		SenderPage page = load.get();
		synchronized (this) {
			if (this.generation == before) {
				if (this.entries.size() >= MAX_ENTRIES) {
					this.entries.remove(this.entries.keySet().iterator().next());
				}
				this.entries.put(query, new Entry(page, started));
			}
		}
		return page;
	}

	synchronized int size() {
		return this.entries.size();
	}

	@EventListener
	synchronized void on(IngestRunFinished finished) {
		if (finished.kind() == SourceKind.QUEUE && finished.changed()) {
			drop();
		}
	}

	@EventListener
	synchronized void on(IngestProgressed progressed) {
		if (progressed.kind() != SourceKind.QUEUE) {
			return;
		}
		Instant now = this.clock.instant();
		if (this.lastProgressDrop == null || !now.isBefore(this.lastProgressDrop.plus(PROGRESS_INVALIDATION))) {
			this.lastProgressDrop = now;
			drop();
		}
	}

	private void drop() {
		this.generation++;
		this.entries.clear();
	}

}
