package io.quench.login;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.quench.query.QueryUrl;

/**
 * The Logins pages' filters as the request gave them (for the form and the links).
 *
 * @param account account text
 * @param ip IP or IPv4 /8, /16, /24 network
 * @param type outcome ({@link Outcome} name, any case)
 * @param kind log kind ({@link LogKind} name, any case)
 * @param from lower bound in UTC
 * @param to upper bound in UTC
 */
public record LoginFilters(String account, String ip, String type, String kind, LocalDateTime from, LocalDateTime to) {

	/**
	 * The query; a filter that cannot be answered throws
	 * {@link InvalidLoginQueryException}.
	 */
	LoginQuery query(String cursor) {
		return new LoginQuery(this.account, IpFilter.parse(this.ip), Outcome.parse(this.type),
				LoginQuery.kind(this.kind), utc(this.from), utc(this.to), LoginCursor.parse(cursor));
	}

	/** A URL with these filters and optionally a cursor or page. */
	String url(String path, String cursor, Integer page) {
		return QueryUrl.of(path)
			.param("account", this.account)
			.param("ip", this.ip)
			.param("type", this.type)
			.param("kind", this.kind)
			.param("from", this.from)
			.param("to", this.to)
			.param("cursor", cursor)
			.page(page)
			.toString();
	}

	private static Instant utc(LocalDateTime time) {
		return (time != null) ? time.toInstant(ZoneOffset.UTC) : null;
	}

}
