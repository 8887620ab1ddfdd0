package io.quench.queue;

import java.time.Instant;

/**
 * The decoded headers of the message in a queue file. RFC 2047 encoded words are decoded,
 * folded lines unfolded, raw 8-bit bytes read as UTF-8 if valid, else windows-1252. Any
 * value may be {@code null} when the header is absent; long values are cut at
 * {@link QueueFileParser#MAX_HEADER_VALUE_CHARS} characters.
 *
 * @param subject the decoded {@code Subject:}
 * @param from the decoded {@code From:} as written (display names included)
 * @param to the decoded {@code To:} as written
 * @param cc the decoded {@code Cc:} as written
 * @param date the {@code Date:}, parsed leniently; {@code null} if absent or unparseable
 * @param messageId the {@code Message-ID:} without angle brackets
 * @param firstReceivedHop the bottom-most {@code Received:} header (the first hop the
 * message took), whitespace collapsed
 * @param xMailer the decoded {@code X-Mailer:} (or {@code User-Agent:} if there is no
 * X-Mailer)
 */
public record MessageHeaders(String subject, String from, String to, String cc, Instant date, String messageId,
		String firstReceivedHop, String xMailer) {

	/** No headers (no message found, or the file was not parsed). */
	public static final MessageHeaders EMPTY = new MessageHeaders(null, null, null, null, null, null, null, null);

}
