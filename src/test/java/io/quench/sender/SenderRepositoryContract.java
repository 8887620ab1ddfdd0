package io.quench.sender;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.quench.db.BulkWriter;
import io.quench.db.StreamingReads;
import io.quench.sender.SenderQuery.Queue;
import io.quench.sender.SenderQuery.Sort;
import io.quench.support.Recipients;
import io.quench.support.Sources;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@Import({ SenderRepository.class, StreamingReads.class, BulkWriter.class })
abstract class SenderRepositoryContract {

	static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

	@Autowired
	SenderRepository repository;

	@Autowired
	JdbcClient jdbc;

	private long nextId = 900_000;

	@AfterEach
	void noQueue() {
		Sources.delete(this.jdbc, 9101);
	}

	@BeforeEach
	void aQueue() {
		noQueue();
		this.jdbc.sql("""
				insert into source (id, name, kind, path, zone, declared, enabled, created_at, updated_at)
				values (9101, 'senders', 'QUEUE', '/tmp/q', 'UTC', false, true, :now, :now)
				""").param("now", T.atOffset(ZoneOffset.UTC)).update();
		// spam@a.example: 3 in send, 2 in defer, 5 recipient domains, one message gone.
		message("spam@a.example", "SEND", "Invoice 100% paid", 0, null, "x.example", "y.example");
		message("spam@a.example", "SEND", "Invoice 100% paid", 10, null, "x.example", "z.example");
		message("spam@a.example", "SEND", "Hello", 20, null, "w.example");
		message("spam@a.example", "DEFER", "Invoice 100% paid", 30, null, "v.example");
		message("spam@a.example", "DEFER", "Other", 40, null);
		message("spam@a.example", "SEND", "Gone", 50, T, "gone.example");
		// news@b.example: 1 in send, 3 in defer, one recipient domain.
		message("news@b.example", "DEFER", "Newsletter_1", 5, null, "x.example");
		message("news@b.example", "DEFER", "Newsletter_1", 6, null, "x.example");
		message("news@b.example", "DEFER", null, 7, null, "x.example");
		message("news@b.example", "SEND", "Newsletter_1", 8, null, "x.example");
		// =calc@c.example: one in send; an OTHER message is never counted.
		message("=calc@c.example", "SEND", "=HYPERLINK()", 60, null, "a.example", "b.example", "c.example", "d.example",
				"e.example", "f.example");
		message("=calc@c.example", "OTHER", "x", 61, null);
	}

