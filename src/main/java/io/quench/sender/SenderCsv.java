package io.quench.sender;

import java.time.Instant;
import java.util.List;

/**
 * The Top senders list as CSV (RFC 4180: CRLF line ends, every field quoted, quotes
 * doubled). A field that a spreadsheet would read as a formula (starting with {@code =},
 * {@code +}, {@code -} or {@code @}) gets a leading apostrophe.
 */
final class SenderCsv {

	static final String HEADER = "sender,send,defer,total,recipient_domains,first_queued_utc,last_queued_utc,top_subject";

	private SenderCsv() {
	}

	static String of(List<SenderRow> rows) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (SenderRow row : rows) {
			csv.append(field(row.sender()))
				.append(',')
				.append(field(Long.toString(row.send())))
				.append(',')
				.append(field(Long.toString(row.defer())))
				.append(',')
				.append(field(Long.toString(row.total())))
				.append(',')
				.append(field(Long.toString(row.recipientDomains())))
				.append(',')
				.append(field(time(row.firstQueued())))
				.append(',')
				.append(field(time(row.lastQueued())))
				.append(',')
				.append(field(row.topSubject()))
				.append("\r\n");
		}
		return csv.toString();
	}

	static String field(String value) {
		if (value == null) {
			return "\"\"";
		}
		String safe = (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

	private static String time(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
