package io.quench.queue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import io.quench.db.BulkWriter;
import io.quench.db.StreamingReads;
import io.quench.source.IngestContext;
import io.quench.source.SenderCount;
import io.quench.source.Source;
import io.quench.source.SourceKind;
import io.quench.source.UnmatchedShape;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks, parses and ingests one queue root with the real {@link QueueWalker},
 * {@link QueueFileParser} and {@link QueueIngester} (into an in-memory H2 database with
 * the real migrations), printing what happened to each item as tab-separated lines.
 * {@link QueueFileUnreadableTests} runs it as an unprivileged user in a child JVM, since
 * root reads every file whatever its mode.
 * <p>
 * Lines: {@code UID uid}, {@code WALK-ERROR path problem}, {@code PARSE path status
 * problem}, {@code FAILED path reason} (per-item errors the ingestion reported),
 * {@code ROW path status problem} (rows stored), {@code RUN-DONE ok}.
 */
public final class UnreadableFileProbe {

	private UnreadableFileProbe() {
	}

	public static void main(String[] args) throws Exception {
		run(Path.of(args[0]), System.out);
		System.out.flush();
	}

	static void run(Path root, PrintStream out) throws Exception {
		out.println("UID\t" + uid());
		new QueueWalker(root).walk(new QueueWalker.Visitor() {
			private final QueueFileParser parser = new QueueFileParser();

			@Override
			public void file(QueueEntry entry) {
				ParsedQueueFile parsed = this.parser.parse(entry);
				out.println("PARSE\t" + entry.relativePath() + "\t" + parsed.status() + "\t" + parsed.problem());
			}

			@Override
			public void error(QueueWalker.ItemError error) {
				out.println("WALK-ERROR\t" + error.relativePath() + "\t" + error.problem());
			}
		});
		ingest(root, out);
	}

	private static void ingest(Path root, PrintStream out) throws Exception {
		// A pool, as in the application: H2 keeps objects of the session that created the
		// schema, which must stay open.
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:h2:mem:probe;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		dataSource.setUsername("sa");
		dataSource.setPassword("");
		dataSource.setMaximumPoolSize(4);
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("""
				insert into source (name, kind, path, zone, declared, enabled, created_at, updated_at)
				values (:name, :kind, :path, :zone, false, true, :now, :now)
				""")
			.param("name", "probe")
			.param("kind", SourceKind.QUEUE.name())
			.param("path", root.toString())
			.param("zone", "UTC")
			.param("now", java.time.OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		long sourceId = jdbc.sql("select id from source where name = 'probe'").query(Long.class).single();
		BulkWriter bulk = bulkWriter(dataSource);
		QueueIngester ingester = new QueueIngester(
				new QueueMessageRepository(jdbc, new JdbcTemplate(dataSource),
						new NamedParameterJdbcTemplate(dataSource), bulk, streamingReads(dataSource, bulk)),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
		Source source = new Source(sourceId, "probe", SourceKind.QUEUE, root, ZoneOffset.UTC, null, false, true);
		AtomicLong ok = new AtomicLong();
		ingester.ingest(new IngestContext() {
			@Override
			public Source source() {
				return source;
			}

			@Override
			public long runId() {
				return 1;
			}

			@Override
			public Clock clock() {
				return Clock.systemUTC();
			}

			@Override
			public void total(long files, long bytes) {
			}

			@Override
			public void done(long files, long bytes) {
			}

			@Override
			public void ok(long count) {
				ok.addAndGet(count);
			}

			@Override
			public void skipped(long count) {
			}

			@Override
			public void gone(long count) {
			}

			@Override
			public void events(long count) {
			}

			@Override
			public void failed(String path, String reason) {
				out.println("FAILED\t" + path + "\t" + reason);
			}

			@Override
			public void topSenders(List<SenderCount> top) {
			}

			@Override
			public void shapes(List<UnmatchedShape> shapes) {
			}

			@Override
			public boolean cancelled() {
				return false;
			}
		});
		jdbc.sql("select rel_path, status, problem from queue_message order by rel_path")
			.query((rs, row) -> "ROW\t" + rs.getString(1) + "\t" + rs.getString(2) + "\t" + rs.getString(3))
			.list()
			.forEach(out::println);
		out.println("RUN-DONE\t" + ok.get());
		dataSource.close();
	}

	/** The writer's constructor is for Spring (package-private in io.quench.db). */
	private static BulkWriter bulkWriter(DataSource dataSource) throws ReflectiveOperationException {
		var constructor = BulkWriter.class.getDeclaredConstructor(DataSource.class);
		constructor.setAccessible(true);
		return constructor.newInstance(dataSource);
	}

	/** Package-private in io.quench.db as well. */
	private static StreamingReads streamingReads(DataSource dataSource, BulkWriter bulk)
			throws ReflectiveOperationException {
		var constructor = StreamingReads.class.getDeclaredConstructor(DataSource.class, BulkWriter.class);
		constructor.setAccessible(true);
		return constructor.newInstance(dataSource, bulk);
	}

	private static String uid() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("Uid:")) {
				return line.substring(4).trim().split("\\s+")[1]; // the effective uid
			}
		}
		return "?";
	}

}
