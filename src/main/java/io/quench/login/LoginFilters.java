package io.quench.login;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.web.util.UriComponentsBuilder;

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
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
		add(url, "account", this.account);
		add(url, "ip", this.ip);
		add(url, "type", this.type);
		add(url, "kind", this.kind);
		add(url, "from", (this.from != null) ? this.from.toString() : null);
		add(url, "to", (this.to != null) ? this.to.toString() : null);
		add(url, "cursor", cursor);
		if (page != null && page > 0) {
			url.queryParam("page", page);
		}
		return url.encode().build().toUriString();
	}

	private static void add(UriComponentsBuilder url, String name, String value) {
		if (value != null && !value.isBlank()) {
			url.queryParam(name, value);
		}
	}

	private static Instant utc(LocalDateTime time) {
		return (time != null) ? time.toInstant(ZoneOffset.UTC) : null;
	}

}
