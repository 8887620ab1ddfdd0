package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.quench.queue.RecipientList;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V14 turns a database of V13 (a row per recipient address) into one row per message,
 * losing no address, on H2 and PostgreSQL: in slices that end inside a message, after an
 * interrupted earlier run, and through Flyway itself.
 */
abstract class RecipientsMigrationContract {

	/** A fresh, empty database (or schema) for one test. */
	abstract DataSource freshDatabase();

	@Test
	void everyAddressOfEveryMessageIsKeptInSlicesAndAfterAnInterruptedRun() throws Exception {
		DataSource db = freshDatabase();
		flyway(db).target("13").load().migrate();
		Map<Long, List<RecipientList.Entry>> written = writeOldRows(db);
		try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
			// An earlier run copied messages 1 to 3 and was killed: they are not copied
			// twice.
			statement.execute(
					"create table queue_recipient_list (message_id bigint primary key, entries varchar(100000) not null)");
			try (PreparedStatement insert = connection
				.prepareStatement("insert into queue_recipient_list (message_id, entries) values (?, ?)")) {
				for (long id = 1; id <= 3; id++) {
					insert.setLong(1, id);
					insert.setString(2, RecipientList.encode(written.get(id)));
					insert.execute();
				}
			}
		}

		// Slices of 7 rows: most end inside a message; message 9 alone holds 250.
		try (Connection connection = db.getConnection()) {
			new V14__Recipients_one_row_per_message(7).migrate(context(connection));
		}

		assertKept(stored(db), written);
		assertThat(tableExists(db, "queue_recipient")).isFalse();
		// Flyway runs it again (it did not record the direct run): nothing changes.
		Map<Long, List<RecipientList.Entry>> before = stored(db);
		flyway(db).load().migrate();
		assertThat(stored(db)).isEqualTo(before);
	}

	@Test
	void flywayFindsAndRunsTheMigration() throws SQLException {
		DataSource db = freshDatabase();
		flyway(db).target("13").load().migrate();
		Map<Long, List<RecipientList.Entry>> written = writeOldRows(db);

		Flyway flyway = flyway(db).load();
		flyway.migrate();

		assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("14");
		assertKept(stored(db), written);
		assertThat(tableExists(db, "queue_recipient")).isFalse();
	}

	private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource db) {
		return Flyway.configure().dataSource(db).locations("classpath:db/migration");
	}

	/**
	 * Old rows for messages 1 to 12, inserted out of message order: addresses with
	 * colons, digits and non-ASCII letters, unknown roles, a message with none, one with
	 * 250.
	 */
	private static Map<Long, List<RecipientList.Entry>> writeOldRows(DataSource db) throws SQLException {
		Map<Long, List<RecipientList.Entry>> written = new HashMap<>();
		long[] order = { 5, 1, 12, 3, 9, 2, 7, 4, 11, 6, 8 };
		try (Connection connection = db.getConnection();
				PreparedStatement insert = connection.prepareStatement(
						"insert into queue_recipient (message_id, address, domain, role) values (?, ?, ?, ?)")) {
			for (long id : order) {
				int count = (id == 9) ? 250 : (int) (id % 5);
				for (int i = 0; i < count; i++) {
					String address = switch (i % 4) {
						case 0 -> "r" + i + "@d" + (i % 3) + ".example";
						case 1 -> "12:" + i + "@colon.example";
						case 2 -> "jürgen" + i + "@umlaut.example";
						default -> "u" + i + "@unknown.example";
					};
					boolean recipient = i % 4 != 3;
					insert.setLong(1, id);
					insert.setString(2, address);
					insert.setString(3, RecipientList.domain(address));
					insert.setString(4, recipient ? "R" : "U");
					insert.addBatch();
					written.computeIfAbsent(id, (k) -> new ArrayList<>())
						.add(new RecipientList.Entry(
								recipient ? RecipientList.Role.RECIPIENT : RecipientList.Role.UNKNOWN, address));
				}
			}
			insert.executeBatch();
		}
		return written;
	}

	/**
	 * Every address of every message is kept; of the message with 250 (more than the
	 * application ever stored), any 200 of them.
	 */
	private static void assertKept(Map<Long, List<RecipientList.Entry>> stored,
			Map<Long, List<RecipientList.Entry>> written) {
		assertThat(stored.keySet()).isEqualTo(written.keySet());
		written.forEach((id, entries) -> {
			if (entries.size() > 200) {
				assertThat(stored.get(id)).as("message " + id).hasSize(200).doesNotHaveDuplicates();
				assertThat(entries).as("message " + id).containsAll(stored.get(id));
			}
			else {
				assertThat(stored.get(id)).as("message " + id).isEqualTo(sorted(entries));
			}
		});
	}

	private static Map<Long, List<RecipientList.Entry>> stored(DataSource db) throws SQLException {
		Map<Long, List<RecipientList.Entry>> stored = new HashMap<>();
		try (Connection connection = db.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select message_id, entries from queue_recipient_list")) {
			while (rs.next()) {
				stored.put(rs.getLong(1), sorted(RecipientList.decode(rs.getString(2))));
			}
		}
		return stored;
	}

	private static List<RecipientList.Entry> sorted(List<RecipientList.Entry> entries) {
		List<RecipientList.Entry> sorted = new ArrayList<>(entries);
		sorted.sort(
				java.util.Comparator.comparing(RecipientList.Entry::address).thenComparing(RecipientList.Entry::role));
		return sorted;
	}

	private static boolean tableExists(DataSource db, String table) throws SQLException {
		try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement("""
				select count(*) from information_schema.tables
				where lower(table_name) = ? and lower(table_schema) = lower(current_schema)
				""")) {
			query.setString(1, table);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getLong(1) > 0;
			}
		}
	}

	private static Context context(Connection connection) {
		return new Context() {

			@Override
			public Configuration getConfiguration() {
				return Flyway.configure();
			}

			@Override
			public Connection getConnection() {
				return connection;
			}

		};
	}

}
