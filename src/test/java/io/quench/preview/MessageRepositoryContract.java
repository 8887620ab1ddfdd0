package io.quench.preview;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.quench.db.BulkWriter;
import io.quench.db.StreamingReads;
import io.quench.support.Recipients;
import io.quench.support.Sources;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@Import({ MessageRepository.class, SamplePicker.class, StreamingReads.class, BulkWriter.class })
abstract class MessageRepositoryContract {

	static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

	static final String SHA = "ab".repeat(32);

	@Autowired
	MessageRepository repository;

	@Autowired
	SamplePicker picker;

	@Autowired
	JdbcClient jdbc;

	private long nextId = 700_000;

	@AfterEach
	void noQueue() {
		Sources.delete(this.jdbc, 9201);
	}

	@BeforeEach
	void aQueue() {
		noQueue();
		this.jdbc.sql("""
				insert into source (id, name, kind, path, zone, declared, enabled, created_at, updated_at)
				values (9201, 'preview', 'QUEUE', '/tmp/q', 'UTC', false, true, :now, :now)
				""").param("now", T.atOffset(ZoneOffset.UTC)).update();
	}

	long message(String sender, String folder, String subject, long minutes, Instant gone, String... recipients) {
		long id = this.nextId++;
		this.jdbc.sql("""
				insert into queue_message (id, source_id, rel_path, path_hash, folder, size_bytes, mtime, sha256,
					dialect, status, sender, sender_domain, subject, recipient_count, warnings, first_seen, changed_at,
					gone_at, run_id)
				values (:id, 9201, :path, :id, :folder, 100, :mtime, :sha, 'RFC5322', 'PARSED', :sender, :domain,
					:subject, :recipients, :warnings, :now, :now, :gone, 1)
				""")
			.param("id", id)
			.param("path", folder.toLowerCase() + "/" + id)
			.param("folder", folder)
			.param("mtime", T.plus(minutes, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC))
			.param("sha", SHA)
			.param("sender", sender)
			.param("domain", sender.substring(sender.indexOf('@') + 1))
			.param("subject", subject)
			.param("recipients", recipients.length)
			.param("warnings", "first odd thing\nsecond odd thing")
			.param("now", T.atOffset(ZoneOffset.UTC))
			.param("gone", (gone != null) ? gone.atOffset(ZoneOffset.UTC) : null,
					java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.update();
		for (String recipient : recipients) {
			Recipients.add(this.jdbc, id, recipient);
		}
		return id;
	}

	@Test
	void findReadsTheEnvelopeWithRecipientsAndWarnings() {
		long id = message("spam@a.example", "DEFER", "Hello", 5, null, "z@x.example", "b@y.example");
		StoredMessage found = this.repository.find(id).orElseThrow();
		assertThat(found.sourceId()).isEqualTo(9201);
		assertThat(found.queue()).isEqualTo("defer");
		assertThat(found.path()).isEqualTo("defer/" + id);
		assertThat(found.mtime()).isEqualTo(T.plus(5, ChronoUnit.MINUTES));
		assertThat(found.sha256()).isEqualTo(SHA);
		assertThat(found.recipients()).extracting(StoredMessage.Recipient::address, StoredMessage.Recipient::role)
			.containsExactly(tuple("b@y.example", "recipient"), tuple("z@x.example", "recipient"));
		assertThat(found.warnings()).containsExactly("first odd thing", "second odd thing");
		assertThat(found.goneAt()).isNull();
		assertThat(this.repository.find(1)).isEmpty();
	}

	@Test
	void aSendersListIsNewestFirstPresentOnlyPagedAndFilteredByQueue() {
		long a = message("spam@a.example", "SEND", "One", 1, null, "r1@x.example");
		long b = message("spam@a.example", "DEFER", "Two", 2, null, "r2@x.example", "r3@y.example");
		long c = message("spam@a.example", "SEND", "Three", 3, null);
		message("spam@a.example", "SEND", "Gone", 4, T, "r4@x.example");
		message("spam@a.example", "OTHER", "Other", 5, null);
		message("other@b.example", "SEND", "Not this sender", 6, null);

		MessageListPage all = this.repository.list(new MessageQuery("SPAM@a.example", null, 0, 2));
		assertThat(all.total()).isEqualTo(3);
		assertThat(all.items()).extracting(MessageSummary::id).containsExactly(c, b);
		assertThat(all.items().get(1).recipients()).containsExactly("r2@x.example", "r3@y.example");
		assertThat(all.items().get(1).queue()).isEqualTo("defer");
		assertThat(all.items().get(0).recipients()).isEmpty();
		MessageListPage second = this.repository.list(new MessageQuery("spam@a.example", null, 1, 2));
		assertThat(second.items()).extracting(MessageSummary::id).containsExactly(a);
		assertThat(second.items().get(0).sha256()).isEqualTo(SHA);
		assertThat(this.repository.list(new MessageQuery("spam@a.example", null, 2, 2)).items()).isEmpty();
		assertThat(this.repository.list(new MessageQuery("spam@a.example", MessageQuery.Queue.DEFER, 0, 50)).items())
			.extracting(MessageSummary::id)
			.containsExactly(b);
		assertThat(this.repository.list(new MessageQuery("' or 1=1 --", null, 0, 50)).total()).isZero();
	}

	@Test
	void samplesAreNewestOldestCommonSubjectOutliersThenASpreadWithoutDuplicates() {
		// 20 invoices to gmail-like domain, two outlier subjects, one message to a rare
		// domain.
		long oldest = message("spam@a.example", "SEND", "Invoice 1001", 0, null, "v1@mail.example");
		for (int i = 1; i < 20; i++) {
			message("spam@a.example", (i % 3 == 0) ? "DEFER" : "SEND", "Invoice " + (1001 + i), i * 10L, null,
					"v" + i + "@mail.example");
		}
		long lunch = message("spam@a.example", "SEND", "Lunch on Friday?", 55, null, "colleague@corp.example");
		long report = message("spam@a.example", "DEFER", "Quarterly report", 65, null, "v99@mail.example");
		long newest = message("spam@a.example", "SEND", "Invoice 2000", 500, null, "v100@mail.example");
		message("spam@a.example", "SEND", "Gone outlier", 600, T, "gone@gone.example");

		List<Sample> samples = this.picker.pick("spam@a.example", List.of("SEND", "DEFER"));

		assertThat(samples).hasSize(SamplePicker.MAX_SAMPLES);
		assertThat(samples).extracting(Sample::id).doesNotHaveDuplicates();
		assertThat(samples.get(0).id()).isEqualTo(newest);
		assertThat(samples.get(0).reasons()).extracting(Sample.Reason::kind).contains(Sample.Kind.NEWEST);
		assertThat(samples.get(1).id()).isEqualTo(oldest);
		assertThat(samples.get(1).reasons()).extracting(Sample.Reason::kind)
			.containsExactly(Sample.Kind.OLDEST, Sample.Kind.COMMON_SUBJECT);
		Sample.Reason common = samples.get(1).reasons().get(1);
		assertThat(common.detail()).isEqualTo("Invoice #");
		assertThat(common.messages()).isEqualTo(21);
		assertThat(samples)
			.filteredOn((s) -> s.reasons().stream().anyMatch((r) -> r.kind() == Sample.Kind.RARE_SUBJECT))
			.extracting(Sample::id)
			.containsExactly(lunch, report);
		assertThat(samples)
			.filteredOn((s) -> s.reasons()
				.stream()
				.anyMatch((r) -> r.kind() == Sample.Kind.RARE_DOMAIN && "corp.example".equals(r.detail())))
			.extracting(Sample::id)
			.containsExactly(lunch);
		assertThat(samples).filteredOn((s) -> s.reasons().get(0).kind() == Sample.Kind.SPREAD).hasSize(6);
		assertThat(samples).extracting(Sample::subject).doesNotContain("Gone outlier");
		assertThat(samples.get(0).queue()).isEqualTo("send");
		assertThat(samples.get(0).mtime()).isEqualTo(T.plus(500, ChronoUnit.MINUTES));
	}

	@Test
	void samplesOfOneQueueOnlyAndOfAnUnknownSenderIsEmpty() {
		message("spam@a.example", "SEND", "A", 1, null);
		long deferred = message("spam@a.example", "DEFER", "B", 2, null);
		assertThat(this.picker.pick("spam@a.example", List.of("DEFER"))).extracting(Sample::id)
			.containsExactly(deferred);
		assertThat(this.picker.pick("nobody@a.example", List.of("SEND", "DEFER"))).isEmpty();
		assertThat(this.picker.pick("spam@a.example", List.of("SEND", "DEFER"))).hasSize(2);
	}

}
