package io.quench.suspect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.quench.source.IngestProgressed;
import io.quench.source.IngestRun;
import io.quench.source.IngestRunFinished;
import io.quench.source.SourceKind;
import io.quench.suspect.EvidenceRepository.Window;
import io.quench.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class EvidenceCacheTests {

	static final Window ALL = Window.of(null, null);

	final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));

	final EvidenceCollector collector = mock(EvidenceCollector.class);

	final EvidenceCache cache = new EvidenceCache(this.collector, this.clock);

	EvidenceCacheTests() {
		given(this.collector.collect(any(), any())).willReturn(List.of());
	}

	private void look() {
		this.cache.evidence(ALL, List.of());
	}

	private void collections(int expected) {
		verify(this.collector, times(expected)).collect(any(), any());
	}

	private static IngestProgressed progress(long stored) {
		return new IngestProgressed(7, 1, SourceKind.QUEUE, stored);
	}

	@Test
	void evidenceIsCollectedOnceUntilARunFinishes() {
		look();
		look();
		collections(1);

		this.cache.on(new IngestRunFinished(7, 1, SourceKind.QUEUE, IngestRun.Status.SUCCEEDED));
		look();
		collections(2);
	}

	@Test
	void storedProgressDropsTheEvidenceAtMostOnceInTenSecondsWithoutLosingLaterProgress() {
		look();
		this.cache.on(progress(1_000));
		look();
		collections(2);

		// More progress within 10 s of the drop: the cached evidence stays.
		this.clock.advance(Duration.ofSeconds(3));
		this.cache.on(progress(2_000));
		look();
		this.clock.advance(Duration.ofSeconds(6));
		look();
		collections(2);

		// Once the 10 s are up the pending progress drops it, even with no new report.
		this.clock.advance(Duration.ofSeconds(1));
		look();
		look();
		collections(3);

		// Without new progress nothing is dropped, however long it waits.
		this.clock.advance(Duration.ofMinutes(5));
		look();
		collections(3);

		// The first report after a quiet spell drops it at once.
		this.cache.on(progress(3_000));
		look();
		collections(4);
	}

	@Test
	void aFinishedRunDropsTheEvidenceEvenRightAfterAProgressDrop() {
		look();
		this.cache.on(progress(1_000));
		look();
		this.cache.on(new IngestRunFinished(7, 1, SourceKind.QUEUE, IngestRun.Status.SUCCEEDED));
		look();
		collections(3);
	}

}
