package io.quench.sender;

import java.util.List;

/**
 * The KB counts as CSV, with the same quoting and formula guard as {@link SenderCsv}.
 */
final class KbCsv {

	static final String HEADER = "address,send,defer,total";

	private KbCsv() {
	}

	static String of(List<KbState.KbRow> rows) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		for (KbState.KbRow row : rows) {
			csv.append(SenderCsv.field(row.address()))
				.append(',')
				.append(SenderCsv.field(Long.toString(row.send())))
				.append(',')
				.append(SenderCsv.field(Long.toString(row.defer())))
				.append(',')
				.append(SenderCsv.field(Long.toString(row.total())))
				.append("\r\n");
		}
		return csv.toString();
	}

}
