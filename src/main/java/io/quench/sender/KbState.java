package io.quench.sender;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.quench.census.KbCounts;
import io.quench.source.Source;

/**
 * Where the KB count of one queue source stands.
 *
 * @param source the queue source
 * @param counting a count is queued or running
 * @param started the running count has started reading (false while it waits for another
 * source's count)
 * @param filesSeen files read so far by the running count
 * @param filesEstimate files in send/ and defer/ at the source's latest scan (0 if
 * unknown)
 * @param requestedAt when the running (or last) count was asked for
 * @param counts the latest finished counts, or null before the first
 * @param countedAt when {@code counts} were finished
 * @param problem why the last count failed, or null
 */
public record KbState(Source source, boolean counting, boolean started, long filesSeen, long filesEstimate,
		Instant requestedAt, KbCounts counts, Instant countedAt, String problem) {

	/**
	 * The ranks (indexes into {@code counts}) of one page of addresses matching a filter.
	 */
	KbPage page(String domainText, int page) {
		if (this.counts == null) {
			return new KbPage(List.of(), page, 0);
		}
		String lower = (domainText == null) ? "" : domainText.strip().toLowerCase(Locale.ROOT);
		long first = (long) page * SenderQuery.PAGE_SIZE;
		List<KbRow> rows = new ArrayList<>();
		long matching = 0;
		for (int rank = 0; rank < this.counts.size(); rank++) {
			if (this.counts.domainContains(rank, lower)) {
				if (matching >= first && rows.size() < SenderQuery.PAGE_SIZE) {
					rows.add(row(rank));
				}
				matching++;
			}
		}
		return new KbPage(rows, page, matching);
	}

	/** Every address matching the filter (the CSV export). */
	List<KbRow> all(String domainText) {
		if (this.counts == null) {
			return List.of();
		}
		String lower = (domainText == null) ? "" : domainText.strip().toLowerCase(Locale.ROOT);
		List<KbRow> rows = new ArrayList<>();
		for (int rank = 0; rank < this.counts.size(); rank++) {
			if (this.counts.domainContains(rank, lower)) {
				rows.add(row(rank));
			}
		}
		return rows;
	}

	private KbRow row(int rank) {
		return new KbRow(this.counts.address(rank), this.counts.send(rank), this.counts.defer(rank),
				this.counts.total(rank));
	}

	/** Percent of the estimate read, 0 to 99 while counting. */
	public int percent() {
		if (this.filesEstimate <= 0) {
			return 0;
		}
		return (int) Math.min(99, this.filesSeen * 100 / this.filesEstimate);
	}

	/** One address's occurrences. */
	public record KbRow(String address, long send, long defer, long total) {
	}

	/** One page of addresses. */
	public record KbPage(List<KbRow> rows, int page, long totalAddresses) {

		public int pages() {
			return (int) ((this.totalAddresses + SenderQuery.PAGE_SIZE - 1) / SenderQuery.PAGE_SIZE);
		}

		public boolean hasPrevious() {
			return this.page > 0;
		}

		public boolean hasNext() {
			return this.page + 1 < pages();
		}

	}

}
