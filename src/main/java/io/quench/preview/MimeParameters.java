package io.quench.preview;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

/**
 * Header parameters ({@code filename}, {@code name}) with RFC 2231 continuations and
 * charsets, and RFC 2047 encoded words some mailers put in them.
 */
final class MimeParameters {

	/** A parameter split in more sections than this is cut: names are short. */
	private static final int MAX_SECTIONS = 64;

	private MimeParameters() {
	}

	/** The value of a Content-Type or Content-Disposition (lower case), or null. */
	static String value(String fieldBody) {
		if (fieldBody == null) {
			return null;
		}
		RawBody body = RawFieldParser.DEFAULT.parseRawBody(new RawField("X", fieldBody));
		String value = body.getValue();
		return (value == null || value.isBlank()) ? null : value.strip().toLowerCase(Locale.ROOT);
	}

	/** The decoded parameter {@code name} of a field body, or null. */
	static String parameter(String fieldBody, String name) {
		if (fieldBody == null) {
			return null;
		}
		List<NameValuePair> params = RawFieldParser.DEFAULT.parseRawBody(new RawField("X", fieldBody)).getParams();
		String plain = null;
		String extended = null;
		TreeMap<Integer, String[]> sections = new TreeMap<>();
		for (NameValuePair p : params) {
			String key = p.getName().toLowerCase(Locale.ROOT).strip();
			String value = (p.getValue() != null) ? p.getValue() : "";
			if (key.equals(name)) {
				plain = (plain == null) ? value : plain;
			}
			else if (key.equals(name + "*")) {
				extended = (extended == null) ? value : extended;
			}
			else if (key.startsWith(name + "*")) {
				String rest = key.substring(name.length() + 1);
				boolean encoded = rest.endsWith("*");
				String number = encoded ? rest.substring(0, rest.length() - 1) : rest;
				try {
					int n = Integer.parseInt(number);
					if (n >= 0 && n < MAX_SECTIONS) {
						sections.putIfAbsent(n, new String[] { value, encoded ? "*" : "" });
					}
				}
				catch (NumberFormatException ex) {
					// Not a section: ignored.
				}
			}
		}
		if (extended != null) {
			return decode2231(extended, true);
		}
		if (!sections.isEmpty()) {
			return continuations(sections);
		}
		return (plain != null) ? decode2047(plain) : null;
	}

	private static String continuations(TreeMap<Integer, String[]> sections) {
		// Section 0 may carry charset'language'; later encoded sections use it too.
		Charset charset = StandardCharsets.UTF_8;
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int expected = 0;
		for (var entry : sections.entrySet()) {
			if (entry.getKey() != expected++) {
				break;
			}
			String value = entry.getValue()[0];
			boolean encoded = !entry.getValue()[1].isEmpty();
			if (encoded) {
				if (entry.getKey() == 0) {
					int first = value.indexOf('\'');
					int second = (first >= 0) ? value.indexOf('\'', first + 1) : -1;
					if (second > first) {
						charset = charset(value.substring(0, first));
						value = value.substring(second + 1);
					}
				}
				percentDecode(value, bytes);
			}
			else {
				byte[] raw = value.getBytes(StandardCharsets.UTF_8);
				bytes.write(raw, 0, raw.length);
			}
		}
		return new String(bytes.toByteArray(), charset);
	}

	/** {@code charset'language'percent-encoded}. */
	static String decode2231(String value, boolean withCharset) {
		Charset charset = StandardCharsets.UTF_8;
		String data = value;
		if (withCharset) {
			int first = value.indexOf('\'');
			int second = (first >= 0) ? value.indexOf('\'', first + 1) : -1;
			if (second > first) {
				charset = charset(value.substring(0, first));
				data = value.substring(second + 1);
			}
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		percentDecode(data, bytes);
		return new String(bytes.toByteArray(), charset);
	}

	private static void percentDecode(String value, ByteArrayOutputStream bytes) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%' && i + 2 < value.length() && Character.digit(value.charAt(i + 1), 16) >= 0
					&& Character.digit(value.charAt(i + 2), 16) >= 0) {
				bytes.write(Character.digit(value.charAt(i + 1), 16) * 16 + Character.digit(value.charAt(i + 2), 16));
				i += 2;
			}
			else {
				byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				bytes.write(raw, 0, raw.length);
			}
		}
	}

	private static Charset charset(String name) {
		try {
			return name.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(name.strip());
		}
		catch (RuntimeException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	static String decode2047(String value) {
		if (!value.contains("=?")) {
			return value;
		}
		try {
			return DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
		}
		catch (RuntimeException ex) {
			return value;
		}
	}

}
