package io.quench.preview;

import java.time.Instant;
import java.util.List;

/**
 * What ingestion stored about one queue file: its envelope and where it is.
 *
 * @param id the stable id ({@code /messages/{id}})
 * @param sourceId the queue source it was read from
 * @param queue {@code send}, {@code defer} or {@code other}
 * @param path the path below the queue root
 * @param size bytes when ingested
 * @param mtime modification time when ingested
 * @param sha256 SHA-256 of the whole file when ingested, or null (not read to the end)
 * @param dialect the queue-file dialect recognised
 * @param status {@code PARSED}, {@code UNPARSED} or {@code REJECTED}
 * @param problem why it is not parsed, or null
 * @param sender the resolved envelope sender, or null
 * @param subject the decoded subject, or null
 * @param recipients the envelope recipients stored (at most 200)
 * @param recipientCount how many the file named
 * @param warnings what ingestion found odd
 * @param goneAt when the file was first seen missing, or null
 */
public record StoredMessage(long id, long sourceId, String queue, String path, long size, Instant mtime, String sha256,
		String dialect, String status, String problem, String sender, String subject, List<Recipient> recipients,
		int recipientCount, List<String> warnings, Instant goneAt) {

	public StoredMessage {
		recipients = List.copyOf(recipients);
		warnings = List.copyOf(warnings);
	}

	/**
	 * One envelope address other than the sender.
	 *
	 * @param address lower case
	 * @param role {@code recipient}, or {@code unknown} when the file does not say
	 */
	public record Recipient(String address, String role) {
	}

}
