package io.quench.account;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the user directory CSV
 * ({@code gwId,networkId,preferredAddress,aliases,postOffice,domain}, aliases separated
 * by {@code ;}). Header names are matched loosely (case, spaces, dashes and the Admin
 * API's {@code name}/{@code postoffice} spellings), so an export from another tool fits
 * without code. A bad row is reported and skipped.
 */
final class DirectoryCsv {

	/**
	 * Rows read at most: a post office system with more users than this is not one GWIA's
	 * problem.
	 */
	static final int MAX_ROWS = 1_000_000;

	private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("gwid", "gwId"),
			Map.entry("name", "gwId"), Map.entry("userid", "gwId"), Map.entry("networkid", "networkId"),
			Map.entry("netid", "networkId"), Map.entry("preferredaddress", "preferredAddress"),
			Map.entry("preferredemailaddress", "preferredAddress"), Map.entry("email", "preferredAddress"),
			Map.entry("aliases", "aliases"), Map.entry("nicknames", "aliases"), Map.entry("postoffice", "postOffice"),
			Map.entry("postofficename", "postOffice"), Map.entry("domain", "domain"),
			Map.entry("domainname", "domain"));

	private DirectoryCsv() {
	}

	static void read(Reader reader, Consumer<DirectoryEntry> entries, BiConsumer<Long, String> problems)
			throws IOException {
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.setAllowMissingColumnNames(true)
			.get();
		try (var parser = format.parse(reader)) {
			Map<String, Integer> header = parser.getHeaderMap();
			Integer gwId = column(header, "gwId").orElse(null);
			if (gwId == null) {
				problems.accept(1L, "no gwId (or name) column in the header " + header.keySet());
				return;
			}
			long rows = 0;
			for (CSVRecord record : parser) {
				if (++rows > MAX_ROWS) {
					problems.accept(record.getRecordNumber(), "more than " + MAX_ROWS + " rows: the rest is not read");
					return;
				}
				String id = value(record, gwId);
				if (id == null || id.isBlank()) {
					problems.accept(record.getRecordNumber() + 1, "row without a GroupWise id");
					continue;
				}
				String aliases = value(record, column(header, "aliases").orElse(null));
				entries.accept(new DirectoryEntry(id, value(record, column(header, "networkId").orElse(null)),
						value(record, column(header, "preferredAddress").orElse(null)),
						(aliases == null) ? java.util.List.of() : Arrays.asList(aliases.split("[;,\\s]+")),
						value(record, column(header, "postOffice").orElse(null)),
						value(record, column(header, "domain").orElse(null))));
			}
		}
	}

	private static Optional<Integer> column(Map<String, Integer> header, String canonical) {
		return header.entrySet()
			.stream()
			.filter((entry) -> canonical
				.equals(ALIASES.get(entry.getKey().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", ""))))
			.map(Map.Entry::getValue)
			.findFirst();
	}

	private static String value(CSVRecord record, Integer column) {
		return (column == null || column >= record.size()) ? null : record.get(column);
	}

}
