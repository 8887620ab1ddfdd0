package io.quench.sender;

import java.time.Instant;

/**
 * One sender's queued messages.
 *
 * @param sender envelope sender
 * @param send messages in send/
 * @param defer messages in defer/
 * @param total messages counted
 * @param recipientDomains distinct recipient domains
 * @param firstQueued oldest mtime
 * @param lastQueued newest mtime
 * @param topSubject the most common subject (ties: the alphabetically first), or null
 */
public record SenderRow(String sender, long send, long defer, long total, long recipientDomains, Instant firstQueued,
		Instant lastQueued, String topSubject) {
}
