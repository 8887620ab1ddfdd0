package io.quench.preview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.field.LenientFieldParser;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.EntityState;

import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.jsoup.nodes.Document;

/**
 * Turns an RFC 5322 message into what a safe preview shows: decoded headers, the text
 * body, the HTML body sanitized, every link defanged, attachments described (type by
 * magic bytes, size, SHA-256) but never kept. Streams with Mime4j's pull parser, so
 * memory is bounded by {@link PreviewLimits}' character caps whatever the message size.
 * <p>
 * Never throws for what the message holds: malformed MIME, bad encodings, unknown
 * charsets and limits give warnings, and rendering goes on as far as it can. Only an
 * {@link IOException} from the stream itself is thrown. Thread-safe.
 */
public final class MessageRenderer {

	/** Content is read in chunks of this size, the clock checked between chunks. */
	private static final int CHUNK_BYTES = 64 * 1024;

	/** Warnings after this many are summarised in one: a bad base64 body warns a lot. */
	static final int MAX_WARNINGS = 100;

	/**
	 * A header line (or field) longer than this stops parsing: real fields are under a
	 * few KiB, and Mime4j holds one field in memory.
	 */
	static final int MAX_HEADER_FIELD_BYTES = 256 * 1024;

	/**
	 * A header value is kept up to this many characters (the raw field up to twice as
	 * many): enough to read any real subject or address list, and with
	 * {@link #MAX_HEADER_CHARS} it bounds what the headers hold.
	 */
	static final int MAX_HEADER_VALUE_CHARS = 4096;

	/**
	 * The message's header fields are listed up to this many characters in all (values
	 * and raw fields): real header blocks are 2 to 20 KiB.
	 */
	static final int MAX_HEADER_CHARS = 1024 * 1024;

	/** Mime4j's own caps sit above ours, as a safety net: ours warn first. */
	private static final int MIME4J_SLACK = 16;

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private final PreviewLimits limits;

	private final Clock clock;

	/**
	 * A renderer with the given limits and the system clock.
	 * @param limits the limits
	 */
	public MessageRenderer(PreviewLimits limits) {
		this(limits, Clock.systemUTC());
	}

