package io.quench.preview;

import java.time.Instant;
import java.util.List;

/**
 * A message as {@code GET /api/v1/messages/{id}} gives it: the stored envelope and what
 * the file says now, without any body.
 *
 * @param id the stable id
 * @param source the queue source's name
 * @param queue {@code send}, {@code defer} or {@code other}
 * @param path the path below the queue root
 * @param sender the resolved envelope sender, or null
 * @param recipients the stored envelope recipients
 * @param recipientCount how many recipients the file named
 * @param subject the subject as read now (or as stored, when the file cannot be read)
 * @param size bytes when ingested
 * @param mtime modification time when ingested
 * @param sha256 SHA-256 when ingested, or null
 * @param dialect the queue-file dialect
 * @param status the ingestion status
 * @param problem why ingestion could not parse it, or null
 * @param integrity the file now compared with what was ingested
 * @param headers the decoded headers (empty when the file cannot be read)
 * @param receivedChain the Received headers, newest first
 * @param links every URL found, defanged
 * @param attachments the attachments (never their content)
 * @param warnings what was odd when reading it now
 */
public record MessageDetail(long id, String source, String queue, String path, String sender,
		List<StoredMessage.Recipient> recipients, int recipientCount, String subject, long size, Instant mtime,
		String sha256, String dialect, String status, String problem, Integrity integrity, List<HeaderField> headers,
		List<String> receivedChain, List<FoundLink> links, List<AttachmentInfo> attachments, List<String> warnings) {

	static MessageDetail of(MessagePreview preview) {
		StoredMessage m = preview.message();
		RenderedMessage r = preview.rendered();
		return new MessageDetail(m.id(), preview.sourceName(), m.queue(), m.path(), m.sender(), m.recipients(),
				m.recipientCount(), (r != null && r.subject() != null) ? r.subject() : m.subject(), m.size(), m.mtime(),
				m.sha256(), m.dialect(), m.status(), m.problem(), preview.integrity(),
				(r != null) ? r.headers() : List.of(), (r != null) ? r.receivedChain() : List.of(),
				(r != null) ? r.links() : List.of(), (r != null) ? r.attachments() : List.of(),
				(r != null) ? r.warnings() : List.of());
	}

}
