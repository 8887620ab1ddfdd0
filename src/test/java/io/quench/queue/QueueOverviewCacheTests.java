package io.quench.queue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.quench.source.IngestProgressed;
import io.quench.source.IngestRun;
import io.quench.source.IngestRunFinished;
import io.quench.source.SourceKind;
import io.quench.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Queues page's counts are made once per filter until a queue scan changes something.
 */
class QueueOverviewCacheTests {

	final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));

	final AtomicInteger loads = new AtomicInteger();

	final QueueOverviewCache cache = new QueueOverviewCache((query) -> {
		this.loads.incrementAndGet();
		return new QueueOverviewCache.Counts(List.of(), new AgeDistribution(List.of(), null, null), null);
	}, this.clock, Runnable::run, null);

	final QueueOverviewQuery all = new QueueOverviewQuery(null, null, null, null, null);

	@Test
	void countsAreMadeOncePerFilterUntilAQueueScanChangesSomething() {
		this.cache.counts(this.all);
		this.cache.counts(this.all);
		assertThat(this.loads).hasValue(1);
		this.cache.on(new IngestRunFinished(1, 1, SourceKind.POA_LOG, IngestRun.Status.SUCCEEDED));
		this.cache.on(new IngestRunFinished(2, 2, SourceKind.QUEUE, IngestRun.Status.SUCCEEDED, false));
		this.cache.on(new IngestProgressed(3, 1, SourceKind.POA_LOG, 1000));
		this.cache.counts(this.all);
		assertThat(this.loads).hasValue(1);
		this.cache.on(new IngestRunFinished(4, 2, SourceKind.QUEUE, IngestRun.Status.SUCCEEDED));
		// Made again at once for the filter looked at, before the next request.
		assertThat(this.loads).hasValue(2);
		this.cache.counts(this.all);
		assertThat(this.loads).hasValue(2);
	}

}
