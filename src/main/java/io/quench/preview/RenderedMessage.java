package io.quench.preview;

import java.util.List;
import java.util.Objects;

/**
 * What a preview shows of one message. All text is plain text for the template to escape;
 * only {@link #sanitizedHtml()} is markup, already cleaned, to be served in a sandboxed
 * frame under a strict Content-Security-Policy.
 *
 * @param headers the message's header fields, in order
 * @param receivedChain the Received values, top (last hop) first, whitespace collapsed
 * @param subject the decoded subject, {@code null} if none
 * @param textBody the first text/plain part, or text derived from the HTML; empty if
 * neither
 * @param textDerivedFromHtml whether {@code textBody} comes from the HTML
 * @param sanitizedHtml the cleaned HTML body fragment, {@code null} when the message has
 * no HTML part
 * @param blocked what the HTML would have loaded, removed
 * @param links every URL found (text, HTML, List-Unsubscribe), de-duplicated, in order
 * @param attachments the other parts
 * @param warnings what was malformed or cut, for the operator
 * @param partCount the MIME entities parsed (the message counts as one)
 * @param truncated whether a limit cut anything
 */
public record RenderedMessage(List<HeaderField> headers, List<String> receivedChain, String subject, String textBody,
		boolean textDerivedFromHtml, String sanitizedHtml, List<BlockedResource> blocked, List<FoundLink> links,
		List<AttachmentInfo> attachments, List<String> warnings, int partCount, boolean truncated) {

	public RenderedMessage {
		headers = List.copyOf(headers);
		receivedChain = List.copyOf(receivedChain);
		Objects.requireNonNull(textBody, "textBody");
		blocked = List.copyOf(blocked);
		links = List.copyOf(links);
		attachments = List.copyOf(attachments);
		warnings = List.copyOf(warnings);
	}

}
