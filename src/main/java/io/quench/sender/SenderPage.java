package io.quench.sender;

import java.util.List;

/**
 * One page of senders.
 *
 * @param rows the senders on this page
 * @param page zero-based page
 * @param totalSenders senders matching the filters on all pages (0 when the page is past
 * the last)
 */
public record SenderPage(List<SenderRow> rows, int page, long totalSenders) {

	public SenderPage {
		rows = List.copyOf(rows);
	}

	public int pages() {
		return (int) ((this.totalSenders + SenderQuery.PAGE_SIZE - 1) / SenderQuery.PAGE_SIZE);
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public boolean hasNext() {
		return this.page + 1 < pages();
	}

}
