package io.quench.login;

import java.util.List;

/**
 * One page of client addresses, most accounts first.
 *
 * @param rows the addresses
 * @param page zero-based page
 * @param totalIps addresses matching on all pages
 * @param sprayAccounts the distinct-account count from which an address is badged
 */
public record IpPage(List<IpRow> rows, int page, long totalIps, int sprayAccounts) {

	/** Addresses per page. */
	static final int PAGE_SIZE = 50;

	public IpPage {
		rows = List.copyOf(rows);
	}

	public int pages() {
		return (int) ((this.totalIps + PAGE_SIZE - 1) / PAGE_SIZE);
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public boolean hasNext() {
		return this.page + 1 < pages();
	}

	public boolean spray(IpRow row) {
		return row.accounts() >= this.sprayAccounts;
	}

}
