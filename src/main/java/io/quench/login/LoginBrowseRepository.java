package io.quench.login;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
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

	private static final String LOGIN_TYPES = "('LOGIN_SUCCESS', 'LOGIN_FAILURE', 'SMTP_AUTH_SUCCESS', 'SMTP_AUTH_FAILURE')";

	/** The account columns, each with its own index: one query per column, merged. */
	private static final List<String> ACCOUNT_COLUMNS = List.of("gw_id in (:accounts)", "network_id in (:accounts)",
			"address in (:accounts)");

	private final JdbcClient jdbc;

	LoginBrowseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One page of events, newest first, from the query's cursor. With an account filter,
	 * each account column is queried on its own index and the pages are merged: an OR of
	 * the three would make H2 walk the time index through every event.
	 */
	LoginEventPage events(LoginQuery query, int pageSize) {
		List<LoginEventRow> rows = new ArrayList<>();
		if (query.account() == null) {
			rows.addAll(events(query, null, pageSize + 1));
		}
		else {
			Map<Long, LoginEventRow> merged = new HashMap<>();
			for (String column : ACCOUNT_COLUMNS) {
				events(query, column, pageSize + 1).forEach((row) -> merged.put(row.id(), row));
			}
			rows.addAll(merged.values());
			rows.sort(Comparator.comparing(LoginEventRow::at).thenComparingLong(LoginEventRow::id).reversed());
		}
		if (rows.size() <= pageSize) {
			return new LoginEventPage(rows, null);
		}
		List<LoginEventRow> page = rows.subList(0, pageSize);
		LoginEventRow last = page.get(pageSize - 1);
		return new LoginEventPage(page, new LoginCursor(last.at(), last.id()));
	}

	private List<LoginEventRow> events(LoginQuery query, String accountColumn, int limit) {
		List<String> conditions = conditions(query, accountColumn);
		LoginCursor cursor = query.cursor();
		if (cursor != null) {
			// at <= is what an index can seek to; the OR then drops the cursor's own
			// time's
			// larger ids.
			conditions.add("at <= :cursorAt and (at < :cursorAt or id < :cursorId)");
		}
		return bind(this.jdbc.sql("""
				select id, at, log_kind, event_type, gw_id, network_id, address, ip, platform, error_code, file_name,
					line_number, raw
				from log_event
				%s
				order by at desc, id desc
				limit :limit
				""".formatted(where(conditions))), query)
			.param("cursorAt", (cursor != null) ? cursor.at().atOffset(ZoneOffset.UTC) : END)
			.param("cursorId", (cursor != null) ? cursor.id() : Long.MAX_VALUE)
			.param("limit", limit)
			.query((rs, n) -> new LoginEventRow(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
					rs.getString("log_kind"), rs.getString("event_type"), rs.getString("gw_id"),
					rs.getString("network_id"), rs.getString("address"), rs.getString("ip"), rs.getString("platform"),
					rs.getString("error_code"), rs.getString("file_name"), rs.getLong("line_number"),
					rs.getString("raw")))
			.list();
	}

	/**
	 * The conditions of the filters that are set, from constant SQL fragments only (every
	 * value is a bound parameter): a condition for an unset filter would keep the
	 * database from choosing the index of the ones that are set.
	 * @param accountColumn the account condition to use ({@link #ACCOUNT_COLUMNS}), or
	 * null for all three OR-ed
	 */
	private static List<String> conditions(LoginQuery query, String accountColumn) {
		List<String> conditions = new ArrayList<>();
		if (query.outcome() != null) {
			conditions.add("event_type in (:types)");
		}
		if (query.kind() != null) {
			conditions.add("log_kind = :kind");
		}
		if (query.account() != null) {
			conditions.add((accountColumn != null) ? accountColumn : "(" + String.join(" or ", ACCOUNT_COLUMNS) + ")");
		}
		if (query.ip().exact() != null) {
			conditions.add("ip = :ip");
		}
		if (query.ip().prefix() != null) {
			conditions.add("ip like :prefix");
		}
		if (query.from() != null) {
			conditions.add("at >= :from");
		}
		if (query.to() != null) {
			conditions.add("at < :to");
		}
		return conditions;
	}

	private static String where(List<String> conditions) {
		return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
	}

	/** One client address: its counts over the login events. */
	record IpCount(String ip, long accounts, long successes, long failures, Instant first, Instant last) {
	}

	/**
	 * One page of client addresses of login events (POA logins and SMTP AUTH, both
	 * outcomes), most distinct accounts logged into first; the outcome filter does not
	 * apply.
	 */
	IpPage ips(LoginQuery query, int page, int sprayAccounts) {
		return page(ipCounts(query), query, page, sprayAccounts);
	}

	/** Every client address of the query's login events, in the IP view's order. */
	List<IpCount> ipCounts(LoginQuery query) {
		return bind(this.jdbc.sql("""
				select ip,
					count(distinct case when event_type in (:successes)
						then coalesce(gw_id, network_id, address) end) as accounts,
					sum(case when event_type in (:successes) then 1 else 0 end) as successes,
					sum(case when event_type in (:failures) then 1 else 0 end) as failures,
					min(at) as first_at, max(at) as last_at
				from log_event
				%s
				group by ip
				order by accounts desc, failures desc, ip
				""".formatted(where(ipConditions(query)))), query).param("successes", Outcome.SUCCESSES)
			.param("failures", Outcome.FAILURES)
			.query((rs, n) -> new IpCount(rs.getString("ip"), rs.getLong("accounts"), rs.getLong("successes"),
					rs.getLong("failures"), rs.getObject("first_at", OffsetDateTime.class).toInstant(),
					rs.getObject("last_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * One page of {@code counts} (from {@link #ipCounts}), with the first accounts each
	 * address logged into.
	 */
	IpPage page(List<IpCount> all, LoginQuery query, int page, int sprayAccounts) {
		long offset = (long) page * IpPage.PAGE_SIZE;
		List<IpCount> counts = (offset >= all.size()) ? List.of()
				: all.subList((int) offset, (int) Math.min(all.size(), offset + IpPage.PAGE_SIZE));
		Map<String, List<String>> accounts = new HashMap<>();
		if (!counts.isEmpty()) {
			List<String> conditions = conditions(query, null);
			conditions.add("ip in (:ips)");
			conditions.add("event_type in (:successes)");
			conditions.add("coalesce(gw_id, network_id, address) is not null");
			bind(this.jdbc.sql("""
					select ip, account from (
						select ip, account, row_number() over (partition by ip order by account) as n
						from (select distinct ip, coalesce(gw_id, network_id, address) as account
							from log_event
							%s) d
					) numbered
					where n <= :listed
					order by ip, account
					""".formatted(where(conditions))), query).param("ips", counts.stream().map(IpCount::ip).toList())
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
		return new IpPage(rows, page, all.size(), sprayAccounts);
	}

	private static List<String> ipConditions(LoginQuery query) {
		List<String> conditions = conditions(query, null);
		conditions.add("ip is not null");
		conditions.add("event_type in " + LOGIN_TYPES);
		return conditions;
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, LoginQuery query) {
		return spec.param("types", Outcome.typeNames(query.outcome()))
			.param("kind", (query.kind() != null) ? query.kind().name() : "")
			.param("accounts", query.accountSpellings())
			.param("ip", (query.ip().exact() != null) ? query.ip().exact() : "")
			.param("prefix", (query.ip().prefix() != null) ? query.ip().prefix() + "%" : "%")
			.param("from", (query.from() != null) ? query.from().atOffset(ZoneOffset.UTC) : BEGINNING)
			.param("to", (query.to() != null) ? query.to().atOffset(ZoneOffset.UTC) : END);
	}

}
