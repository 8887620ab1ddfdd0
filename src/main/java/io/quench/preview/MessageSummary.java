package io.quench.preview;

import java.time.Instant;
import java.util.List;

/**
 * One queued message in a list ({@code GET /api/v1/messages}).
 *
 * @param id the stable id
 * @param queue {@code send} or {@code defer}
 * @param path the path below the queue root
 * @param sender the resolved envelope sender
 * @param recipients the stored envelope recipients (at most 200)
 * @param subject the decoded subject, or null
 * @param size bytes
 * @param mtime modification time
 * @param sha256 SHA-256 when ingested, or null
 * @param status {@code PARSED}, {@code UNPARSED} or {@code REJECTED}
 */
public record MessageSummary(long id, String queue, String path, String sender, List<String> recipients, String subject,
		long size, Instant mtime, String sha256, String status) {

	public MessageSummary {
		recipients = List.copyOf(recipients);
	}

}
