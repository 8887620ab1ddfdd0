package io.quench.suspect;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VerdictRepository {

	private final JdbcClient jdbc;

	VerdictRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(VerdictRecorded verdict) {
		int rows = this.jdbc.sql("""
				insert into suspect_verdict (account_key, verdict, reason, actor, recorded_at)
				values (:account, :verdict, :reason, :actor, :at)
				""")
			.param("account", verdict.account())
			.param("verdict", verdict.verdict().name())
			.param("reason", verdict.reason())
			.param("actor", verdict.actor())
			.param("at", verdict.at().atOffset(ZoneOffset.UTC))
			.update();
		if (rows != 1) {
			throw new IllegalStateException("verdict not stored for " + verdict.account());
		}
	}

	/** The newest verdict of every account that has one. */
	Map<String, Verdict> current() {
		return this.jdbc.sql("""
				select v.account_key, v.verdict from suspect_verdict v
				where v.id = (select max(w.id) from suspect_verdict w where w.account_key = v.account_key)
				""")
			.query((rs, row) -> Map.entry(rs.getString("account_key"), Verdict.valueOf(rs.getString("verdict"))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** An account's verdicts, oldest first. */
	List<VerdictRecorded> history(String account) {
		return this.jdbc.sql("""
				select account_key, verdict, reason, actor, recorded_at from suspect_verdict
				where account_key = :account order by id
				""")
			.param("account", account)
			.query((rs, row) -> new VerdictRecorded(rs.getString("account_key"),
					Verdict.valueOf(rs.getString("verdict")), rs.getString("reason"), rs.getString("actor"),
					rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
			.list();
	}

}
