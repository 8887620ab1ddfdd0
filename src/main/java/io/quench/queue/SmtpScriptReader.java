package io.quench.queue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.quench.queue.EnvelopeAddress.Role;
import io.quench.queue.ParsedQueueFile.Dialect;

/**
 * Reads dialect (c), the legacy SMTP script: an optional destination-domain line,
 * {@code HELO}/{@code EHLO}, {@code MAIL FROM:}, {@code RCPT TO:} lines, {@code DATA},
 * then the dot-stuffed message. Line ends may be CRLF or LF.
 */
final class SmtpScriptReader {

	/**
	 * RFC 5321 caps a command line at 512 octets; 4 KiB tolerates long parameter lists
	 * and garbage without letting one line take much memory.
	 */
	static final int MAX_COMMAND_LINE_BYTES = 4096;

	private final MessageHeaderParser headers;

	private final int envelopeCap;

	private final int headerCap;

	SmtpScriptReader(MessageHeaderParser headers, int envelopeCap, int headerCap) {
		this.headers = headers;
		this.envelopeCap = envelopeCap;
		this.headerCap = headerCap;
	}

	void read(InputStream in, ParseContext context) throws IOException {
		context.dialect = Dialect.SMTP_SCRIPT;
		long envelopeBytes = 0;
		int lineNumber = 0;
		LineInput lines = LineInput.of(in);
		CommandLine buffer = new CommandLine();
		while (true) {
			long read = buffer.read(lines);
			if (read < 0) {
				throw QueueFileProblem.unparsed("truncated SMTP script: no DATA command");
			}
			envelopeBytes += read;
			lineNumber++;
			if (envelopeBytes > this.envelopeCap) {
				throw QueueFileProblem
					.unparsed("SMTP envelope longer than " + this.envelopeCap + " bytes without DATA");
			}
			if (read > MAX_COMMAND_LINE_BYTES) {
				context.warn("SMTP line " + lineNumber + " longer than " + MAX_COMMAND_LINE_BYTES + " bytes: cut");
			}
			String line = new String(buffer.bytes, 0, buffer.kept, StandardCharsets.ISO_8859_1).strip();
			String upper = line.toUpperCase(Locale.ROOT);
			if (upper.startsWith("MAIL FROM:")) {
				String path = path(line.substring("MAIL FROM:".length()));
				if (path.isEmpty()) {
					context.nullSender = true;
					context.warn("null reverse-path MAIL FROM:<> (a bounce): no sender");
				}
				else {
					context.address(path, Role.SENDER, "MAIL FROM");
				}
			}
			else if (upper.startsWith("RCPT TO:")) {
				String path = path(line.substring("RCPT TO:".length()));
				if (path.isEmpty()) {
					context.warn("empty RCPT TO on line " + lineNumber);
				}
				else {
					context.address(path, Role.RECIPIENT, "RCPT TO");
				}
			}
			else if (upper.equals("DATA")) {
				break;
			}
			else if (!line.isEmpty() && lineNumber > 1 && !isIgnoredCommand(upper)) {
				context.warn("unexpected line " + lineNumber + " in SMTP script ignored");
			}
		}
		this.headers.parse(HeaderBlock.read(lines, this.headerCap, true, context), context, false);
	}

	private static boolean isIgnoredCommand(String upper) {
		return upper.startsWith("HELO") || upper.startsWith("EHLO") || upper.startsWith("RSET")
				|| upper.startsWith("NOOP") || upper.startsWith("AUTH") || upper.startsWith("QUIT");
	}

	/**
	 * The path of a {@code MAIL FROM:}/{@code RCPT TO:} argument, with or without angle
	 * brackets, without ESMTP parameters such as {@code SIZE=}.
	 */
	static String path(String argument) {
		String rest = argument.strip();
		if (rest.startsWith("<")) {
			int close = rest.indexOf('>');
			return ParseContext.normalise((close > 0) ? rest.substring(1, close) : rest.substring(1));
		}
		int space = 0;
		while (space < rest.length() && !Character.isWhitespace(rest.charAt(space))) {
			space++;
		}
		return ParseContext.normalise(rest.substring(0, space));
	}

	/** One command line without its line end, at most {@link #MAX_COMMAND_LINE_BYTES}. */
	private static final class CommandLine {

		final byte[] bytes = new byte[MAX_COMMAND_LINE_BYTES];

		int kept;

		/**
		 * Reads the next line.
		 * @return the number of bytes consumed including the line end, -1 at end of
		 * stream
		 */
		long read(LineInput in) throws IOException {
			long consumed = 0;
			this.kept = 0;
			while (true) {
				int b = in.read();
				if (b < 0) {
					return (consumed == 0) ? -1 : consumed;
				}
				consumed++;
				if (b == '\n') {
					return consumed;
				}
				if (b != '\r' && this.kept < MAX_COMMAND_LINE_BYTES) {
					this.bytes[this.kept++] = (byte) b;
				}
			}
		}

	}

}
