package io.quench.preview;

import java.util.Objects;

/**
 * One header field of the message.
 *
 * @param name the field name as written
 * @param value the value unfolded, RFC 2047 encoded words decoded (text, never markup)
 * @param raw the field as written (name, colon, folded value), 8-bit bytes read as UTF-8
 * if valid, else ISO-8859-1
 */
public record HeaderField(String name, String value, String raw) {

	public HeaderField {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(raw, "raw");
	}

}
