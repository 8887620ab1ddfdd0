package io.quench.source;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which scans are going on now, as every instance sees them in the database: the source's
 * claimed run while it is RUNNING with a fresh heartbeat.
 */
@Import({ SourceRepository.class, IngestRunRepository.class })
abstract class RunningIngestsContract {

	static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

	@Autowired
	SourceRepository sources;

	@Autowired
	IngestRunRepository runs;

	private long source(String name, SourceKind kind) {
		return this.sources.insert(new SourceDefinition(name, kind, Path.of("/tmp/" + name), ZoneOffset.UTC, null),
				false, T);
	}

	@Test
	void onlyClaimedRunsStillRunningWithAFreshHeartbeatAreListedWithTheirProgress() {
		long queue = source("queue", SourceKind.QUEUE);
		long poa = source("poa", SourceKind.POA_LOG);
		long done = source("done", SourceKind.GWIA_LOG);
		long dead = source("dead", SourceKind.QUEUE);
		long queueRun = this.runs.insert(queue, "tester", T);
		assertThat(this.sources.claim(queue, queueRun, T.minusSeconds(120))).isTrue();
		this.runs.progress(queueRun, new RunCounters(1000, 120, 0, 0, 100, 0, 20, 0, 0), null, T.plusSeconds(5));
		long poaRun = this.runs.insert(poa, "tester", T);
		assertThat(this.sources.claim(poa, poaRun, T.minusSeconds(120))).isTrue();
		this.runs.progress(poaRun, new RunCounters(3, 1, 0, 0, 1, 0, 0, 0, 5000), null, T.plusSeconds(5));
		long doneRun = this.runs.insert(done, "tester", T);
		assertThat(this.sources.claim(done, doneRun, T.minusSeconds(120))).isTrue();
		this.runs.finish(doneRun, IngestRun.Status.SUCCEEDED, null, T.plusSeconds(3));
		this.sources.release(done, doneRun);
		long deadRun = this.runs.insert(dead, "tester", T.minus(Duration.ofMinutes(10)));
		assertThat(this.sources.claim(dead, deadRun, T.minus(Duration.ofMinutes(12)))).isTrue();

		List<RunningIngest> running = this.runs.running(T.plusSeconds(5).minus(IngestCoordinator.STALE));

		assertThat(running).containsExactly(new RunningIngest(poa, "poa", SourceKind.POA_LOG, poaRun, 1, 5000, T),
				new RunningIngest(queue, "queue", SourceKind.QUEUE, queueRun, 120, 0, T));
		this.runs.finish(queueRun, IngestRun.Status.SUCCEEDED, null, T.plusSeconds(6));
		assertThat(this.runs.running(T.plusSeconds(6).minus(IngestCoordinator.STALE))).extracting(RunningIngest::runId)
			.containsExactly(poaRun);
	}

	@Test
	void aRunFailedForItsStaleHeartbeatNoLongerHoldsItsSource() {
		long source = source("crashed", SourceKind.QUEUE);
		long run = this.runs.insert(source, "tester", T.minus(Duration.ofMinutes(10)));
		assertThat(this.sources.claim(source, run, T.minus(Duration.ofMinutes(12)))).isTrue();
		assertThat(this.sources.runningRunId(source)).contains(run);

		assertThat(this.runs.failStale(T.minus(IngestCoordinator.STALE), T)).isPositive();

		assertThat(this.runs.findById(run)).get().extracting(IngestRun::status).isEqualTo(IngestRun.Status.FAILED);
		// The scheduler asks this before it starts a rescan: a claim left by a failed run
		// must not hold the source for ever.
		assertThat(this.sources.runningRunId(source)).isEmpty();
		assertThat(this.sources.releaseEnded()).isPositive();
		long next = this.runs.insert(source, "tester", T);
		assertThat(this.sources.claim(source, next, T.minus(IngestCoordinator.STALE))).isTrue();
		assertThat(this.sources.runningRunId(source)).contains(next);
		assertThat(this.sources.releaseEnded()).isZero();
	}

	@Test
	void runningRunsListedAsRunningAreTheOnesNotYetEnded() {
		long source = source("listed", SourceKind.POA_LOG);
		long ended = this.runs.insert(source, "tester", T);
		this.runs.finish(ended, IngestRun.Status.SUCCEEDED, null, T.plusSeconds(1));
		long left = this.runs.insert(source, "tester", T.plusSeconds(2));
		long other = this.runs.insert(source, "tester", T.plusSeconds(3));

		assertThat(this.runs.runningIds()).contains(left, other).doesNotContain(ended);
		assertThat(this.runs.failRunning(List.of(left, ended), "gone", T.plusSeconds(4))).isEqualTo(1);

		assertThat(this.runs.findById(left)).get().satisfies((run) -> {
			assertThat(run.status()).isEqualTo(IngestRun.Status.FAILED);
			assertThat(run.message()).isEqualTo("gone");
		});
		assertThat(this.runs.findById(ended)).get().extracting(IngestRun::status).isEqualTo(IngestRun.Status.SUCCEEDED);
		assertThat(this.runs.runningIds()).contains(other).doesNotContain(left, ended);
		assertThat(this.runs.failRunning(List.of(), "gone", T)).isZero();
	}

}
