package io.quench.preview;

import java.util.List;

/**
 * One page of a sender's queued messages, newest first.
 *
 * @param items the messages on this page
 * @param page zero-based page
 * @param size page size asked for
 * @param total messages matching on all pages
 */
public record MessageListPage(List<MessageSummary> items, int page, int size, long total) {

	public MessageListPage {
		items = List.copyOf(items);
	}

}
