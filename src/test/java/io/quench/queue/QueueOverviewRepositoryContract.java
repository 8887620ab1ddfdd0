package io.quench.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.quench.queue.QueueOverviewQuery.Queue;
import io.quench.support.Sources;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@Import(QueueOverviewRepository.class)
abstract class QueueOverviewRepositoryContract {

	static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

	static final long A = 9201;

	static final long B = 9202;

	@Autowired
	QueueOverviewRepository repository;

	@Autowired
	JdbcClient jdbc;

	private long nextId = 920_000;

	@AfterEach
	void noQueues() {
		Sources.delete(this.jdbc, 9201, 9202, 9203);
	}

	@BeforeEach
	void twoQueues() {
		noQueues();
		source(A, "gwia-a", "QUEUE");
		source(B, "gwia-b", "QUEUE");
		source(9203, "poa", "POA_LOG");
	}

	private void source(long id, String name, String kind) {
		this.jdbc.sql("""
				insert into source (id, name, kind, path, zone, declared, enabled, created_at, updated_at)
				values (:id, :name, :kind, '/tmp/q', 'UTC', false, true, :now, :now)
				""")
			.param("id", id)
			.param("name", name)
			.param("kind", kind)
			.param("now", NOW.atOffset(ZoneOffset.UTC))
			.update();
	}

	private void depth(long source, String at, String folder, long messages, long bytes) {
		this.jdbc.sql("""
				insert into queue_depth (source_id, at, folder, messages, bytes)
				values (:source, :at, :folder, :messages, :bytes)
				""")
			.param("source", source)
			.param("at", Instant.parse(at).atOffset(ZoneOffset.UTC))
			.param("folder", folder)
			.param("messages", messages)
			.param("bytes", bytes)
			.update();
	}

