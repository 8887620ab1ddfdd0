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

/**
 * Tables of top senders are reused until the queue changes, served older while a newer
 * one is computed, and shared by every sort and page of a filter.
 */
class SenderCacheTests {

	final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));

	final AtomicInteger loads = new AtomicInteger();

	/** Computations run on the calling thread: each step is deterministic. */
	final SenderCache cache = new SenderCache(this::load, this.clock, Runnable::run, SenderCache.MAX_AGE);

	final SenderQuery query = SenderQuery.all();

	List<SenderRow> load(SenderQuery filter) {
		assertThat(filter).isEqualTo(filter.filter());
		int n = this.loads.incrementAndGet();
		return List.of(new SenderRow("load" + n + "@example.org", n, 0, n, 1, this.clock.instant(),
				this.clock.instant(), null));
	}

	String table() {
		return this.cache.table(this.query).get(0).sender();
	}

	@Test
	void everySortAndPageOfAFilterIsCutFromOneTable() {
		this.cache.table(this.query);
		this.cache.table(this.query.withPage(3));
		this.cache.table(new SenderQuery(SenderQuery.Queue.ALL, null, null, null, null, SenderQuery.Sort.DOMAINS, 1));
		assertThat(this.loads).hasValue(1);
		this.cache.table(new SenderQuery(SenderQuery.Queue.DEFER, null, null, null, null, SenderQuery.Sort.TOTAL, 0));
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void anAgedTableIsServedWhileANewerOneIsComputed() {
		assertThat(table()).isEqualTo("load1@example.org");
		this.clock.advance(SenderCache.MAX_AGE.minusSeconds(1));
		assertThat(table()).isEqualTo("load1@example.org");
		assertThat(this.loads).hasValue(1);
		// (Age counts from when the table was ready: the computation's own time is
		// added.)
		this.clock.advance(Duration.ofSeconds(2));
		// The aged one answers; the newer one (computed here at once) answers next time.
		assertThat(table()).isEqualTo("load1@example.org");
		assertThat(this.loads).hasValue(2);
		assertThat(table()).isEqualTo("load2@example.org");
	}

	@Test
	void aChangedQueueScanRecomputesTheTablesAtOnceAndALogScanDoesNothing() {
		table();
		this.cache.on(new IngestRunFinished(1, 1, SourceKind.POA_LOG, IngestRun.Status.SUCCEEDED));
		assertThat(this.loads).hasValue(1);
		this.cache.on(new IngestRunFinished(2, 2, SourceKind.QUEUE, IngestRun.Status.SUCCEEDED));
		// Before anyone asks.
		assertThat(this.loads).hasValue(2);
		assertThat(table()).isEqualTo("load2@example.org");
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void anUnchangedQueueRescanKeepsTheTables() {
		table();
		this.cache.on(new IngestRunFinished(3, 2, SourceKind.QUEUE, IngestRun.Status.SUCCEEDED, false));
		table();
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void progressOfAQueueScanCountsAtMostEveryTenSeconds() {
		table();
		this.cache.on(new IngestProgressed(1, 1, SourceKind.QUEUE, 1000));
		assertThat(table()).isEqualTo("load1@example.org");
		assertThat(this.loads).hasValue(2);
		this.clock.advance(Duration.ofSeconds(5));
		this.cache.on(new IngestProgressed(1, 1, SourceKind.QUEUE, 2000));
		assertThat(table()).isEqualTo("load2@example.org");
		assertThat(this.loads).hasValue(2);
		this.clock.advance(SenderCache.PROGRESS_INVALIDATION);
		this.cache.on(new IngestProgressed(1, 1, SourceKind.QUEUE, 3000));
		table();
		assertThat(this.loads).hasValue(3);
		this.cache.on(new IngestProgressed(1, 1, SourceKind.POA_LOG, 3000));
		this.clock.advance(SenderCache.PROGRESS_INVALIDATION);
		table();
		assertThat(this.loads).hasValue(3);
	}

}
