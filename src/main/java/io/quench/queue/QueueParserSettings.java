package io.quench.queue;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Element-name patterns for the XML dialects. They are regular expressions matched
 * against an element's local name (namespace prefix removed), so a real capture with
 * other names needs new settings, not new code.
 *
 * @param addressElements elements whose text is an address ({@code EmailAddress}, the
 * only element name confirmed by KB 7021410)
 * @param senderElements an address whose nearest matching ancestor (or itself) matches
 * this is a {@link EnvelopeAddress.Role#SENDER}
 * @param recipientElements an address whose nearest matching ancestor (or itself) matches
 * this is a {@link EnvelopeAddress.Role#RECIPIENT}
 * @param messageElements the element holding the whole RFC 5322 message (base64 or plain
 * text) in dialect (b)
 */
public record QueueParserSettings(String addressElements, String senderElements, String recipientElements,
		String messageElements) {

	/** Default for {@link #addressElements()}. */
	public static final String DEFAULT_ADDRESS_ELEMENTS = "(?i)^(emailaddress|smtpaddress)$";

	/** Default for {@link #senderElements()}. */
	public static final String DEFAULT_SENDER_ELEMENTS = "(?i)^(from|sender|originator|mailfrom|envelopefrom)$";

	/** Default for {@link #recipientElements()}. */
	public static final String DEFAULT_RECIPIENT_ELEMENTS = "(?i)^(to|cc|bcc|recipient|recipients|rcpt|rcptto|envelopeto)$";

	/** Default for {@link #messageElements()}. */
	public static final String DEFAULT_MESSAGE_ELEMENTS = "(?i)^(mimecontent|mime|rfc822|message)$";

	public QueueParserSettings {
		check("addressElements", addressElements);
		check("senderElements", senderElements);
		check("recipientElements", recipientElements);
		check("messageElements", messageElements);
	}

	/**
	 * The shipped defaults, shaped after docs/formats.md.
	 * @return the default settings
	 */
	public static QueueParserSettings defaults() {
		return new QueueParserSettings(DEFAULT_ADDRESS_ELEMENTS, DEFAULT_SENDER_ELEMENTS, DEFAULT_RECIPIENT_ELEMENTS,
				DEFAULT_MESSAGE_ELEMENTS);
	}

	private static void check(String name, String regex) {
		Objects.requireNonNull(regex, name);
		try {
			Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException(name + " is not a valid regular expression: " + ex.getMessage(), ex);
		}
	}

}