	private void message(long source, String sender, String folder, Duration age, boolean gone) {
		long id = this.nextId++;
		this.jdbc.sql("""
				insert into queue_message (id, source_id, rel_path, path_hash, folder, size_bytes, mtime, dialect,
					status, sender, sender_domain, subject, recipient_count, first_seen, changed_at, gone_at, run_id)
				values (:id, :source, :path, :id, :folder, 100, :mtime, 'GWIA', 'PARSED', :sender, :domain, 's',
					0, :now, :now, :gone, 1)
				""")
			.param("id", id)
			.param("source", source)
			.param("path", folder.toLowerCase() + "/" + id)
			.param("folder", folder)
			.param("mtime", NOW.minus(age).atOffset(ZoneOffset.UTC))
			.param("sender", sender)
			.param("domain", (sender != null) ? sender.substring(sender.indexOf('@') + 1) : null,
					java.sql.Types.VARCHAR)
			.param("now", NOW.atOffset(ZoneOffset.UTC))
			.param("gone", gone ? NOW.atOffset(ZoneOffset.UTC) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.update();
	}

	private static QueueOverviewQuery query(Long source, Queue queue, String domain) {
		return new QueueOverviewQuery(source, queue, domain, null, null);
	}

	@Test
	void onlyQueueSourcesAreListedByName() {
		assertThat(this.repository.sources()).containsAllEntriesOf(Map.of(A, "gwia-a", B, "gwia-b"))
			.doesNotContainKey(9203L);
	}

	@Test
	void theDepthOfOneSourceIsItsSamplesInTheWindowWithTheEarlierSamplesCarried() {
		depth(A, "2026-12-04T09:00:00Z", "SEND", 1203, 10);
		depth(A, "2026-12-04T09:00:00Z", "DEFER", 10, 1);
		depth(A, "2026-12-04T10:00:00Z", "SEND", 50_000, 20);
		depth(A, "2026-12-04T10:00:00Z", "DEFER", 300, 2);
		depth(A, "2026-12-04T11:00:00Z", "SEND", 184_200, 30);
		depth(A, "2026-12-04T11:00:00Z", "DEFER", 900, 3);
		depth(A, "2026-12-04T11:00:00Z", "OTHER", 7, 3);
		depth(B, "2026-12-04T09:30:00Z", "SEND", 5, 5);

		List<DepthPoint> all = this.repository.depth(A, null, null);
		assertThat(all).containsExactly(new DepthPoint(Instant.parse("2026-12-04T09:00:00Z"), "SEND", 1203, 10),
				new DepthPoint(Instant.parse("2026-12-04T09:00:00Z"), "DEFER", 10, 1),
				new DepthPoint(Instant.parse("2026-12-04T10:00:00Z"), "SEND", 50_000, 20),
				new DepthPoint(Instant.parse("2026-12-04T10:00:00Z"), "DEFER", 300, 2),
				new DepthPoint(Instant.parse("2026-12-04T11:00:00Z"), "SEND", 184_200, 30),
				new DepthPoint(Instant.parse("2026-12-04T11:00:00Z"), "DEFER", 900, 3));

		List<DepthPoint> window = this.repository.depth(A, Instant.parse("2026-12-04T10:00:00Z"),
				Instant.parse("2026-12-04T11:00:00Z"));
		assertThat(window).extracting(DepthPoint::messages).containsExactly(50_000L, 300L);
	}

	@Test
	void theDepthOfAllSourcesSumsEachSourcesLatestSample() {
		depth(A, "2026-12-04T09:00:00Z", "SEND", 100, 1000);
		depth(A, "2026-12-04T09:00:00Z", "DEFER", 10, 100);
		depth(B, "2026-12-04T09:30:00Z", "SEND", 7, 70);
		depth(B, "2026-12-04T09:30:00Z", "DEFER", 1, 10);
		depth(A, "2026-12-04T10:00:00Z", "SEND", 200, 2000);
		depth(A, "2026-12-04T10:00:00Z", "DEFER", 20, 200);

		List<DepthPoint> all = this.repository.depth(null, null, null);
		// 09:00: A only; 09:30: A(09:00) + B; 10:00: A(10:00) + B(09:30).
		assertThat(all).filteredOn((p) -> p.folder().equals("SEND"))
			.extracting(DepthPoint::messages)
			.containsExactly(100L, 107L, 207L);
		assertThat(all).filteredOn((p) -> p.folder().equals("DEFER"))
			.extracting(DepthPoint::bytes)
			.containsExactly(100L, 110L, 210L);
		// From 09:45: the first point is 10:00, still counting B's sample from before the
		// window.
		assertThat(this.repository.depth(null, Instant.parse("2026-12-04T09:45:00Z"), null))
			.filteredOn((p) -> p.folder().equals("SEND"))
			.extracting(DepthPoint::messages)
			.containsExactly(207L);
	}

	@Test
	void topSendersNowCountPresentMessagesPerFolderWithTheFilters() {
		for (int i = 0; i < 3; i++) {
			message(A, "spam@a.example", "SEND", Duration.ofMinutes(i), false);
		}
		message(A, "spam@a.example", "DEFER", Duration.ofMinutes(1), false);
		message(A, "spam@a.example", "SEND", Duration.ofMinutes(1), true);
		message(A, "spam@a.example", "OTHER", Duration.ofMinutes(1), false);
		message(B, "spam@a.example", "DEFER", Duration.ofMinutes(1), false);
		message(B, "news@b.example", "SEND", Duration.ofHours(2), false);
		message(B, "news@b.example", "SEND", Duration.ofHours(3), false);
		message(B, null, "SEND", Duration.ofHours(3), false);

		assertThat(this.repository.topSendersNow(QueueOverviewQuery.all()))
			.containsExactly(new QueueSender("spam@a.example", 3, 2, 5), new QueueSender("news@b.example", 2, 0, 2));
		assertThat(this.repository.topSendersNow(query(A, Queue.ALL, null)))
			.containsExactly(new QueueSender("spam@a.example", 3, 1, 4));
		assertThat(this.repository.topSendersNow(query(null, Queue.DEFER, null)))
			.containsExactly(new QueueSender("spam@a.example", 0, 2, 2));
		assertThat(this.repository.topSendersNow(query(null, Queue.ALL, "B.EXAMPLE")))
			.containsExactly(new QueueSender("news@b.example", 2, 0, 2));
		assertThat(this.repository
			.topSendersNow(new QueueOverviewQuery(null, Queue.ALL, null, NOW.minus(90, ChronoUnit.MINUTES), null)))
			.extracting(QueueSender::sender)
			.containsExactly("spam@a.example");
	}

	@Test
	void topSendersNowAreTheTenLargest() {
		for (int s = 0; s < 12; s++) {
			for (int i = 0; i <= s; i++) {
				message(A, String.format("s%02d@c.example", s), "SEND", Duration.ofMinutes(1), false);
			}
		}
		assertThat(this.repository.topSendersNow(QueueOverviewQuery.all())).hasSize(10)
			.extracting(QueueSender::total)
			.containsExactly(12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L);
	}

	@Test
	void agesFallIntoTheirClassesWithTheLowerLimitInclusive() {
		message(A, "x@a.example", "SEND", Duration.ofMinutes(-3), false); // future mtime:
																			// newest
		message(A, "x@a.example", "SEND", Duration.ofMinutes(4), false);
		message(A, "x@a.example", "SEND", Duration.ofMinutes(5), false); // exactly 5 min:
																			// 5-15
		message(A, "x@a.example", "DEFER", Duration.ofMinutes(14), false);
		message(A, "x@a.example", "DEFER", Duration.ofMinutes(59), false);
		message(A, "x@a.example", "SEND", Duration.ofHours(5), false);
		message(A, "x@a.example", "SEND", Duration.ofHours(23), false);
		message(A, "x@a.example", "DEFER", Duration.ofDays(2), false);
		message(A, "old@a.example", "DEFER", Duration.ofDays(10), false);
		message(A, "gone@a.example", "DEFER", Duration.ofDays(20), true);
		message(A, "other@a.example", "OTHER", Duration.ofDays(30), false);

		AgeDistribution ages = this.repository.ages(QueueOverviewQuery.all(), NOW);
		assertThat(ages.rows()).containsExactly(new AgeDistribution.Row(AgeBucket.UNDER_5_MINUTES, 2, 0),
				new AgeDistribution.Row(AgeBucket.UNDER_15_MINUTES, 1, 1),
				new AgeDistribution.Row(AgeBucket.UNDER_1_HOUR, 0, 1),
				new AgeDistribution.Row(AgeBucket.UNDER_6_HOURS, 1, 0),
				new AgeDistribution.Row(AgeBucket.UNDER_24_HOURS, 1, 0),
				new AgeDistribution.Row(AgeBucket.UNDER_3_DAYS, 0, 1), new AgeDistribution.Row(AgeBucket.OLDER, 0, 1));
		assertThat(ages.total()).isEqualTo(9);
		assertThat(ages.oldest()).isEqualTo(NOW.minus(Duration.ofDays(10)));
		assertThat(ages.oldestSender()).isEqualTo("old@a.example");

		AgeDistribution send = this.repository.ages(query(null, Queue.SEND, null), NOW);
		assertThat(send.total()).isEqualTo(5);
		assertThat(send.oldest()).isEqualTo(NOW.minus(Duration.ofHours(23)));
		assertThat(this.repository.ages(query(B, Queue.ALL, null), NOW).oldest()).isNull();
	}

	@Test
	void queuedPerHourCountsEveryMessageSeenByItsMtimeHour() {
		message(A, "x@a.example", "SEND", Duration.ofMinutes(10), false); // 11:50
		message(A, "x@a.example", "SEND", Duration.ofMinutes(50), true); // 11:10, gone
		message(A, "x@a.example", "DEFER", Duration.ofMinutes(70), false); // 10:50
		message(A, "x@a.example", "OTHER", Duration.ofMinutes(70), false);
		long hour11 = Instant.parse("2026-12-04T11:00:00Z").getEpochSecond() / 3600;
		assertThat(this.repository.queuedPerHour(QueueOverviewQuery.all()))
			.isEqualTo(Map.of(hour11, 2L, hour11 - 1, 1L));
		assertThat(this.repository.queuedPerHour(query(null, Queue.DEFER, null))).isEqualTo(Map.of(hour11 - 1, 1L));
	}

}