	/**
	 * A renderer with the given limits and clock (for the parse-time limit).
	 * @param limits the limits
	 * @param clock the clock
	 */
	public MessageRenderer(PreviewLimits limits, Clock clock) {
		this.limits = Objects.requireNonNull(limits, "limits");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/** The limits this renderer works within. */
	public PreviewLimits limits() {
		return this.limits;
	}

	/**
	 * Renders a message. The stream is read (up to
	 * {@link PreviewLimits#maxMessageBytes()}) but not closed.
	 * @param rfc5322 the message
	 * @return the preview
	 * @throws IOException if reading the stream fails
	 */
	public RenderedMessage render(InputStream rfc5322) throws IOException {
		Objects.requireNonNull(rfc5322, "rfc5322");
		return new Render(rfc5322).run();
	}

	private MimeConfig config() {
		return MimeConfig.custom()
			.setStrictParsing(false)
			.setMalformedHeaderStartsBody(true)
			.setMaxLineLen(MAX_HEADER_FIELD_BYTES)
			.setMaxHeaderLen(MAX_HEADER_FIELD_BYTES)
			.setMaxHeaderCount(this.limits.maxHeaderFields() * 10)
			.setMaxContentLen(-1)
			.setMaxPartCount(this.limits.maxParts() + MIME4J_SLACK)
			// Fields are not kept by Mime4j: these bound work, not memory.
			.setMaxTotalHeaderLen(64L * 1024 * 1024)
			.setMaxTotalHeaderCount(Integer.MAX_VALUE)
			.setMaxNestingDepth(this.limits.maxDepth() + MIME4J_SLACK)
			.build();
	}

	/** Thrown inside a render to stop it at a limit; never leaves {@link #render}. */
	private static final class Stop extends RuntimeException {

		Stop() {
			super(null, null, false, false);
		}

	}

	/** The state of one render. */
	private final class Render {

		private final CountingInput in;

		private final Instant deadline;

		private final Set<String> warnings = new LinkedHashSet<>();

		private int droppedWarnings;

		private final List<HeaderField> headers = new ArrayList<>();

		private final List<String> received = new ArrayList<>();

		private String subject;

		private String text;

		private String html;

		private final List<AttachmentInfo> attachments = new ArrayList<>();

		private final Links links;

		private List<BlockedResource> blocked = List.of();

		/** Characters held by {@link #headers}. */
		private long headerChars;

		private int parts;

		private int multipartDepth;

		/** Multipart depth at which the recursion was made flat, -1 if it is not. */
		private int flatAt = -1;

		private boolean truncated;

		/** Header sections seen: the first is the message's own. */
		private int headerSections;

		private String contentType;

		private String contentDisposition;

		private String listUnsubscribe;

		Render(InputStream in) {
			this.in = new CountingInput(in, MessageRenderer.this.limits.maxMessageBytes());
			this.deadline = MessageRenderer.this.clock.instant().plus(MessageRenderer.this.limits.maxParseTime());
			this.links = new Links(MessageRenderer.this.limits.maxLinks());
		}

		RenderedMessage run() throws IOException {
			MimeTokenStream stream = new MimeTokenStream(config(), new Monitor(this),
					new DefaultBodyDescriptorBuilder(null, LenientFieldParser.getParser(), DecodeMonitor.SILENT));
			stream.parse(this.in);
			try {
				loop(stream);
			}
			catch (Stop ex) {
				this.truncated = true;
			}
			catch (MimeException ex) {
				this.truncated = true;
				warn("MIME structure not understood, rest not read: " + describe(ex));
			}
			catch (IOException ex) {
				if (ex.getCause() instanceof MimeException || ex.getClass().getName().contains("mime4j")) {
					this.truncated = true;
					warn("MIME structure not understood, rest not read: " + describe(ex));
				}
				else {
					throw ex;
				}
			}
			catch (RuntimeException | StackOverflowError ex) {
				this.truncated = true;
				warn("message not understood, rest not read: " + describe(ex));
			}
			if (this.in.capped()) {
				this.truncated = true;
				warn("message longer than " + MessageRenderer.this.limits.maxMessageBytes()
						+ " bytes: the rest is not read");
			}
			return finish();
		}

		private void loop(MimeTokenStream stream) throws IOException, MimeException {
			for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
				checkTime();
				switch (state) {
					case T_START_HEADER -> {
						this.headerSections++;
						this.contentType = null;
						this.contentDisposition = null;
					}
					case T_START_BODYPART, T_START_MESSAGE -> {
						if (++this.parts > MessageRenderer.this.limits.maxParts()) {
							warn("more than " + MessageRenderer.this.limits.maxParts()
									+ " MIME parts: the rest is not read");
							throw new Stop();
						}
					}
					case T_FIELD -> field(stream.getField());
					case T_END_HEADER -> endHeader(stream);
					case T_START_MULTIPART -> this.multipartDepth++;
					case T_END_MULTIPART -> {
						this.multipartDepth--;
					}
					case T_BODY -> body(stream);
					case T_RAW_ENTITY -> drain(stream.getInputStream());
					case T_PREAMBLE, T_EPILOGUE -> drain(stream.getInputStream());
					default -> {
					}
				}
			}
		}

		private void endHeader(MimeTokenStream stream) {
			// The body descriptor is not known yet: the declared type decides.
			String declared = MimeParameters.value(this.contentType);
			if (this.flatAt >= 0) {
				// Back from a part read flat: the rest recurses again.
				stream.setRecursionMode(RecursionMode.M_RECURSE);
				this.flatAt = -1;
			}
			if (declared != null && declared.startsWith("multipart/")
					&& this.multipartDepth >= MessageRenderer.this.limits.maxDepth()) {
				warn("MIME parts nested deeper than " + MessageRenderer.this.limits.maxDepth()
						+ ": the inner parts are not read");
				this.truncated = true;
				stream.setRecursionMode(RecursionMode.M_FLAT);
				this.flatAt = this.multipartDepth;
			}
		}

		private void field(Field field) {
			String name = field.getName();
			String lower = name.toLowerCase(Locale.ROOT);
			String raw = raw(field, name);
			int colon = raw.indexOf(':');
			String value = unfold((colon >= 0) ? raw.substring(colon + 1) : raw);
			if (lower.equals("content-type") && this.contentType == null) {
				this.contentType = value;
			}
			else if (lower.equals("content-disposition") && this.contentDisposition == null) {
				this.contentDisposition = value;
			}
			if (this.headerSections != 1) {
				return;
			}
			if (this.headers.size() >= MessageRenderer.this.limits.maxHeaderFields()) {
				if (this.headers.size() == MessageRenderer.this.limits.maxHeaderFields()) {
					warn("more than " + MessageRenderer.this.limits.maxHeaderFields()
							+ " header fields: the rest are not listed");
					this.truncated = true;
				}
				return;
			}
			String decoded = MimeParameters.decode2047(cut(value, 4 * MAX_HEADER_VALUE_CHARS)).strip();
			if (decoded.length() > MAX_HEADER_VALUE_CHARS || raw.length() > 2 * MAX_HEADER_VALUE_CHARS) {
				warn("header " + cut(name, 64) + " longer than " + MAX_HEADER_VALUE_CHARS + " characters: cut");
				decoded = cut(decoded, MAX_HEADER_VALUE_CHARS);
				raw = cut(raw, 2 * MAX_HEADER_VALUE_CHARS);
			}
			this.headerChars += decoded.length() + raw.length();
			if (this.headerChars > MAX_HEADER_CHARS) {
				warn("header fields longer than " + MAX_HEADER_CHARS + " characters in all: the rest are not listed");
				this.truncated = true;
				return;
			}
			this.headers.add(new HeaderField(name, decoded, raw));
			switch (lower) {
				case "subject" -> {
					if (this.subject == null) {
						this.subject = decoded;
					}
				}
				case "received" -> this.received.add(decoded.replaceAll("\\s+", " "));
				case "list-unsubscribe" -> {
					if (this.listUnsubscribe == null) {
						this.listUnsubscribe = decoded;
					}
				}
				default -> {
				}
			}
		}

		/** The field as written: UTF-8 if valid, else ISO-8859-1 with a warning. */
		private String raw(Field field, String name) {
			byte[] bytes = (field.getRaw() != null) ? field.getRaw().toByteArray() : null;
			if (bytes == null) {
				return name + ": " + ((field.getBody() != null) ? field.getBody() : "");
			}
			boolean eightBit = false;
			for (byte b : bytes) {
				if (b < 0) {
					eightBit = true;
					break;
				}
			}
			if (!eightBit) {
				return new String(bytes, StandardCharsets.US_ASCII);
			}
			try {
				return StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes))
					.toString();
			}
			catch (CharacterCodingException ex) {
				warn("raw 8-bit bytes in header " + name + ": not UTF-8, read as ISO-8859-1");
				return new String(bytes, StandardCharsets.ISO_8859_1);
			}
		}

		private void body(MimeTokenStream stream) throws IOException {
			BodyDescriptor body = stream.getBodyDescriptor();
			if (this.flatAt >= 0) {
				// A multipart nested too deep: its content is skipped.
				drain(stream.getInputStream());
				return;
			}
			String mimeType = body.getMimeType().toLowerCase(Locale.ROOT);
			String declared = MimeParameters.value(this.contentType);
			if (declared != null && declared.startsWith("multipart/")) {
				warn("multipart without a boundary: read as text");
			}
			String disposition = MimeParameters.value(this.contentDisposition);
			String name = MimeParameters.parameter(this.contentDisposition, "filename");
			if (name == null) {
				name = MimeParameters.parameter(this.contentType, "name");
			}
			boolean attachment = "attachment".equals(disposition) || name != null;
			if (!attachment && mimeType.equals("text/plain") && this.text == null) {
				this.text = readText(stream, body, MessageRenderer.this.limits.maxTextChars(), "text");
			}
			else if (!attachment && mimeType.equals("text/html") && this.html == null) {
				this.html = readText(stream, body, MessageRenderer.this.limits.maxHtmlChars(), "HTML");
			}
			else {
				this.attachments.add(attachment(stream.getDecodedInputStream(), name, mimeType, disposition));
			}
		}

		private String readText(MimeTokenStream stream, BodyDescriptor body, int maxChars, String what)
				throws IOException {
			InputStream decoded = stream.getDecodedInputStream();
			// At most 4 bytes a character: enough bytes for the cap in any charset.
			long maxBytes = Math.min(Integer.MAX_VALUE - 16, 4L * maxChars);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			byte[] chunk = new byte[CHUNK_BYTES];
			long rest = 0;
			int n;
			while ((n = decoded.read(chunk)) >= 0) {
				checkTime();
				int keep = (int) Math.max(0, Math.min(n, maxBytes - bytes.size()));
				bytes.write(chunk, 0, keep);
				rest += n - keep;
			}
			String charsetName = body.getCharset();
			Charset charset = charset(charsetName, bytes.toByteArray());
			CharsetDecoder decoder = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE);
			CharBuffer chars = CharBuffer.allocate(maxChars + 1);
			decoder.decode(ByteBuffer.wrap(bytes.toByteArray()), chars, true);
			chars.flip();
			boolean cut = rest > 0 || chars.length() > maxChars;
			String decodedText = chars.subSequence(0, Math.min(chars.length(), maxChars)).toString();
			if (cut) {
				this.truncated = true;
				warn(what + " body longer than " + maxChars + " characters: cut");
			}
			return decodedText;
		}

		private Charset charset(String name, byte[] bytes) {
			if (name == null || name.isBlank() || name.equalsIgnoreCase("us-ascii")) {
				// US-ASCII by default (RFC 2045); 8-bit bytes in it are most often UTF-8.
				return validUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252;
			}
			try {
				return Charset.forName(name.strip());
			}
			catch (RuntimeException ex) {
				Charset fallback = validUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252;
				warn("unknown charset " + cut(name, 64) + ": read as " + fallback.name());
				return fallback;
			}
		}

		private AttachmentInfo attachment(InputStream decoded, String name, String mimeType, String disposition)
				throws IOException {
			MessageDigest digest = sha256();
			byte[] chunk = new byte[CHUNK_BYTES];
			byte[] head = new byte[512];
			int headLength = 0;
			long size = 0;
			int n;
			while ((n = decoded.read(chunk)) >= 0) {
				checkTime();
				if (headLength < head.length) {
					int take = Math.min(n, head.length - headLength);
					System.arraycopy(chunk, 0, head, headLength, take);
					headLength += take;
				}
				digest.update(chunk, 0, n);
				size += n;
			}
			return new AttachmentInfo((name != null) ? cut(name, 1024) : null, mimeType,
					FileTypes.detect(head, headLength), size, HexFormat.of().formatHex(digest.digest()), disposition);
		}

		private void drain(InputStream content) throws IOException {
			byte[] chunk = new byte[CHUNK_BYTES];
			while (content.read(chunk) >= 0) {
				checkTime();
			}
		}

		private void checkTime() {
			if (MessageRenderer.this.clock.instant().isAfter(this.deadline)) {
				warn("preview took longer than " + MessageRenderer.this.limits.maxParseTime().toMillis()
						+ " ms: stopped");
				throw new Stop();
			}
		}

		void warn(String warning) {
			if (this.warnings.size() < MAX_WARNINGS || this.warnings.contains(warning)) {
				this.warnings.add(warning);
			}
			else {
				this.droppedWarnings++;
			}
		}

		private RenderedMessage finish() {
			String sanitized = null;
			String textBody = this.text;
			boolean derived = false;
			if (this.text != null) {
				this.links.addFromText(this.text, "text");
			}
			if (this.html != null) {
				try {
					HtmlSanitizer sanitizer = new HtmlSanitizer(this.links);
					Document document = HtmlSanitizer.parse(this.html);
					this.html = null;
					if (textBody == null) {
						textBody = cut(HtmlSanitizer.text(document), MessageRenderer.this.limits.maxTextChars());
						derived = true;
					}
					sanitized = sanitizer.sanitize(document);
					this.blocked = sanitizer.blocked();
					if (derived) {
						this.links.addFromText(textBody, "html");
					}
				}
				catch (RuntimeException | StackOverflowError ex) {
					sanitized = "";
					warn("HTML body not understood: not shown");
				}
			}
			if (this.listUnsubscribe != null) {
				for (String part : this.listUnsubscribe.split(",")) {
					String url = part.strip();
					if (url.startsWith("<") && url.endsWith(">")) {
						url = url.substring(1, url.length() - 1);
					}
					this.links.add(url, null, "header");
				}
			}
			if (this.links.capped()) {
				warn("more than " + MessageRenderer.this.limits.maxLinks() + " links: the rest are not listed");
				this.truncated = true;
			}
			List<String> warningList = new ArrayList<>(this.warnings);
			if (this.droppedWarnings > 0) {
				warningList.add(this.droppedWarnings + " more warnings not listed");
			}
			return new RenderedMessage(this.headers, this.received, this.subject, (textBody != null) ? textBody : "",
					derived, sanitized, this.blocked, this.links.list(), this.attachments, warningList,
					Math.max(1, this.parts), this.truncated);
		}

	}

	/** Mime4j's decoding problems (bad base64, quoted-printable...) as warnings. */
	private static final class Monitor extends DecodeMonitor {

		private final Render render;

		Monitor(Render render) {
			this.render = render;
		}

		@Override
		public boolean warn(String error, String dropDesc) {
			this.render.warn(cut(error, 200) + ((dropDesc != null) ? " (" + cut(dropDesc, 200) + ")" : ""));
			return false;
		}

		@Override
		public boolean isListening() {
			return true;
		}

	}

	/** Counts what is read and ends the stream at the cap. */
	private static final class CountingInput extends InputStream {

		private final InputStream in;

		private final long max;

		private long count;

		private boolean capped;

		CountingInput(InputStream in, long max) {
			this.in = in;
			this.max = max;
		}

		boolean capped() {
			return this.capped;
		}

		@Override
		public int read() throws IOException {
			if (this.count >= this.max) {
				this.capped = this.capped || this.in.read() >= 0;
				return -1;
			}
			int b = this.in.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (len == 0) {
				return 0;
			}
			if (this.count >= this.max) {
				this.capped = this.capped || this.in.read() >= 0;
				return -1;
			}
			int n = this.in.read(b, off, (int) Math.min(len, this.max - this.count));
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

	}

	static boolean validUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	private static String unfold(String value) {
		return value.replace("\r\n", "").replace("\n", "").replace("\r", "");
	}

	static String cut(String value, int max) {
		return (value.length() > max) ? value.substring(0, max) + "\u2026" : value;
	}

	private static String describe(Throwable ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + cut(message.strip(), 200) : "");
	}

}
