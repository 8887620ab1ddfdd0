package io.quench.login;

import java.time.Instant;

/**
 * One log event as the Logins browser lists it.
 *
 * @param id the event's id
 * @param at when it happened
 * @param kind the log that wrote it ({@code POA} or {@code GWIA})
 * @param type what happened ({@link EventType} name)
 * @param gwId GroupWise id (or the SMTP AUTH name), or null
 * @param networkId network id, or null
 * @param address e-mail address, or null
 * @param ip client address, or null
 * @param platform client platform, or null
 * @param errorCode GroupWise error code, or null
 * @param file the log file's name
 * @param line line number in it
 * @param raw the line as read (cut to 1,024 characters at ingest)
 */
public record LoginEventRow(long id, Instant at, String kind, String type, String gwId, String networkId,
		String address, String ip, String platform, String errorCode, String file, long line, String raw) {

	/** Characters of the raw line shown before it is folded into a details element. */
	static final int SHORT_RAW = 120;

	/** The account as one text: GroupWise id, else network id, else address. */
	public String account() {
		return (this.gwId != null) ? this.gwId : (this.networkId != null) ? this.networkId : this.address;
	}

	/** The raw line's beginning, for the table cell. */
	public String shortRaw() {
		return (this.raw.length() <= SHORT_RAW) ? this.raw : this.raw.substring(0, SHORT_RAW) + "…";
	}

	public boolean rawTruncated() {
		return this.raw.length() > SHORT_RAW;
	}

}
