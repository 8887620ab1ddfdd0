package io.quench.sender;

import java.time.Instant;
import java.util.Locale;

/**
 * What to list on the Top senders page. Blank text filters mean "no filter"; the window
 * is on the message's mtime, {@code from} inclusive and {@code to} exclusive, either null
 * for no bound.
 *
 * @param queue which folders to count
 * @param senderDomain exact sender domain (case-insensitive), or null
 * @param subject text the subject contains (case-insensitive), or null
 * @param from lower bound, or null
 * @param to upper bound, or null
 * @param sort the column to sort by, descending
 * @param page zero-based page
 */
record SenderQuery(Queue queue, String senderDomain, String subject, Instant from, Instant to, Sort sort, int page) {

	/** Rows per page. */
	static final int PAGE_SIZE = 50;

	SenderQuery {
		queue = (queue != null) ? queue : Queue.ALL;
		sort = (sort != null) ? sort : Sort.TOTAL;
		senderDomain = (senderDomain == null || senderDomain.isBlank()) ? null
				: senderDomain.strip().toLowerCase(Locale.ROOT);
		subject = (subject == null || subject.isBlank()) ? null : subject.strip();
		if (page < 0) {
			throw new InvalidSenderQueryException("page must not be negative");
		}
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidSenderQueryException("from must be before to");
		}
	}

	static SenderQuery all() {
		return new SenderQuery(Queue.ALL, null, null, null, null, Sort.TOTAL, 0);
	}

	/**
	 * The same filters, sorted by total, first page: every sort and page of one filter is
	 * cut from the same table of senders.
	 */
	SenderQuery filter() {
		return new SenderQuery(this.queue, this.senderDomain, this.subject, this.from, this.to, Sort.TOTAL, 0);
	}

	SenderQuery withPage(int page) {
		return new SenderQuery(this.queue, this.senderDomain, this.subject, this.from, this.to, this.sort, page);
	}

	/** Folders counted. */
	enum Queue {

		SEND, DEFER, ALL

	}

	/** Whitelisted sort columns: only these constants' SQL ever reaches the query. */
	enum Sort {

		TOTAL, SEND, DEFER, DOMAINS

	}

}
