package io.quench.sender;

import java.time.Duration;
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

/** Pages of top senders are reused until the queue changes, and never for long. */
class SenderCacheTests {

	final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));

	final SenderCache cache = new SenderCache(this.clock);

	final AtomicInteger loads = new AtomicInteger();

	final SenderQuery query = new SenderQuery(SenderQuery.Queue.ALL, null, null, null, null, SenderQuery.Sort.TOTAL, 0);

	SenderPage load() {
		this.loads.incrementAndGet();
		return new SenderPage(List.of(), 0, this.loads.get());
	}

	SenderPage page() {
		return this.cache.page(this.query, this::load);
	}

	@Test
	void aPageIsLoadedOnceUntilItIsTooOld() {
		page();
		page();
		assertThat(this.loads).hasValue(1);
		this.clock.advance(SenderCache.MAX_AGE);
		assertThat(page().totalSenders()).isEqualTo(2);
	}

	@Test
	void aFinishedQueueScanDropsThePagesAndALogScanDoesNot() {
		page();
		this.cache.on(new IngestRunFinished(1, 1, SourceKind.POA_LOG, IngestRun.Status.SUCCEEDED));
		page();
		assertThat(this.loads).hasValue(1);
		this.cache.on(new IngestRunFinished(2, 2, SourceKind.QUEUE, IngestRun.Status.SUCCEEDED));
		page();
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void anUnchangedQueueRescanKeepsThePages() {
		page();
		this.cache.on(new IngestRunFinished(3, 2, SourceKind.QUEUE, IngestRun.Status.SUCCEEDED, false));
		page();
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void progressOfAQueueScanDropsThePagesAtMostEveryTenSeconds() {
		page();
		this.cache.on(new IngestProgressed(1, 1, SourceKind.QUEUE, 1000));
		page();
		assertThat(this.loads).hasValue(2);
		this.clock.advance(Duration.ofSeconds(5));
		this.cache.on(new IngestProgressed(1, 1, SourceKind.QUEUE, 2000));
		page();
		assertThat(this.loads).hasValue(2);
		this.clock.advance(SenderCache.PROGRESS_INVALIDATION);
		this.cache.on(new IngestProgressed(1, 1, SourceKind.QUEUE, 3000));
		page();
		assertThat(this.loads).hasValue(3);
	}

	@Test
	void theCacheHoldsAtMostItsBound() {
		for (int i = 0; i < SenderCache.MAX_ENTRIES + 3; i++) {
			SenderQuery other = new SenderQuery(SenderQuery.Queue.ALL, null, null, null, null, SenderQuery.Sort.TOTAL,
					i);
			this.cache.page(other, this::load);
		}
		assertThat(this.cache.size()).isEqualTo(SenderCache.MAX_ENTRIES);
	}

}
