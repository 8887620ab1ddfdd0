package io.quench.login;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Browsing {@code log_event}: filtered events newest first with keyset paging, and the
 * per-IP view. Same SQL on H2 (PostgreSQL mode) and PostgreSQL; every filter value is a
 * bound parameter.
 */
@Repository
class LoginBrowseRepository {

	/** Accounts listed per address on the IP view. */
	static final int ACCOUNTS_LISTED = 10;

	static final OffsetDateTime BEGINNING = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	static final OffsetDateTime END = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	/** The filters the events and the IP view share (outcome is added by each). */
	private static final String FILTER = """
			log_kind in (:kinds)
				and (:anyAccount or gw_id in (:accounts) or network_id in (:accounts) or address in (:accounts))
				and (:anyIp or ip = :ip) and (:anyPrefix or ip like :prefix)
				and at >= :from and at < :to""";

	private static final String LOGIN_TYPES = "('LOGIN_SUCCESS', 'LOGIN_FAILURE', 'SMTP_AUTH_SUCCESS', 'SMTP_AUTH_FAILURE')";

	private final JdbcClient jdbc;

	LoginBrowseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page of events, newest first, from the query's cursor. */
	LoginEventPage events(LoginQuery query, int pageSize) {
		LoginCursor cursor = query.cursor();
		List<LoginEventRow> rows = filtered("""
				select id, at, log_kind, event_type, gw_id, network_id, address, ip, platform, error_code, file_name,
					line_number, raw
				from log_event
				where event_type in (:types) and %s
					and (:first or at < :cursorAt or (at = :cursorAt and id < :cursorId))
				order by at desc, id desc
				limit :limit
				""".formatted(FILTER), query).param("types", Outcome.typeNames(query.outcome()))
			.param("first", cursor == null)
			.param("cursorAt", (cursor != null) ? cursor.at().atOffset(ZoneOffset.UTC) : END)
			.param("cursorId", (cursor != null) ? cursor.id() : Long.MAX_VALUE)
			.param("limit", pageSize + 1)
			.query((rs, n) -> new LoginEventRow(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
					rs.getString("log_kind"), rs.getString("event_type"), rs.getString("gw_id"),
					rs.getString("network_id"), rs.getString("address"), rs.getString("ip"), rs.getString("platform"),
					rs.getString("error_code"), rs.getString("file_name"), rs.getLong("line_number"),
					rs.getString("raw")))
			.list();
		if (rows.size() <= pageSize) {
			return new LoginEventPage(rows, null);
		}
		List<LoginEventRow> page = rows.subList(0, pageSize);
		LoginEventRow last = page.get(pageSize - 1);
		return new LoginEventPage(page, new LoginCursor(last.at(), last.id()));
	}

	/**
	 * Client addresses of login events (POA logins and SMTP AUTH, both outcomes), most
	 * distinct accounts logged into first; the outcome filter does not apply.
	 */
	IpPage ips(LoginQuery query, int page, int sprayAccounts) {
		long[] total = { 0 };
		record Counts(String ip, long accounts, long successes, long failures, Instant first, Instant last) {
		}
		List<Counts> counts = filtered("""
				select ip,
					count(distinct case when event_type in (:successes)
						then coalesce(gw_id, network_id, address) end) as accounts,
					sum(case when event_type in (:successes) then 1 else 0 end) as successes,
					sum(case when event_type in (:failures) then 1 else 0 end) as failures,
					min(at) as first_at, max(at) as last_at,
					count(*) over () as ips
				from log_event
				where ip is not null and event_type in %s and %s
				group by ip
				order by accounts desc, failures desc, ip
				limit :limit offset :offset
				""".formatted(LOGIN_TYPES, FILTER), query).param("successes", Outcome.SUCCESSES)
			.param("failures", Outcome.FAILURES)
			.param("limit", IpPage.PAGE_SIZE)
			.param("offset", (long) page * IpPage.PAGE_SIZE)
			.query((rs, n) -> {
				total[0] = rs.getLong("ips");
				return new Counts(rs.getString("ip"), rs.getLong("accounts"), rs.getLong("successes"),
						rs.getLong("failures"), rs.getObject("first_at", OffsetDateTime.class).toInstant(),
						rs.getObject("last_at", OffsetDateTime.class).toInstant());
			})
			.list();
		Map<String, List<String>> accounts = new HashMap<>();
		if (!counts.isEmpty()) {
			filtered("""
					select ip, account from (
						select ip, account, row_number() over (partition by ip order by account) as n
						from (select distinct ip, coalesce(gw_id, network_id, address) as account
							from log_event
							where ip in (:ips) and event_type in (:successes)
								and coalesce(gw_id, network_id, address) is not null and %s) d
					) numbered
					where n <= :listed
					order by ip, account
					""".formatted(FILTER), query).param("ips", counts.stream().map(Counts::ip).toList())
				.param("successes", Outcome.SUCCESSES)
				.param("listed", ACCOUNTS_LISTED)
				.query((rs) -> {
					accounts.computeIfAbsent(rs.getString("ip"), (ip) -> new ArrayList<>())
						.add(rs.getString("account"));
				});
		}
		List<IpRow> rows = counts.stream()
			.map((c) -> new IpRow(c.ip(), c.accounts(), c.successes(), c.failures(), c.first(), c.last(),
					accounts.getOrDefault(c.ip(), List.of())))
			.toList();
		return new IpPage(rows, page, total[0], sprayAccounts);
	}

	private JdbcClient.StatementSpec filtered(String sql, LoginQuery query) {
		List<String> kinds = (query.kind() != null) ? List.of(query.kind().name())
				: Arrays.stream(LogKind.values()).map(Enum::name).toList();
		return this.jdbc.sql(sql)
			.param("kinds", kinds)
			.param("anyAccount", query.account() == null)
			.param("accounts", query.accountSpellings())
			.param("anyIp", query.ip().exact() == null)
			.param("ip", (query.ip().exact() != null) ? query.ip().exact() : "")
			.param("anyPrefix", query.ip().prefix() == null)
			.param("prefix", (query.ip().prefix() != null) ? query.ip().prefix() + "%" : "%")
			.param("from", (query.from() != null) ? query.from().atOffset(ZoneOffset.UTC) : BEGINNING)
			.param("to", (query.to() != null) ? query.to().atOffset(ZoneOffset.UTC) : END);
	}

}
