package io.quench.login;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the Logins events browser and IP view show. The window is on the event's time,
 * {@code from} inclusive, {@code to} exclusive, either null for no bound.
 *
 * @param account a GroupWise id, network id or e-mail address, matched exactly as the log
 * writes it, or in all lower or all upper case; null for every account
 * @param ip the IP filter
 * @param outcome one outcome, or null for every event
 * @param kind one log kind, or null for both
 * @param from lower bound, or null
 * @param to upper bound, or null
 * @param cursor where the page starts (events only), or null for the newest
 */
record LoginQuery(String account, IpFilter ip, Outcome outcome, LogKind kind, Instant from, Instant to,
		LoginCursor cursor) {

	/** Events per page. */
	static final int PAGE_SIZE = 100;

	LoginQuery {
		account = (account == null || account.isBlank()) ? null : account.strip();
		ip = (ip != null) ? ip : IpFilter.NONE;
		if (account != null && account.length() > 320) {
			throw new InvalidLoginQueryException("account too long");
		}
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidLoginQueryException("from must be before to");
		}
	}

	static LoginQuery all() {
		return new LoginQuery(null, null, null, null, null, null, null);
	}

	LoginQuery withCursor(LoginCursor cursor) {
		return new LoginQuery(this.account, this.ip, this.outcome, this.kind, this.from, this.to, cursor);
	}

	/** The spellings of the account looked up (indexes need exact values). */
	List<String> accountSpellings() {
		List<String> spellings = new ArrayList<>();
		if (this.account != null) {
			for (String s : List.of(this.account, this.account.toLowerCase(Locale.ROOT),
					this.account.toUpperCase(Locale.ROOT))) {
				if (!spellings.contains(s)) {
					spellings.add(s);
				}
			}
		}
		else {
			spellings.add("");
		}
		return spellings;
	}

	/** Parses the request's text parameters: blank is "no filter", nonsense is a 400. */
	static LogKind kind(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (LogKind kind : LogKind.values()) {
			if (kind.name().equalsIgnoreCase(value.strip())) {
				return kind;
			}
		}
		throw new InvalidLoginQueryException("unknown log kind");
	}

}
