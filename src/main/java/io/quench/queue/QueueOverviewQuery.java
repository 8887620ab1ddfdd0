package io.quench.queue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What the Queues page shows: the same filters as Top senders where they mean something
 * for a queue overview. The window is on the depth sample's time for the depth series and
 * on the message's mtime for everything else; {@code from} inclusive, {@code to}
 * exclusive, either null for no bound.
 *
 * @param source one queue source, or null for all of them
 * @param queue which folders to count
 * @param senderDomain exact sender domain (case-insensitive), or null; not applied to the
 * depth series (it counts whole folders)
 * @param from lower bound, or null
 * @param to upper bound, or null
 */
record QueueOverviewQuery(Long source, Queue queue, String senderDomain, Instant from, Instant to) {

	QueueOverviewQuery {
		queue = (queue != null) ? queue : Queue.ALL;
		senderDomain = (senderDomain == null || senderDomain.isBlank()) ? null
				: senderDomain.strip().toLowerCase(Locale.ROOT);
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidQueueQueryException("from must be before to");
		}
	}

	static QueueOverviewQuery all() {
		return new QueueOverviewQuery(null, Queue.ALL, null, null, null);
	}

	/** The folders counted, as stored in {@code queue_message.folder}. */
	List<String> folders() {
		return this.queue.folders;
	}

	/** Folders counted (the parameter names and values of the Top senders page). */
	enum Queue {

		SEND(List.of("SEND")), DEFER(List.of("DEFER")), ALL(List.of("SEND", "DEFER"));

		final List<String> folders;

		Queue(List<String> folders) {
			this.folders = folders;
		}

		/** Blank is {@link #ALL}; anything not a constant's name is refused. */
		static Queue parse(String value) {
			if (value == null || value.isBlank()) {
				return ALL;
			}
			for (Queue queue : values()) {
				if (queue.name().equalsIgnoreCase(value.strip())) {
					return queue;
				}
			}
			throw new InvalidQueueQueryException("unknown queue");
		}

	}

}