	private void message(String sender, String folder, String subject, long minutes, Instant gone, String... domains) {
		long id = this.nextId++;
		this.jdbc.sql("""
				insert into queue_message (id, source_id, rel_path, path_hash, folder, size_bytes, mtime, dialect,
					status, sender, sender_domain, subject, recipient_count, first_seen, changed_at, gone_at, run_id)
				values (:id, 9101, :path, :id, :folder, 100, :mtime, 'GWIA', 'PARSED', :sender, :domain, :subject,
					:recipients, :now, :now, :gone, 1)
				""")
			.param("id", id)
			.param("path", folder.toLowerCase() + "/" + id)
			.param("folder", folder)
			.param("mtime", T.plus(minutes, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC))
			.param("sender", sender)
			.param("domain", sender.substring(sender.indexOf('@') + 1))
			.param("subject", subject)
			.param("recipients", domains.length)
			.param("now", T.atOffset(ZoneOffset.UTC))
			.param("gone", (gone != null) ? gone.atOffset(ZoneOffset.UTC) : null,
					java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.update();
		for (String domain : domains) {
			Recipients.add(this.jdbc, id, "rcpt@" + domain);
		}
	}

	private static SenderQuery query(Queue queue, String domain, String subject, Instant from, Instant to, Sort sort) {
		return new SenderQuery(queue, domain, subject, from, to, sort, 0);
	}

	@Test
	void countsPerFolderLeaveOutGoneAndOtherMessages() {
		SenderPage page = this.repository.page(SenderQuery.all());
		assertThat(page.totalSenders()).isEqualTo(3);
		assertThat(page.rows()).extracting(SenderRow::sender)
			.containsExactly("spam@a.example", "news@b.example", "=calc@c.example");
		SenderRow spam = page.rows().get(0);
		assertThat(spam.send()).isEqualTo(3);
		assertThat(spam.defer()).isEqualTo(2);
		assertThat(spam.total()).isEqualTo(5);
		assertThat(spam.recipientDomains()).isEqualTo(5);
		assertThat(spam.firstQueued()).isEqualTo(T);
		assertThat(spam.lastQueued()).isEqualTo(T.plus(40, ChronoUnit.MINUTES));
		assertThat(spam.topSubject()).isEqualTo("Invoice 100% paid");
		SenderRow news = page.rows().get(1);
		assertThat(news.send()).isEqualTo(1);
		assertThat(news.defer()).isEqualTo(3);
		assertThat(news.recipientDomains()).isEqualTo(1);
		assertThat(news.topSubject()).isEqualTo("Newsletter_1");
		assertThat(page.rows().get(2).total()).isEqualTo(1);
	}

	@Test
	void theQueueFilterCountsOneFolder() {
		List<SenderRow> defer = this.repository.page(query(Queue.DEFER, null, null, null, null, Sort.TOTAL)).rows();
		assertThat(defer).extracting(SenderRow::sender).containsExactly("news@b.example", "spam@a.example");
		assertThat(defer).extracting(SenderRow::send).containsExactly(0L, 0L);
		List<SenderRow> send = this.repository.page(query(Queue.SEND, null, null, null, null, Sort.TOTAL)).rows();
		assertThat(send).extracting(SenderRow::total).containsExactly(3L, 1L, 1L);
	}

	@Test
	void theSenderDomainFilterIsExactAndIgnoresCase() {
		assertThat(this.repository.page(query(Queue.ALL, "B.example", null, null, null, Sort.TOTAL)).rows())
			.extracting(SenderRow::sender)
			.containsExactly("news@b.example");
		assertThat(this.repository.page(query(Queue.ALL, "example", null, null, null, Sort.TOTAL)).rows()).isEmpty();
	}

	@Test
	void theSubjectFilterIsContainsIgnoringCaseWithWildcardsTakenLiterally() {
		assertThat(this.repository.page(query(Queue.ALL, null, "100%", null, null, Sort.TOTAL)).rows()).singleElement()
			.satisfies((row) -> assertThat(row.total()).isEqualTo(3));
		assertThat(this.repository.page(query(Queue.ALL, null, "INVOICE", null, null, Sort.TOTAL)).rows())
			.extracting(SenderRow::sender)
			.containsExactly("spam@a.example");
		assertThat(this.repository.page(query(Queue.ALL, null, "r_1", null, null, Sort.TOTAL)).rows())
			.extracting(SenderRow::sender)
			.containsExactly("news@b.example");
		assertThat(this.repository.page(query(Queue.ALL, null, "%", null, null, Sort.TOTAL)).rows()).hasSize(1);
		assertThat(this.repository.page(query(Queue.ALL, null, "_", null, null, Sort.TOTAL)).rows()).hasSize(1);
		assertThat(this.repository.page(query(Queue.ALL, null, "' or 1=1 --", null, null, Sort.TOTAL)).rows())
			.isEmpty();
	}

	@Test
	void theWindowIsOnMtimeFromInclusiveToExclusive() {
		List<SenderRow> rows = this.repository
			.page(query(Queue.ALL, null, null, T.plus(10, ChronoUnit.MINUTES), T.plus(40, ChronoUnit.MINUTES),
					Sort.TOTAL))
			.rows();
		assertThat(rows).extracting(SenderRow::sender).containsExactly("spam@a.example");
		assertThat(rows.get(0).total()).isEqualTo(3);
	}

	@Test
	void eachWhitelistedSortOrdersDescending() {
		assertThat(this.repository.page(query(Queue.ALL, null, null, null, null, Sort.DEFER)).rows())
			.extracting(SenderRow::sender)
			.containsExactly("news@b.example", "spam@a.example", "=calc@c.example");
		assertThat(this.repository.page(query(Queue.ALL, null, null, null, null, Sort.SEND)).rows())
			.extracting(SenderRow::sender)
			.containsExactly("spam@a.example", "news@b.example", "=calc@c.example");
		assertThat(this.repository.page(query(Queue.ALL, null, null, null, null, Sort.DOMAINS)).rows())
			.extracting(SenderRow::sender)
			.containsExactly("=calc@c.example", "spam@a.example", "news@b.example");
	}

	@Test
	void pagesHoldFiftySendersAndKnowTheTotal() {
		for (int i = 0; i < 52; i++) {
			message(String.format("bulk%02d@d.example", i), "SEND", "bulk", 100, null);
		}
		SenderQuery bulk = query(Queue.ALL, "d.example", null, null, null, Sort.TOTAL);
		SenderPage first = this.repository.page(bulk);
		assertThat(first.rows()).hasSize(50);
		assertThat(first.totalSenders()).isEqualTo(52);
		assertThat(first.hasNext()).isTrue();
		SenderPage second = this.repository.page(bulk.withPage(1));
		assertThat(second.rows()).extracting(SenderRow::sender).containsExactly("bulk50@d.example", "bulk51@d.example");
		assertThat(second.hasNext()).isFalse();
		assertThat(this.repository.all(bulk)).hasSize(52);
	}

}
