package io.quench.suspect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quench.cache.BackgroundCache;
import io.quench.source.IngestProgressed;
import io.quench.source.IngestRun;
import io.quench.source.IngestRunFinished;
import io.quench.source.SourceKind;
import io.quench.support.MutableClock;
import io.quench.suspect.EvidenceRepository.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class EvidenceCacheTests {

	static final Window ALL = Window.of(null, null);

	static final Window DAY = Window.of(Instant.parse("2026-12-03T10:00:00Z"), Instant.parse("2026-12-04T10:00:00Z"));

	final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));

	final EvidenceCollector collector = mock(EvidenceCollector.class);

	/** Collections run on the calling thread: every step below is deterministic. */
	final EvidenceCache cache = new EvidenceCache(this.collector, this.clock, Runnable::run, null);

	/** For the tests that need collections running beside the requests. */
	final ExecutorService pool = Executors.newFixedThreadPool(2);

	EvidenceCacheTests() {
		given(this.collector.collect(any(), any())).willReturn(List.of());
	}

	@AfterEach
	void stopPool() {
		this.pool.shutdownNow();
	}

	private BackgroundCache.Lookup<List<AccountEvidence>> look() {
		return this.cache.evidence(ALL, List.of(), Duration.ofSeconds(10)).orElseThrow();
	}

	private void collections(int expected) {
		verify(this.collector, times(expected)).collect(any(), any());
	}

	private static IngestProgressed progress(long stored) {
		return new IngestProgressed(7, 1, SourceKind.QUEUE, stored);
	}

	private static IngestRunFinished finished() {
		return new IngestRunFinished(7, 1, SourceKind.QUEUE, IngestRun.Status.SUCCEEDED);
	}

	@Test
	void evidenceIsCollectedOnceAndAFinishedRunCollectsItAgainBeforeAnyoneAsks() {
		look();
		look();
		collections(1);

		this.cache.on(finished());
		// Collected again at once for the key used lately, not at the next request.
		collections(2);
		BackgroundCache.Lookup<List<AccountEvidence>> after = look();
		collections(2);
		assertThat(after.refreshing()).isFalse();
		assertThat(after.snapshot().generation()).isEqualTo(1);
	}

	@Test
	void aFinishedRunCollectsOnlyTheKeysUsedLately() {
		this.cache.evidence(DAY, List.of("10.0.0.5"));
		look();
		collections(2);
		this.cache.on(finished());
		collections(4);
		for (int i = 0; i < EvidenceCache.WARM_KEYS + 2; i++) {
			this.cache.evidence(Window.of(Instant.EPOCH.plusSeconds(i + 1), null), List.of());
		}
		collections(4 + EvidenceCache.WARM_KEYS + 2);
		this.cache.on(finished());
		collections(4 + EvidenceCache.WARM_KEYS + 2 + EvidenceCache.WARM_KEYS);
	}

	@Test
	void storedProgressMakesTheEvidenceOlderAtMostOnceInTenSecondsWithoutLosingLaterProgress() {
		look();
		this.cache.on(progress(1_000));
		// The older evidence is served while the newer one is collected.
		BackgroundCache.Lookup<List<AccountEvidence>> during = look();
		assertThat(during.refreshing()).isTrue();
		assertThat(during.snapshot().generation()).isZero();
		collections(2);
		assertThat(look().snapshot().generation()).isEqualTo(1);

		// More progress within 10 s of the drop: the cached evidence stays.
		this.clock.advance(Duration.ofSeconds(3));
		this.cache.on(progress(2_000));
		look();
		this.clock.advance(Duration.ofSeconds(6));
		look();
		collections(2);

		// Once the 10 s are up the pending progress counts, even with no new report.
		this.clock.advance(Duration.ofSeconds(1));
		look();
		look();
		collections(3);

		// Without new progress nothing moves, however long it waits.
		this.clock.advance(Duration.ofMinutes(5));
		look();
		collections(3);

		// The first report after a quiet spell counts at once.
		this.cache.on(progress(3_000));
		look();
		collections(4);
	}

	@Test
	void aFinishedRunDropsTheEvidenceEvenRightAfterAProgressDrop() {
		look();
		this.cache.on(progress(1_000));
		look();
		this.cache.on(finished());
		BackgroundCache.Lookup<List<AccountEvidence>> after = look();
		collections(3);
		assertThat(after.refreshing()).isFalse();
		assertThat(after.snapshot().generation()).isEqualTo(2);
	}

	@Test
	void requestsThatFindACollectionRunningWaitForItInsteadOfStartingAnother() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger started = new AtomicInteger();
		given(this.collector.collect(any(), any())).willAnswer((call) -> {
			started.incrementAndGet();
			release.await(10, TimeUnit.SECONDS);
			return List.of();
		});
		EvidenceCache cache = new EvidenceCache(this.collector, this.clock, this.pool, null);
		ExecutorService requests = Executors.newFixedThreadPool(3);
		try {
			List<Future<List<AccountEvidence>>> answers = List.of(requests.submit(() -> cache.evidence(ALL, List.of())),
					requests.submit(() -> cache.evidence(ALL, List.of())),
					requests.submit(() -> cache.evidence(ALL, List.of())));
			// A page does not hang: it hears "still collecting", and since when.
			assertThat(cache.evidence(ALL, List.of(), Duration.ofMillis(50))).isEmpty();
			assertThat(cache.collectingSince(ALL, List.of())).isEqualTo(this.clock.instant());
			release.countDown();
			for (Future<List<AccountEvidence>> answer : answers) {
				assertThat(answer.get(10, TimeUnit.SECONDS)).isEmpty();
			}
			assertThat(started).hasValue(1);
			assertThat(cache.collectingSince(ALL, List.of())).isNull();
			assertThat(cache.lastTook(ALL, List.of())).isNotNull();
			assertThat(cache.evidence(ALL, List.of(), Duration.ZERO)).isPresent();
		}
		finally {
			requests.shutdownNow();
		}
	}

	@Test
	void evidenceCollectedAcrossAFinishedRunIsNeverServedAfterIt() throws Exception {
		CountDownLatch inFirst = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger calls = new AtomicInteger();
		given(this.collector.collect(any(), any())).willAnswer((call) -> {
			if (calls.incrementAndGet() == 1) {
				inFirst.countDown();
				release.await(10, TimeUnit.SECONDS);
			}
			return List.of();
		});
		EvidenceCache cache = new EvidenceCache(this.collector, this.clock, this.pool, null);
		cache.warmUp(ALL, List.of());
		assertThat(inFirst.await(10, TimeUnit.SECONDS)).isTrue();
		// The run ends while the first collection reads: a second one starts at once.
		cache.on(finished());
		BackgroundCache.Lookup<List<AccountEvidence>> lookup = cache.evidence(ALL, List.of(), Duration.ofSeconds(10))
			.orElseThrow();
		assertThat(lookup.snapshot().generation()).isEqualTo(1);
		release.countDown();
		Thread.sleep(50);
		BackgroundCache.Lookup<List<AccountEvidence>> later = cache.evidence(ALL, List.of(), Duration.ofSeconds(10))
			.orElseThrow();
		assertThat(later.snapshot().generation()).isEqualTo(1);
		assertThat(calls).hasValue(2);
	}

	@Test
	void aCollectionSupersededBeforeItStartsIsSkippedAndItsWaitersGetTheNewerOne() throws Exception {
		List<Runnable> queued = new java.util.ArrayList<>();
		EvidenceCache cache = new EvidenceCache(this.collector, this.clock, queued::add, null);
		cache.warmUp(ALL, List.of());
		cache.on(finished());
		cache.on(finished());
		assertThat(queued).hasSize(3);
		queued.forEach(Runnable::run);
		// Only the newest of the three read the database.
		collections(1);
		assertThat(cache.evidence(ALL, List.of(), Duration.ZERO).orElseThrow().snapshot().generation()).isEqualTo(2);
	}

	@Test
	void aKeyOnlyRememberedAtStartUpIsCollectedWhenTheStartUpScansEndEvenUnchanged() {
		this.cache.remember(ALL, List.of());
		collections(0);
		this.cache.on(new IngestRunFinished(8, 1, SourceKind.QUEUE, IngestRun.Status.SUCCEEDED, false));
		collections(1);
		this.cache.on(new IngestRunFinished(9, 2, SourceKind.POA_LOG, IngestRun.Status.SUCCEEDED, false));
		collections(1);
		assertThat(look().refreshing()).isFalse();
		collections(1);
	}

	@Test
	void anUnchangedRescanKeepsTheEvidence() {
		look();
		this.cache.on(new IngestRunFinished(8, 1, SourceKind.QUEUE, IngestRun.Status.SUCCEEDED, false));
		BackgroundCache.Lookup<List<AccountEvidence>> after = look();
		collections(1);
		assertThat(after.refreshing()).isFalse();
	}

	@Test
	void onASharedDatabaseEvidenceAMinuteOldIsServedWhileANewerOneIsCollected() {
		EvidenceCache shared = new EvidenceCache(this.collector, this.clock, Runnable::run, EvidenceCache.MAX_AGE);
		shared.evidence(ALL, List.of());
		this.clock.advance(EvidenceCache.MAX_AGE.minusSeconds(1));
		shared.evidence(ALL, List.of());
		collections(1);
		this.clock.advance(Duration.ofSeconds(2));
		BackgroundCache.Lookup<List<AccountEvidence>> aged = shared.evidence(ALL, List.of(), Duration.ZERO)
			.orElseThrow();
		assertThat(aged.refreshing()).isTrue();
		collections(2);
	}

	@Test
	void aFailedCollectionReachesTheRequestAndTheNextRequestTriesAgain() {
		given(this.collector.collect(any(), any())).willThrow(new IllegalStateException("database gone"))
			.willReturn(List.of());
		assertThatThrownBy(this::look).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
		assertThat(look().snapshot().value()).isEmpty();
		collections(2);
	}

}
