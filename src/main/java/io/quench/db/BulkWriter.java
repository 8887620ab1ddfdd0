package io.quench.db;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Inserts many rows at once into one table: {@code COPY ... FROM STDIN} on PostgreSQL
 * (several times faster than batched inserts; binary format where every column has a type
 * {@link PgCopyBinary} writes, else CSV), a JDBC batch on H2. Takes part in the caller's
 * transaction. Text values lose NUL characters (PostgreSQL cannot store them; they only
 * come from binary junk).
 */
@Component
public class BulkWriter {

	private final DataSource dataSource;

	private final boolean postgres;

	private final boolean exclusive;

	/**
	 * PostgreSQL column types per table and column list, for {@code COPY} in binary
	 * format; an empty array where a column has a type the binary encoder does not write,
	 * and such a table is copied as CSV.
	 */
	private final Map<String, PgCopyBinary.Type[]> columnTypes = new ConcurrentHashMap<>();

	BulkWriter(DataSource dataSource) {
		this.dataSource = dataSource;
		// One look at the metadata for both (one connection from the pool at start-up).
		String[] productAndUrl = productAndUrl(dataSource);
		this.postgres = productAndUrl[0] != null
				&& productAndUrl[0].toLowerCase(java.util.Locale.ROOT).contains("postgres");
		this.exclusive = isExclusiveUrl(productAndUrl[1]);
	}

	public boolean postgres() {
		return this.postgres;
	}

	/**
	 * Whether only this process can use the database: an embedded H2 database (a file,
	 * which H2 locks for one process, or memory), not an H2 server or a database that
	 * several instances share. Then a scan still marked running when Quench starts was
	 * left by a process that ended.
	 * @return whether the database is this process's alone
	 */
	public boolean exclusive() {
		return this.exclusive;
	}

	/**
	 * How many items (queue files, log lines) an ingester should write per transaction.
	 * PostgreSQL: 2,000, one efficient COPY per table and few commits. H2: 250, because
	 * small transactions cost H2 less per row: it keeps a transaction's uncommitted rows
	 * in an undo log and as versioned values until the commit, and a large transaction's
	 * live set outlives the young collections. Queue rows alone (bench/insert-rows.sh,
	 * 300,000 files): 58 us of CPU per file at 250 files per transaction, 73 at 500, 85
	 * at 2,000, 99 at 8,000; in the application 157 to 116 us per file at 10^6 files, and
	 * the 1.4 million log events of a generated incident 142 to 145 s of CPU at 2,000, 98
	 * to 109 s at 250 (bench/log-ingest.sh; docs/benchmarks.md).
	 */
	public int itemsPerTransaction() {
		return this.postgres ? POSTGRES_ITEMS_PER_TRANSACTION : H2_ITEMS_PER_TRANSACTION;
	}

	static final int POSTGRES_ITEMS_PER_TRANSACTION = 2_000;

	static final int H2_ITEMS_PER_TRANSACTION = 250;

	/**
	 * @param columns the column names, in the order of each row's values
	 * @param rows values: String, Number, Boolean, Instant, OffsetDateTime or null
	 */
	public void insert(String table, List<String> columns, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			if (this.postgres) {
				copy(connection, table, columns, rows);
			}
			else {
				batch(connection, table, columns, rows);
			}
		}
		catch (SQLException | IOException ex) {
			throw new DataAccessResourceFailureException("Bulk insert into " + table + " failed: " + ex.getMessage(),
					ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * Reserves {@code blockSize} consecutive ids from a sequence that increments by that
	 * much; returns the first.
	 */
	public long reserveIds(String sequence, long blockSize) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try (PreparedStatement statement = connection.prepareStatement("select nextval('" + sequence + "')");
				var rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Cannot reserve ids from " + sequence, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private void copy(Connection connection, String table, List<String> columns, List<Object[]> rows)
			throws SQLException, IOException {
		PgCopyBinary.Type[] types = this.columnTypes.computeIfAbsent(table + " " + columns,
				(key) -> PgCopyBinary.types(connection, table, columns));
		if (types.length == columns.size()) {
			PgCopyBinary.Encoded data = PgCopyBinary.encode(types, rows);
			CopyIn in = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT binary)");
			try {
				in.writeToCopy(data.bytes(), 0, data.length());
				in.endCopy();
			}
			finally {
				if (in.isActive()) {
					in.cancelCopy();
				}
			}
			return;
		}
		StringBuilder csv = new StringBuilder(rows.size() * 128);
		for (Object[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				if (i > 0) {
					csv.append(',');
				}
				appendCsv(csv, row[i]);
			}
			csv.append('\n');
		}
		String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
		connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
	}

	private static void appendCsv(StringBuilder csv, Object value) {
		if (value == null) {
			return; // unquoted empty = NULL in CSV format
		}
		if (value instanceof Boolean bool) {
			csv.append(bool ? "true" : "false");
			return;
		}
		if (value instanceof Number number) {
			csv.append(number);
			return;
		}
		String text = (value instanceof Instant instant) ? instant.atOffset(ZoneOffset.UTC).toString()
				: (value instanceof OffsetDateTime time) ? time.toString() : clean(value.toString());
		csv.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				csv.append('"');
			}
			csv.append(c);
		}
		csv.append('"');
	}

	private static void batch(Connection connection, String table, List<String> columns, List<Object[]> rows)
			throws SQLException {
		String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
				+ String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (Object[] row : rows) {
				for (int i = 0; i < row.length; i++) {
					Object value = row[i];
					if (value instanceof Instant instant) {
						value = instant.atOffset(ZoneOffset.UTC);
					}
					else if (value instanceof String text) {
						value = clean(text);
					}
					statement.setObject(i + 1, value);
				}
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	private static String clean(String text) {
		return (text.indexOf('\0') < 0) ? text : text.replace('\0', '\uFFFD');
	}

	/**
	 * The database product name and the JDBC URL, or nulls where the metadata cannot be
	 * read.
	 */
	private static String[] productAndUrl(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource,
					(metaData) -> new String[] { metaData.getDatabaseProductName(), metaData.getURL() });
		}
		catch (Exception ex) {
			return new String[2];
		}
	}

	/**
	 * Whether a JDBC URL names a database only the process opening it can use: embedded
	 * H2 (a file or memory), not through an H2 server ({@code tcp:}, {@code ssl:}) or in
	 * H2's mixed mode ({@code AUTO_SERVER=TRUE}, where other processes connect to it).
	 */
	static boolean isExclusiveUrl(String url) {
		if (url == null) {
			return false;
		}
		String lower = url.toLowerCase(java.util.Locale.ROOT);
		return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:")
				&& !lower.replace(" ", "").contains("auto_server=true");
	}

}
