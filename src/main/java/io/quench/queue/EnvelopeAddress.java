package io.quench.queue;

import java.util.Objects;

/**
 * An address found in a queue file's envelope (or, for a bare RFC 5322 message, in its
 * headers).
 *
 * @param address the address as found, trimmed and without angle brackets or display name
 * @param role what the address is, as far as the file tells
 * @param roleSource where the address came from: the XML element path (for example
 * {@code GWIAEnvelope/Recipients/Recipient/EmailAddress}), {@code MAIL FROM},
 * {@code RCPT TO}, or a header name such as {@code From:}
 */
public record EnvelopeAddress(String address, Role role, String roleSource) {

	public EnvelopeAddress {
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(roleSource, "roleSource");
		if (address.isBlank()) {
			throw new IllegalArgumentException("address must not be blank");
		}
	}

	/** The role of an address in the envelope. */
	public enum Role {

		/** The envelope sender (originator, {@code MAIL FROM}). */
		SENDER,

		/** An envelope recipient ({@code RCPT TO}, to, cc, bcc). */
		RECIPIENT,

		/** The file does not tell (no ancestor element matched a configured pattern). */
		UNKNOWN

	}

}
