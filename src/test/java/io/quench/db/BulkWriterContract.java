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
	void everyColumnTypeOfTheBinaryCopyKeepsItsValue() {
		this.jdbc.sql("""
				create table bulk_types (id bigint, n integer, s smallint, code char(3), word varchar(10), note text,
					at timestamp with time zone)
				""").update();
		List<Instant> times = List.of(Instant.parse("1999-12-31T23:59:59.999999Z"),
				Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2000-01-01T00:00:00.000001Z"),
				Instant.parse("2061-07-28T21:00:00.5Z"));
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < times.size(); i++) {
			Object at = (i % 2 == 0) ? times.get(i)
					: OffsetDateTime.ofInstant(times.get(i), java.time.ZoneId.of("+05:30"));
			rows.add(new Object[] { Long.MAX_VALUE - i, Integer.MIN_VALUE + i, (short) (-i), "ab" + i, "wörd" + i,
					"x".repeat(10_000 + i), at });
		}

		this.bulk.insert("bulk_types", List.of("id", "n", "s", "code", "word", "note", "at"), rows);

		List<String> stored = this.jdbc.sql("select id, n, s, code, word, note, at from bulk_types order by id desc")
			.query((rs, row) -> rs.getLong(1) + "|" + rs.getInt(2) + "|" + rs.getShort(3) + "|" + rs.getString(4) + "|"
					+ rs.getString(5) + "|" + rs.getString(6).length() + "|"
					+ rs.getObject(7, OffsetDateTime.class).toInstant())
			.list();
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < times.size(); i++) {
			expected.add((Long.MAX_VALUE - i) + "|" + (Integer.MIN_VALUE + i) + "|" + (-i) + "|ab" + i + "|wörd" + i
					+ "|" + (10_000 + i) + "|" + times.get(i));
		}
		assertThat(stored).containsExactlyElementsOf(expected);
	}

	@Test
	void aTableWithAColumnTypeTheBinaryCopyDoesNotWriteIsStillLoaded() {
		this.jdbc.sql("create table bulk_numeric (id bigint, amount numeric(10, 2), label varchar(20))").update();

		this.bulk.insert("bulk_numeric", List.of("id", "amount", "label"), List.<Object[]>of(
				new Object[] { 1L, new java.math.BigDecimal("12.34"), "a" }, new Object[] { 2L, null, "b,\"c\"" }));

		assertThat(this.jdbc.sql(
				"select id || '/' || coalesce(cast(amount as varchar), '-') || '/' || label from bulk_numeric order by id")
			.query(String.class)
			.list()).containsExactly("1/12.34/a", "2/-/b,\"c\"");
	}

	@Test
	void idBlocksFromASequenceDoNotOverlap() {
		long first = this.bulk.reserveIds("queue_message_seq", 1000);
		long second = this.bulk.reserveIds("queue_message_seq", 1000);
		assertThat(second - first).isGreaterThanOrEqualTo(1000);
	}

}
