package io.quench.preview;

import java.time.Instant;
import java.util.List;

/**
 * A message picked as a sample of a sender's mail, and why.
 *
 * @param id the message id
 * @param queue {@code send} or {@code defer}
 * @param subject the decoded subject, or null
 * @param mtime when it was queued (file modification time)
 * @param reasons why it was picked (at least one)
 */
public record Sample(long id, String queue, String subject, Instant mtime, List<Reason> reasons) {

	public Sample {
		reasons = List.copyOf(reasons);
	}

	Sample withReason(Reason reason) {
		List<Reason> more = new java.util.ArrayList<>(this.reasons);
		more.add(reason);
		return new Sample(this.id, this.queue, this.subject, this.mtime, more);
	}

	/**
	 * Why a message was picked.
	 *
	 * @param kind the rule
	 * @param detail the subject template or recipient domain concerned, or null
	 * @param messages how many of the sender's messages share it (0 when not relevant)
	 */
	public record Reason(Kind kind, String detail, long messages) {
	}

	/** The picking rules, in the order they are applied. */
	public enum Kind {

		/** The most recently queued message. */
		NEWEST,
		/** The oldest queued message. */
		OLDEST,
		/** A message with the most common subject template. */
		COMMON_SUBJECT,
		/**
		 * A message whose subject template differs from the common one (rarest first).
		 */
		RARE_SUBJECT,
		/** A message to a recipient domain the sender rarely writes to. */
		RARE_DOMAIN,
		/** Evenly spread over the queue time, to fill up the sample. */
		SPREAD

	}

}
