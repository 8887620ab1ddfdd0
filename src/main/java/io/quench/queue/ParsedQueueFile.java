package io.quench.queue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@link QueueFileParser} made of one queue file. Never {@code null} fields except
 * where noted; a file that could not be parsed has a {@link Status} other than
 * {@link Status#PARSED}, a {@code problem}, no addresses, no sender and
 * {@link MessageHeaders#EMPTY} (nothing is taken from a file that failed half-way).
 *
 * @param relativePath the path relative to the queue root
 * @param folder the queue the file sits in
 * @param size the number of bytes read (the whole file), {@code -1} if it could not be
 * opened
 * @param mtime the modification time when opened, {@code null} if it could not be opened
 * @param sha256 lower-case hex SHA-256 of the whole file, {@code null} if it could not be
 * read to the end
 * @param dialect the queue-file dialect recognised (see docs/formats.md)
 * @param status parsed, unparsed (not understood, not read) or rejected (hostile)
 * @param problem why the file is unparsed or rejected, {@code null} when parsed
 * @param addresses the envelope addresses in file order (header addresses for dialect
 * (d))
 * @param sender the resolved sender, lower case: the first {@code SENDER} address, else
 * the first {@code UNKNOWN} one ("probable sender"), else the message's
 * Sender/From/Return-Path; {@code null} if none (or the envelope sender is the null
 * reverse-path {@code <>} of a bounce)
 * @param headers the decoded message headers
 * @param warnings what was odd but did not stop parsing, for the operator
 */
public record ParsedQueueFile(String relativePath, QueueFolder folder, long size, Instant mtime, String sha256,
		Dialect dialect, Status status, String problem, List<EnvelopeAddress> addresses, String sender,
		MessageHeaders headers, List<String> warnings) {

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

	public ParsedQueueFile {
		Objects.requireNonNull(relativePath, "relativePath");
		Objects.requireNonNull(folder, "folder");
		Objects.requireNonNull(dialect, "dialect");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(headers, "headers");
		addresses = List.copyOf(addresses);
		warnings = List.copyOf(warnings);
		if ((status == Status.PARSED) != (problem == null)) {
			throw new IllegalArgumentException("a problem is required exactly when the file is not parsed");
		}
		if (status != Status.PARSED
				&& (!addresses.isEmpty() || sender != null || !headers.equals(MessageHeaders.EMPTY))) {
			throw new IllegalArgumentException("an unparsed or rejected file carries no addresses, sender or headers");
		}
		if (status == Status.PARSED && sha256 == null) {
			throw new IllegalArgumentException("a parsed file has a sha256");
		}
		if (sha256 != null && !SHA256_HEX.matcher(sha256).matches()) {
			throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
		}
		if (size < -1) {
			throw new IllegalArgumentException("size must be -1 (unknown) or more: " + size);
		}
	}

	/**
	 * The addresses with the given role.
	 * @param role the role
	 * @return the addresses with that role, in file order
	 */
	public List<EnvelopeAddress> addresses(EnvelopeAddress.Role role) {
		return this.addresses.stream().filter((address) -> address.role() == role).toList();
	}

	/** The queue-file dialects of docs/formats.md. */
	public enum Dialect {

		/** (a) An XML envelope followed by the RFC 5322 message. */
		XML_ENVELOPE,

		/** (b) XML throughout, the message (base64 or text) in an element. */
		XML_MESSAGE,

		/** (c) The legacy SMTP script: domain, HELO/EHLO, MAIL FROM, RCPT TO, DATA. */
		SMTP_SCRIPT,

		/** (d) A bare RFC 5322 message. */
		RFC5322,

		/** Not recognised (or not read far enough to tell). */
		UNKNOWN

	}

	/** How far parsing got. */
	public enum Status {

		/** Parsed; see the warnings for anything odd. */
		PARSED,

		/**
		 * Not understood or not readable: binary, unknown dialect, truncated, vanished.
		 */
		UNPARSED,

		/** Refused as hostile or over a safety limit: DTDs, entities, XML limits. */
		REJECTED

	}

}
