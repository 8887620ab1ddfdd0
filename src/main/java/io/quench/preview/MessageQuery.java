package io.quench.preview;

import java.util.List;
import java.util.Locale;

/**
 * A sender's present (not gone) messages in one queue or both.
 *
 * @param sender the envelope sender (compared in lower case, as stored)
 * @param queue which queue, null for send and defer
 * @param page zero-based page
 * @param size messages per page, 1 to {@link #MAX_SIZE}
 */
record MessageQuery(String sender, Queue queue, int page, int size) {

	/** Largest page: a page of 500 rows with their recipients stays a small response. */
	static final int MAX_SIZE = 500;

	static final int DEFAULT_SIZE = 50;

	MessageQuery {
		if (sender == null || sender.isBlank()) {
			throw new InvalidMessageQueryException("sender is required");
		}
		sender = sender.strip().toLowerCase(Locale.ROOT);
		if (page < 0) {
			throw new InvalidMessageQueryException("page must not be negative");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidMessageQueryException("size must be 1 to " + MAX_SIZE);
		}
	}

	/** The stored folder names this query covers. */
	List<String> folders() {
		return (this.queue == null) ? List.of("SEND", "DEFER") : List.of(this.queue.name());
	}

	/** {@code send} or {@code defer} (any case); blank means both. */
	static Queue queue(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (Queue queue : Queue.values()) {
			if (queue.name().equalsIgnoreCase(value.strip())) {
				return queue;
			}
		}
		throw new InvalidMessageQueryException("queue must be send or defer");
	}

	/** The queues a message list can be limited to. */
	enum Queue {

		SEND, DEFER

	}

}
