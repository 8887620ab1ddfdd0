package io.quench.login;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where the next page of events starts: the (time, id) of the last event shown, as an
 * opaque URL-safe token. Keyset paging: newest first by {@code (at desc, id desc)}, so a
 * page costs the same however deep it is, and events with the same time are neither
 * skipped nor repeated.
 *
 * @param at the last shown event's time
 * @param id its id
 */
record LoginCursor(Instant at, long id) {

	/** The token for URLs and the API's {@code next}. */
	String token() {
		String plain = this.at + "|" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
	}

	/** The cursor of a token; blank is "from the newest"; anything else is refused. */
	static LoginCursor parse(String token) {
		if (token == null || token.isBlank()) {
			return null;
		}
		if (token.length() > 100) {
			throw new InvalidLoginQueryException("bad cursor");
		}
		try {
			String plain = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.US_ASCII);
			int bar = plain.indexOf('|');
			if (bar < 0) {
				throw new InvalidLoginQueryException("bad cursor");
			}
			return new LoginCursor(Instant.parse(plain.substring(0, bar)), Long.parseLong(plain.substring(bar + 1)));
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw new InvalidLoginQueryException("bad cursor");
		}
	}

}
