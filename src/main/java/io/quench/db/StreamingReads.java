package io.quench.db;

import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads that hand out up to millions of rows to a row callback (every queued message's
 * recipients, say) without holding the result in the heap:
 * <ul>
 * <li>{@link #client()} fetches {@value #FETCH_SIZE} rows at a time. PostgreSQL's driver
 * otherwise reads a whole result before handing out its first row, and it fetches in
 * parts only inside a transaction;</li>
 * <li>{@link #lazilyGet} and {@link #lazily} turn H2's lazy query execution on around the
 * reads: otherwise H2 computes a whole result before handing out its first row (10^6
 * messages and their 5.8 million recipient rows of before V14, stand-alone: 11.8 s lazily
 * against 20.1 s, docs/benchmarks.md, session 8).</li>
 * </ul>
 * Both need the caller's transaction.
 */
@Component
public class StreamingReads {

	/** Rows per fetch. */
	public static final int FETCH_SIZE = 5_000;

	private final JdbcClient client;

	private final JdbcClient plain;

	private final boolean h2;

	StreamingReads(DataSource dataSource, BulkWriter bulk) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.client = JdbcClient.create(template);
		this.plain = JdbcClient.create(dataSource);
		this.h2 = !bulk.postgres();
	}

	/** A client whose statements fetch {@value #FETCH_SIZE} rows at a time. */
	public JdbcClient client() {
		return this.client;
	}

	/**
	 * Runs the reads with H2's lazy mode on for the transaction's connection, and turns
	 * it off again whatever happens.
	 * @throws IllegalStateException outside a transaction (the setting would go to one
	 * pooled connection and the reads to another)
	 */
	public <T> T lazilyGet(Supplier<T> reads) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Streaming reads need a transaction");
		}
		if (!this.h2) {
			return reads.get();
		}
		this.plain.sql("set lazy_query_execution true").update();
		try {
			return reads.get();
		}
		finally {
			this.plain.sql("set lazy_query_execution false").update();
		}
	}

	/** {@link #lazilyGet} for reads that leave their results in the callback's hands. */
	public void lazily(Runnable reads) {
		lazilyGet(() -> {
			reads.run();
			return null;
		});
	}

}
