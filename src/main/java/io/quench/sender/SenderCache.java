package io.quench.sender;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;

import io.quench.cache.BackgroundCache;
import io.quench.db.BulkWriter;
import io.quench.source.IngestProgressed;
import io.quench.source.IngestRunFinished;
import io.quench.source.SourceKind;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tables of top senders per filter ({@link SenderQuery#filter()}), computed in the
 * background ({@link BackgroundCache}): each is three passes over every queued message
 * (10^6 during an incident: seconds on PostgreSQL, half a minute on H2), while operators
 * and htmx ask for the same few pages again and again; every sort and page of a filter is
 * cut from one table.
 * <ul>
 * <li>A queue scan that changed anything drops the tables and computes the ones used
 * lately again at once; an unchanged rescan keeps them.</li>
 * <li>Stored progress of a queue scan (at most once per {@link #PROGRESS_INVALIDATION})
 * and, on PostgreSQL, age ({@link #MAX_AGE} after a table was ready: a scan run by
 * another instance sharing the database publishes no event here) make a table older: it
 * is served while a newer one is computed.</li>
 * </ul>
 */
@Component
class SenderCache implements DisposableBean {

	/** Filters kept at most. */
	static final int MAX_ENTRIES = 32;

	/** Filters computed again after a change: the most recently used ones. */
	static final int WARM_KEYS = 4;

	/** How old a table may get when no event says the queue changed. */
	static final Duration MAX_AGE = Duration.ofSeconds(30);

	/** Counts progress at most this often (a scan reports every second). */
	static final Duration PROGRESS_INVALIDATION = Duration.ofSeconds(10);

	private final BackgroundCache<SenderQuery, List<SenderRow>> cache;

	@Autowired
	SenderCache(SenderRepository repository, Clock clock, BulkWriter database) {
		// An embedded H2 file is this instance's alone: nothing changes behind its back.
		this(repository::table, clock, BackgroundCache.threads("senders", 1), database.postgres() ? MAX_AGE : null);
	}

	SenderCache(Function<SenderQuery, List<SenderRow>> loader, Clock clock, Executor executor, Duration maxAge) {
		this.cache = new BackgroundCache<>("Top senders", (filter) -> List.copyOf(loader.apply(filter)), clock,
				executor, MAX_ENTRIES, WARM_KEYS, maxAge, PROGRESS_INVALIDATION);
	}

	/** Every sender matching the query's filters, by total (waits for a first table). */
	List<SenderRow> table(SenderQuery query) {
		return this.cache.get(query.filter());
	}

	/** Starts computing the table of these filters unless it is current or on its way. */
	void warmUp(SenderQuery query) {
		this.cache.warmUp(query.filter());
	}

	int size() {
		return this.cache.size();
	}

	@EventListener
	void on(IngestRunFinished finished) {
		if (finished.kind() == SourceKind.QUEUE) {
			this.cache.scanFinished(finished.changed());
		}
	}

	@EventListener
	void on(IngestProgressed progressed) {
		if (progressed.kind() != SourceKind.QUEUE) {
			return;
		}
		this.cache.progressed();
	}

	@Override
	public void destroy() {
		this.cache.close();
	}

}
