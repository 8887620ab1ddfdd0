package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.quench.queue.RecipientList;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recipients as one row per message ({@link RecipientList}) instead of one row per
 * address: {@code queue_recipient_list} replaces {@code queue_recipient}. Storing a row
 * per address cost H2 25 us of CPU per queue file more at 10^6 files (docs/benchmarks.md,
 * session 9), which kept a first scan on H2 under 20,000 files/s.
 *
 * <p>
 * The rows are copied in slices of the old table in message order, each slice committed
 * on its own, so that memory stays flat and H2 never holds a transaction of millions of
 * rows. The copy can be interrupted (a kill, a power cut) and run again: it starts after
 * the last message copied, and the old table goes only once everything is copied.
 */
public class V14__Recipients_one_row_per_message extends BaseJavaMigration {

	/**
	 * Addresses kept per message: what the application has always stored at most
	 * ({@code QueueMessageRepository.MAX_RECIPIENTS_STORED}), so that no row outgrows its
	 * column.
	 */
	static final int MAX_ADDRESSES = 200;

	/** Old rows read per slice. */
	static final int SLICE = 20_000;

	private static final Logger log = LoggerFactory.getLogger(V14__Recipients_one_row_per_message.class);

	private final int slice;

	/** The migration as Flyway runs it. */
	public V14__Recipients_one_row_per_message() {
		this(SLICE);
	}

	/** With slices of this many old rows (tests use small ones). */
	V14__Recipients_one_row_per_message(int slice) {
		this.slice = slice;
	}

	@Override
	public boolean canExecuteInTransaction() {
		// Committed slice by slice (see above); H2 commits DDL on its own anyway.
		return false;
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		boolean autoCommit = connection.getAutoCommit();
		try (Statement statement = connection.createStatement()) {
			statement.execute("""
					create table if not exists queue_recipient_list (
						message_id bigint primary key,
						entries varchar(100000) not null
					)""");
			if (!oldTableExists(connection)) {
				return;
			}
			connection.setAutoCommit(false);
			long copied = copy(connection);
			statement.execute("drop table queue_recipient");
			connection.commit();
			if (copied > 0) {
				log.info("Recipients of {} queued messages now stored as one row per message", copied);
			}
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	private static boolean oldTableExists(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				select count(*) from information_schema.tables
				where lower(table_name) = 'queue_recipient' and lower(table_schema) = lower(current_schema)
				""")) {
			rs.next();
			return rs.getLong(1) > 0;
		}
	}

	/** Copies every message's rows after the last message already copied. */
	private long copy(Connection connection) throws SQLException {
		long last = 0;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("select coalesce(max(message_id), 0) from queue_recipient_list")) {
			rs.next();
			last = rs.getLong(1);
		}
		long copied = 0;
		long nextLog = 100_000;
		try (PreparedStatement read = connection.prepareStatement("""
				select message_id, role, address from queue_recipient where message_id > ?
				order by message_id limit %d""".formatted(this.slice));
				PreparedStatement readOne = connection
					.prepareStatement("select message_id, role, address from queue_recipient where message_id = ?");
				PreparedStatement write = connection
					.prepareStatement("insert into queue_recipient_list (message_id, entries) values (?, ?)")) {
			while (true) {
				List<Row> rows = rows(read, last);
				if (rows.isEmpty()) {
					return copied;
				}
				if (rows.size() == this.slice) {
					long tail = rows.get(rows.size() - 1).messageId();
					if (rows.get(0).messageId() == tail) {
						// One message with a slice's worth of rows or more: all of them.
						rows = rows(readOne, tail);
					}
					else {
						// The slice may end inside the last message: that one comes next.
						while (rows.get(rows.size() - 1).messageId() == tail) {
							rows.remove(rows.size() - 1);
						}
					}
				}
				copied += write(write, rows);
				connection.commit();
				last = rows.get(rows.size() - 1).messageId();
				if (copied >= nextLog) {
					log.info("Storing recipients as one row per message: {} messages so far", copied);
					nextLog += 100_000;
				}
			}
		}
	}

	private record Row(long messageId, String role, String address) {
	}

	private static List<Row> rows(PreparedStatement read, long messageId) throws SQLException {
		read.setLong(1, messageId);
		List<Row> rows = new ArrayList<>();
		try (ResultSet rs = read.executeQuery()) {
			while (rs.next()) {
				rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
			}
		}
		return rows;
	}

	/** Writes one row per message of the slice (rows of one message are adjacent). */
	private static int write(PreparedStatement write, List<Row> slice) throws SQLException {
		int messages = 0;
		int kept = 0;
		StringBuilder entries = new StringBuilder();
		for (int i = 0; i < slice.size(); i++) {
			Row row = slice.get(i);
			if (kept++ < MAX_ADDRESSES) {
				RecipientList.append(entries,
						"R".equals(row.role()) ? RecipientList.Role.RECIPIENT : RecipientList.Role.UNKNOWN,
						row.address());
			}
			if (i == slice.size() - 1 || slice.get(i + 1).messageId() != row.messageId()) {
				kept = 0;
				write.setLong(1, row.messageId());
				write.setString(2, entries.toString());
				write.addBatch();
				entries.setLength(0);
				messages++;
			}
		}
		write.executeBatch();
		return messages;
	}

}
