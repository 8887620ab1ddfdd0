package io.quench.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk loads keep every value exactly (COPY on PostgreSQL, batches on H2): quotes,
 * commas, line breaks, non-ASCII, nulls, timestamps; NUL characters become U+FFFD.
 */
@Import(BulkWriter.class)
abstract class BulkWriterContract {

	@Autowired
	BulkWriter bulk;

	@Autowired
	JdbcClient jdbc;

	@Test
	void valuesThatBreakNaiveCsvArriveUnchanged() {
		this.jdbc
			.sql("create table bulk_probe (id bigint, label varchar(200), at timestamp with time zone, flag boolean)")
			.update();
		Instant at = Instant.parse("2026-12-04T10:15:30.123456Z");
		List<String> labels = List.of("plain", "with \"quotes\"", "a,b,c", "line\nbreak\r\nand more", "ümlaut ✓ 日本", "",
				"\\N", "nul\0inside", "  spaces  ");
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < labels.size(); i++) {
			rows.add(new Object[] { (long) i, labels.get(i), at, i % 2 == 0 });
		}
		rows.add(new Object[] { 99L, null, null, null });

		this.bulk.insert("bulk_probe", List.of("id", "label", "at", "flag"), rows);

		List<String> stored = this.jdbc.sql("select label from bulk_probe where id < 99 order by id")
			.query(String.class)
			.list();
		List<String> expected = new ArrayList<>(labels);
		expected.set(7, "nul\uFFFDinside");
		assertThat(stored).containsExactlyElementsOf(expected);
		assertThat(this.jdbc.sql("select at from bulk_probe where id = 3")
			.query(OffsetDateTime.class)
			.single()
			.toInstant()).isEqualTo(at);
		assertThat(this.jdbc
			.sql("select count(*) from bulk_probe where id = 99 and label is null and at is null and flag is null")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from bulk_probe where flag = true").query(Long.class).single())
			.isEqualTo(5);
	}

	@Test
	void idBlocksFromASequenceDoNotOverlap() {
		long first = this.bulk.reserveIds("queue_message_seq", 1000);
		long second = this.bulk.reserveIds("queue_message_seq", 1000);
		assertThat(second - first).isGreaterThanOrEqualTo(1000);
	}

}
