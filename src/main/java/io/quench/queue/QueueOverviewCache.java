package io.quench.queue;

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
 * The Queues page's counts over the queued messages (top senders now, age classes, queued
 * per hour) per filter, computed in the background ({@link BackgroundCache}): four passes
 * over 10^6 messages took about 3 s per request on H2. Only filters someone looked at are
 * computed again after a queue scan that changed something; progress of a scan and, on
 * PostgreSQL, 30 s of age make them older (served while a newer one is computed). The
 * depth series is not cached: it is a short read of {@code queue_depth}.
 */
@Component
class QueueOverviewCache implements DisposableBean {

	static final int MAX_ENTRIES = 16;

	static final int WARM_KEYS = 2;

	static final Duration MAX_AGE = Duration.ofSeconds(30);

	static final Duration PROGRESS_INVALIDATION = Duration.ofSeconds(10);

	/** The counts, as of when they were made ({@code ages} is relative to then). */
	record Counts(List<QueueSender> topSenders, AgeDistribution ages, BurstRule.Burst burst) {
	}

	private final BackgroundCache<QueueOverviewQuery, Counts> cache;

	@Autowired
	QueueOverviewCache(QueueOverviewRepository repository, Clock clock, BulkWriter database) {
		this(loader(repository, clock), clock, BackgroundCache.threads("queue-overview", 1),
				database.postgres() ? MAX_AGE : null);
	}

	/** Four passes over the present messages. */
	static Function<QueueOverviewQuery, Counts> loader(QueueOverviewRepository repository, Clock clock) {
		return (query) -> new Counts(repository.topSendersNow(query), repository.ages(query, clock.instant()),
				BurstRule.start(repository.queuedPerHour(query)).orElse(null));
	}

	QueueOverviewCache(Function<QueueOverviewQuery, Counts> loader, Clock clock, Executor executor, Duration maxAge) {
		this.cache = new BackgroundCache<>("Queue overview", loader, clock, executor, MAX_ENTRIES, WARM_KEYS, maxAge,
				PROGRESS_INVALIDATION);
	}

	Counts counts(QueueOverviewQuery query) {
		return this.cache.get(query);
	}

	@EventListener
	void on(IngestRunFinished finished) {
		if (finished.kind() == SourceKind.QUEUE) {
			this.cache.scanFinished(finished.changed());
		}
	}

	@EventListener
	void on(IngestProgressed progressed) {
		if (progressed.kind() == SourceKind.QUEUE) {
			this.cache.progressed();
		}
	}

	@Override
	public void destroy() {
		this.cache.close();
	}

}
