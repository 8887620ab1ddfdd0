package io.quench.login;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes log events older than {@code quench.retention.log-events} (default 90 days;
 * {@code 0} keeps them forever), in slices so that a large delete does not hold a long
 * transaction.
 */
@Component
class LogRetention {

	/** Rows deleted per statement. */
	static final int SLICE = 50_000;

	private static final Logger log = LoggerFactory.getLogger(LogRetention.class);

	private final JdbcClient jdbc;

	private final Duration keep;

	private final Clock clock;

	LogRetention(JdbcClient jdbc, @Value("${quench.retention.log-events:90d}") Duration keep, Clock clock) {
		this.jdbc = jdbc;
		this.keep = keep;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	int purge() {
		if (this.keep.isZero() || this.keep.isNegative()) {
			return 0;
		}
		var before = this.clock.instant().minus(this.keep).atOffset(ZoneOffset.UTC);
		int total = 0;
		int deleted;
		do {
			deleted = this.jdbc.sql("""
					delete from log_event where id in (select id from log_event where at < :before order by id
					fetch first %d rows only)""".formatted(SLICE)).param("before", before).update();
			total += deleted;
		}
		while (deleted == SLICE);
		if (total > 0) {
			log.info("Retention: deleted {} log events older than {}", total, before);
		}
		return total;
	}

}
