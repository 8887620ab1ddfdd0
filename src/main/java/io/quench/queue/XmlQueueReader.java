package io.quench.queue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxEOFException;
import com.ctc.wstx.exc.WstxLazyException;
import com.ctc.wstx.stax.WstxInputFactory;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;

import io.quench.queue.EnvelopeAddress.Role;
import io.quench.queue.ParsedQueueFile.Dialect;

/**
 * Reads the XML dialects with Woodstox StAX configured safe: no DTD, no entity of any
 * kind, no resolver that could fetch anything, and explicit limits on depth, names, text
 * and counts. Dialect (a), an XML envelope followed by the message, and dialect (b), XML
 * throughout with the message in an element, are told apart when the root element ends:
 * if non-blank bytes follow, they are the RFC 5322 message.
 * <p>
 * Woodstox reports character offsets, not byte offsets, so the reader decodes the bytes
 * itself (the charset from the XML declaration, UTF-8 by default; ASCII-compatible
 * charsets only), keeps a copy of the first bytes it reads and maps the character offset
 * of the root end tag back to a byte offset by decoding that copy again.
 */
final class XmlQueueReader {

	/**
	 * GroupWise envelopes nest three or four levels; 64 leaves room and stops depth
	 * bombs.
	 */
	static final int MAX_DEPTH = 64;

	/** Envelope elements carry an attribute or two (version, encoding). */
	static final int MAX_ATTRIBUTES_PER_ELEMENT = 64;

	/** No attribute in a queue file needs more than a short value. */
	static final int MAX_ATTRIBUTE_CHARS = 8 * 1024;

	/** Bounds a recipients list: far above any real recipient count. */
	static final int MAX_CHILDREN_PER_ELEMENT = 100_000;

	/** Bounds the work of a huge flat document; a real envelope has tens of elements. */
	static final long MAX_ELEMENTS = 1_000_000;

	/**
	 * Bounds the parse time of one document. Dialect (b) holds the whole message, base64
	 * (4/3 of its size): 256 Mi characters is above any message size limit a GWIA is run
	 * with (tens of MB). Memory stays small regardless, because text is read in segments.
	 */
	static final long MAX_CHARACTERS = 256L * 1024 * 1024;

	/**
	 * Woodstox hands long text out in segments of about this many characters instead of
	 * buffering a whole base64 message.
	 */
	static final int TEXT_SEGMENT_CHARS = 8 * 1024;

	/**
	 * Bytes kept past the envelope cap: Woodstox and the decoder read ahead by their
	 * buffer sizes (a few KiB each), so the bytes just after the root end tag are still
	 * retained.
	 */
	static final int READ_AHEAD_SLACK_BYTES = 64 * 1024;

	/**
	 * Entities are refused (no DTD, no declarations); this only bounds what could slip
	 * through, as defence in depth.
	 */
	static final int MAX_ENTITY_COUNT = 100;

	/** See {@link #MAX_ENTITY_COUNT}. */
	static final int MAX_ENTITY_DEPTH = 2;

	private static final Pattern XML_DECLARATION_ENCODING = Pattern
		.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGHS = 0x8080808080808080L;

	private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

	private static final Pattern EXTERNAL_ENTITY = Pattern.compile("<!ENTITY[^>]*\\b(SYSTEM|PUBLIC)\\b");

	private static final Pattern DOCTYPE_EXTERNAL_ID = Pattern
		.compile("^<!DOCTYPE\\s+[^\\s\\[>]+\\s+(SYSTEM|PUBLIC)\\b");

	private static final Pattern LIMIT_MESSAGE = Pattern.compile("(?i)\\blimit\\b|exceeded");

	private static final Pattern ENCODING_ATTRIBUTE = Pattern
		.compile("(?i)^(encoding|transferencoding|transfer-encoding|content-transfer-encoding)$");

	private static final Pattern BASE64_LINE = Pattern.compile("[A-Za-z0-9+/=]+");

	/**
	 * At most this many element names are remembered in {@link #kinds}: far above the
	 * names of real queue files, and files full of made-up names cannot make the map grow
	 * further (names past it are matched each time).
	 */
	static final int MAX_REMEMBERED_NAMES = 1024;

	/**
	 * Only names up to this length are remembered: GroupWise element names are a few
	 * words long, and with {@link #MAX_REMEMBERED_NAMES} this bounds the map to a few
	 * hundred KiB whatever the files hold.
	 */
	static final int MAX_REMEMBERED_NAME_CHARS = 128;

	private static final int ADDRESS = 1;

	private static final int SENDER = 2;

	private static final int RECIPIENT = 4;

	private static final int MESSAGE = 8;

	private static final XMLResolver REFUSE = (publicId, systemId, baseUri, namespace) -> {
		throw new XMLStreamException("resolving " + systemId + " refused");
	};

	private final XMLInputFactory factory;

	private final Pattern addressElements;

	private final Pattern senderElements;

	private final Pattern recipientElements;

	private final Pattern messageElements;

	private final MessageHeaderParser headers;

	/**
	 * What each element name is to the patterns ({@link #ADDRESS}, {@link #SENDER},
	 * {@link #RECIPIENT}, {@link #MESSAGE} bits): queue files use a few dozen names, so
	 * each is matched once instead of once or more per element.
	 */
	private final Map<String, Integer> kinds = new ConcurrentHashMap<>();

	private final int envelopeCap;

	/**
	 * One reader per parsing thread, reset for each file: no reader, decoder or buffer is
	 * allocated per file.
	 */
	private final ThreadLocal<EnvelopeReader> readers = ThreadLocal.withInitial(EnvelopeReader::new);

	private final int headerCap;

	XmlQueueReader(QueueParserSettings settings, MessageHeaderParser headers, int envelopeCap, int headerCap) {
		this.addressElements = Pattern.compile(settings.addressElements());
		this.senderElements = Pattern.compile(settings.senderElements());
		this.recipientElements = Pattern.compile(settings.recipientElements());
		this.messageElements = Pattern.compile(settings.messageElements());
		this.headers = headers;
		this.envelopeCap = envelopeCap;
		this.headerCap = headerCap;
		this.factory = safeFactory();
	}

	static XMLInputFactory safeFactory() {
		XMLInputFactory f = new WstxInputFactory();
		f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		// Entity references surface (and are refused) instead of being expanded.
		f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
		f.setProperty(XMLInputFactory.IS_COALESCING, false);
		f.setProperty(XMLInputFactory.IS_VALIDATING, false);
		f.setXMLResolver(REFUSE);
		f.setProperty(WstxInputProperties.P_DTD_RESOLVER, REFUSE);
		f.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, REFUSE);
		f.setProperty(XMLInputFactory2.P_LAZY_PARSING, false);
		f.setProperty(WstxInputProperties.P_MIN_TEXT_SEGMENT, TEXT_SEGMENT_CHARS);
		f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
		f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, MAX_ATTRIBUTES_PER_ELEMENT);
		f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, MAX_ATTRIBUTE_CHARS);
		f.setProperty(WstxInputProperties.P_MAX_CHILDREN_PER_ELEMENT, MAX_CHILDREN_PER_ELEMENT);
		f.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, MAX_ELEMENTS);
		f.setProperty(WstxInputProperties.P_MAX_CHARACTERS, MAX_CHARACTERS);
		// Counted over all segments of one text node: the same bound as the whole
		// document.
		f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, (int) Math.min(Integer.MAX_VALUE, MAX_CHARACTERS));
		f.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, MAX_ENTITY_COUNT);
		f.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, MAX_ENTITY_DEPTH);
		return f;
	}

	/**
	 * Reads an XML queue file.
	 * @param in the stream, positioned at the first {@code <}
	 * @param head the first bytes from that position (already read, still in {@code in})
	 * @param offset where they start in {@code head}
	 * @param length how many bytes of {@code head} are valid
	 * @param context receives dialect, addresses, headers and warnings
	 * @throws IOException if reading fails
	 */
	void read(InputStream in, byte[] head, int offset, int length, ParseContext context) throws IOException {
		refuseDoctype(head, offset, length);
		Charset charset = charset(head, offset, length);
		EnvelopeReader tee = this.readers.get().reset(in, charset, this.envelopeCap + READ_AHEAD_SLACK_BYTES);
		XMLStreamReader2 xml = null;
		try {
			xml = (XMLStreamReader2) this.factory.createXMLStreamReader(tee);
			Walk walk = new Walk(context);
			while (xml.hasNext()) {
				if (walk.event(xml)) {
					rootEnded(xml, tee, in, charset, walk, context);
					return;
				}
			}
			throw QueueFileProblem.unparsed("truncated XML: the root element does not end");
		}
		catch (WstxLazyException ex) {
			throw problem((ex.getCause() instanceof XMLStreamException cause) ? cause
					: new XMLStreamException(ex.getMessage()));
		}
		catch (XMLStreamException ex) {
			if (ex.getNestedException() instanceof IOException io) {
				throw io;
			}
			throw problem(ex);
		}
		finally {
			close(xml);
		}
	}

	/**
	 * Closes the XML reader (not the file), which hands its buffers back to Woodstox for
	 * the next file on this thread instead of leaving them to the garbage collector.
	 */
	private static void close(XMLStreamReader2 xml) {
		if (xml == null) {
			return;
		}
		try {
			xml.close();
		}
		catch (XMLStreamException | RuntimeException ex) {
			// Nothing to report: the result is decided, closing only recycles buffers.
		}
	}

	/** The {@link #kinds} bits of an element name. */
	private int kind(String name) {
		Integer known = this.kinds.get(name);
		if (known != null) {
			return known;
		}
		int kind = (this.addressElements.matcher(name).matches() ? ADDRESS : 0)
				| (this.senderElements.matcher(name).matches() ? SENDER : 0)
				| (this.recipientElements.matcher(name).matches() ? RECIPIENT : 0)
				| (this.messageElements.matcher(name).matches() ? MESSAGE : 0);
		if (name.length() <= MAX_REMEMBERED_NAME_CHARS && this.kinds.size() < MAX_REMEMBERED_NAMES) {
			this.kinds.put(name, kind);
		}
		return kind;
	}

	private static QueueFileProblem problem(XMLStreamException ex) {
		String message = firstLine(ex.getMessage());
		if (ex instanceof WstxEOFException) {
			return QueueFileProblem.unparsed("truncated XML: " + message, ex);
		}
		if (message.contains("entity")) {
			return QueueFileProblem.rejected("XML entity refused: " + message);
		}
		if (LIMIT_MESSAGE.matcher(message).find()) {
			return QueueFileProblem.rejected("XML limit exceeded: " + message);
		}
		return QueueFileProblem.unparsed("malformed XML: " + message, ex);
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "(no detail)";
		}
		String line = message.strip().lines().findFirst().orElse("");
		int at = line.indexOf(" at [row,col");
		if (at > 0) {
			line = line.substring(0, at);
		}
		return (line.length() > 300) ? line.substring(0, 300) + "\u2026" : line;
	}

	/**
	 * Refuses a DOCTYPE seen in the prolog's first bytes, before Woodstox reads (and
	 * buffers) it. Only the prolog: past the start of the root element a DOCTYPE is no
	 * declaration, and the message after an envelope may well hold one (an HTML body's
	 * {@code <!DOCTYPE html>}), which must not reject the file. A DOCTYPE the scan does
	 * not see is refused from the DTD event.
	 */
	private static void refuseDoctype(byte[] head, int offset, int length) {
		int doctype = indexOf(head, offset, rootStart(head, offset, offset + length), DOCTYPE);
		if (doctype >= 0) {
			throw QueueFileProblem.rejected(
					doctypeReason(new String(head, doctype, offset + length - doctype, StandardCharsets.ISO_8859_1)));
		}
	}

	/**
	 * Where the root element starts: the first {@code <} that opens neither a processing
	 * instruction nor a declaration or comment ({@code <?}, {@code <!}); {@code to} if
	 * none does.
	 */
	private static int rootStart(byte[] bytes, int from, int to) {
		for (int i = from; i < to - 1; i++) {
			if (bytes[i] == '<' && bytes[i + 1] != '?' && bytes[i + 1] != '!') {
				return i;
			}
		}
		return to;
	}

	/** The index of {@code word} in {@code bytes[from, to)}, or -1. */
	private static int indexOf(byte[] bytes, int from, int to, byte[] word) {
		long first = (word[0] & 0xffL) * ONES;
		int i = from;
		while (i <= to - word.length) {
			if (i + 8 <= to) {
				// Eight bytes at a time: skip words without the first byte of the word.
				long x = (long) LONGS.get(bytes, i) ^ first;
				if (((x - ONES) & ~x & HIGHS) == 0) {
					i += 8;
					continue;
				}
			}
			if (bytes[i] == word[0] && Arrays.equals(bytes, i, i + word.length, word, 0, word.length)) {
				return i;
			}
			i++;
		}
		return -1;
	}

	static String doctypeReason(String doctype) {
		if (EXTERNAL_ENTITY.matcher(doctype).find()) {
			return "DOCTYPE with an external entity (SYSTEM/PUBLIC) refused: nothing was resolved";
		}
		if (doctype.contains("<!ENTITY")) {
			return "DOCTYPE with entity declarations refused (possible entity expansion, \"billion laughs\"): "
					+ "nothing was expanded";
		}
		if (DOCTYPE_EXTERNAL_ID.matcher(doctype).find()) {
			return "DOCTYPE with an external DTD refused: nothing was fetched";
		}
		return "DOCTYPE refused: queue files carry no DTD";
	}

	static Charset charset(byte[] head, int offset, int length) {
		// The declaration ends at the first '>', which no part of the pattern matches:
		// the pattern only needs the bytes before it.
		int end = offset;
		while (end < offset + length && head[end] != '>') {
			end++;
		}
		Matcher m = XML_DECLARATION_ENCODING
			.matcher(new String(head, offset, end - offset, StandardCharsets.ISO_8859_1));
		if (!m.find()) {
			return StandardCharsets.UTF_8;
		}
		Charset charset;
		try {
			charset = Charset.forName(m.group(1));
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			throw QueueFileProblem.unparsed("unsupported XML encoding " + m.group(1));
		}
		if (isOneBytePerAsciiChar(charset)) {
			// The common ones, known to pass the probe below.
			return charset;
		}
		byte[] probe = "<?xml version=\"1.0\"?>\r\n".getBytes(charset);
		if (!Arrays.equals(probe, "<?xml version=\"1.0\"?>\r\n".getBytes(StandardCharsets.US_ASCII))) {
			throw QueueFileProblem.unparsed("unsupported XML encoding " + m.group(1) + " (not ASCII-compatible)");
		}
		return charset;
	}

	private void rootEnded(XMLStreamReader2 xml, EnvelopeReader tee, InputStream in, Charset charset, Walk walk,
			ParseContext context) throws IOException, XMLStreamException {
		long endChar = xml.getLocationInfo().getEndingCharOffset();
		int endByte = tee.overflowed() ? -1 : byteOffset(tee.buffer(), tee.retained(), charset, endChar);
		if (endByte < 0) {
			// Too far in to find the message start: only whole-XML files may go on.
			try {
				while (xml.hasNext()) {
					xml.next();
				}
				whole(walk, context);
			}
			catch (XMLStreamException ex) {
				context.dialect = Dialect.XML_ENVELOPE;
				context
					.warn("XML envelope longer than " + this.envelopeCap + " bytes: the message after it is not read");
			}
			return;
		}
		LineInput rest = LineInput.of(tee.buffer(), endByte, tee.retained() - endByte, in);
		int b = rest.peek();
		while (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f') {
			rest.read();
			b = rest.peek();
		}
		if (b < 0) {
			whole(walk, context);
			return;
		}
		if (b == '<') {
			context.warn("XML after the root element ignored");
			whole(walk, context);
			return;
		}
		context.dialect = Dialect.XML_ENVELOPE;
		if (walk.message != null) {
			context.warn("message element in an XML envelope ignored: the message follows the envelope");
		}
		this.headers.parse(HeaderBlock.read(rest, this.headerCap, false, context), context, false);
	}

	private void whole(Walk walk, ParseContext context) {
		context.dialect = Dialect.XML_MESSAGE;
		if (walk.message == null) {
			context.warn("no message element in the XML: no message headers");
			return;
		}
		this.headers.parse(HeaderBlock.of(walk.message, this.headerCap, context), context, false);
	}

	/**
	 * The byte offset at which decoding {@code chars} characters of {@code bytes} ends,
	 * or -1 if the bytes hold fewer characters.
	 */
	static int byteOffset(byte[] bytes, int length, Charset charset, long chars) {
		if (chars <= length && isOneBytePerAsciiChar(charset) && isAscii(bytes, (int) chars)) {
			// The usual envelope: ASCII, one byte a character.
			return (int) chars;
		}
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		ByteBuffer input = ByteBuffer.wrap(bytes, 0, length);
		CharBuffer output = CharBuffer.allocate(8192);
		long remaining = chars;
		while (remaining > 0) {
			output.clear();
			output.limit((int) Math.min(output.capacity(), remaining));
			CoderResult result = decoder.decode(input, output, true);
			if (output.position() == 0 && (result.isUnderflow() || result.isOverflow())) {
				return -1;
			}
			remaining -= output.position();
		}
		return input.position();
	}

	/** Charsets in which an ASCII byte always decodes to one character on its own. */
	static boolean isOneBytePerAsciiChar(Charset charset) {
		return charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.ISO_8859_1)
				|| charset.equals(StandardCharsets.US_ASCII);
	}

	private static boolean isAscii(byte[] bytes, int length) {
		int i = 0;
		// Eight bytes at a time: ASCII bytes have the high bit clear.
		for (; i + 8 <= length; i += 8) {
			if (((long) LONGS.get(bytes, i) & HIGHS) != 0) {
				return false;
			}
		}
		for (; i < length; i++) {
			if (bytes[i] < 0) {
				return false;
			}
		}
		return true;
	}

	/** The state of one pass over the XML events. */
	private final class Walk {

		private final ParseContext context;

		/** Element local names, innermost first. */
		private final Deque<String> stack = new ArrayDeque<>();

		private StringBuilder address;

		private int addressDepth;

		private MessageCollector collector;

		private int collectorDepth;

		byte[] message;

		Walk(ParseContext context) {
			this.context = context;
		}

		/** Handles one event; true when the root element has just ended. */
		boolean event(XMLStreamReader2 xml) throws XMLStreamException {
			int event = xml.next();
			switch (event) {
				case XMLStreamConstants.DTD -> {
					String subset = xml.getDTDInfo().getDTDInternalSubset();
					throw QueueFileProblem.rejected(doctypeReason("<!DOCTYPE x " + ((subset != null) ? subset : "")));
				}
				case XMLStreamConstants.ENTITY_REFERENCE ->
					throw QueueFileProblem.rejected("XML entity reference &" + xml.getLocalName() + "; refused");
				case XMLStreamConstants.START_ELEMENT -> start(xml);
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text(xml);
				case XMLStreamConstants.END_ELEMENT -> {
					return end();
				}
				default -> {
				}
			}
			return false;
		}

		private void start(XMLStreamReader2 xml) {
			String name = localName(xml.getLocalName());
			this.stack.push(name);
			if (this.address != null || this.collector != null) {
				return;
			}
			int kind = kind(name);
			if ((kind & ADDRESS) != 0) {
				this.address = new StringBuilder();
				this.addressDepth = this.stack.size();
			}
			else if (this.message == null && (kind & MESSAGE) != 0) {
				this.collector = new MessageCollector(base64Attribute(xml), XmlQueueReader.this.headerCap);
				this.collectorDepth = this.stack.size();
			}
		}

		private void text(XMLStreamReader2 xml) {
			if (this.address != null) {
				int room = ParseContext.MAX_ADDRESS_CHARS + 1 - this.address.length();
				if (room > 0) {
					this.address.append(xml.getTextCharacters(), xml.getTextStart(),
							Math.min(room, xml.getTextLength()));
				}
			}
			else if (this.collector != null) {
				this.collector.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
			}
		}

		private boolean end() {
			int depth = this.stack.size();
			if (this.address != null && depth == this.addressDepth) {
				this.context.address(this.address.toString(), role(), path());
				this.address = null;
			}
			else if (this.collector != null && depth == this.collectorDepth) {
				this.message = this.collector.bytes(this.context);
				this.collector = null;
			}
			this.stack.pop();
			return this.stack.isEmpty();
		}

		/**
		 * The role from the nearest element (itself included) matching a role pattern.
		 */
		private Role role() {
			for (String name : this.stack) {
				int kind = kind(name);
				if ((kind & SENDER) != 0) {
					return Role.SENDER;
				}
				if ((kind & RECIPIENT) != 0) {
					return Role.RECIPIENT;
				}
			}
			return Role.UNKNOWN;
		}

		private String path() {
			StringBuilder path = new StringBuilder();
			for (Iterator<String> it = this.stack.descendingIterator(); it.hasNext();) {
				path.append(it.next());
				if (it.hasNext()) {
					path.append('/');
				}
			}
			return path.toString();
		}

	}

	private static String localName(String name) {
		int colon = name.lastIndexOf(':');
		return (colon >= 0) ? name.substring(colon + 1) : name;
	}

	/** TRUE for base64, FALSE for text, null when no attribute says (then sniffed). */
	private static Boolean base64Attribute(XMLStreamReader2 xml) {
		for (int i = 0; i < xml.getAttributeCount(); i++) {
			if (ENCODING_ATTRIBUTE.matcher(localName(xml.getAttributeLocalName(i))).matches()) {
				return xml.getAttributeValue(i).toLowerCase(Locale.ROOT).contains("base64");
			}
		}
		return null;
	}

	/**
	 * Collects the beginning of the message element's text: the message's header block
	 * and no more, at most enough characters to decode more than the header cap, never
	 * the whole message. Collecting stops at the header block's end (the first empty line
	 * after the first non-blank character), which is all {@link HeaderBlock} reads: a
	 * message with a large attachment costs the few KiB of its headers, not the cap's
	 * worth of characters decoded. When the element says it is base64, the characters are
	 * not kept but fed to {@link Base64Start} as they come.
	 */
	static final class MessageCollector {

		private final Boolean base64;

		private final int headerCap;

		private final int maxChars;

		/** The characters, unless the element says base64. */
		private final StringBuilder chars;

		/** The base64 decoder, if the element says base64. */
		private final Base64Start decoder;

		/** Finds the end of the header block in {@link #chars}. */
		private final HeaderEnd end = new HeaderEnd();

		/** How many characters were taken (at most {@link #maxChars}). */
		private int taken;

		/** The header block's end was collected: nothing more is taken. */
		private boolean stopped;

		MessageCollector(Boolean base64, int headerCap) {
			this.base64 = base64;
			this.headerCap = headerCap;
			// Base64 needs 4/3 characters per byte plus line breaks; text at least 1.
			this.maxChars = headerCap / 2 * 3 + 1024;
			boolean known = Boolean.TRUE.equals(base64);
			this.chars = known ? null : new StringBuilder();
			this.decoder = known ? new Base64Start(headerCap + 1) : null;
		}

		void append(char[] text, int start, int length) {
			int room = this.maxChars - this.taken;
			if (room <= 0 || this.stopped || (this.decoder != null && this.decoder.ended())) {
				return;
			}
			int n = Math.min(room, length);
			this.taken += n;
			if (this.decoder != null) {
				this.decoder.feed(text, start, n);
				return;
			}
			if (this.end.found()) {
				this.chars.append(text, start, n);
				return;
			}
			int upTo = this.end.scan(text, start, n);
			this.chars.append(text, start, upTo - start);
			if (this.end.found()) {
				// Text that turns out to be base64 (no attribute said so) goes on: an
				// empty line in base64 is no header block's end.
				if (!isBase64(this.chars.toString().strip())) {
					this.stopped = true;
					return;
				}
				this.chars.append(text, upTo, start + n - upTo);
			}
		}

		private boolean isBase64(String text) {
			return (this.base64 != null) ? this.base64
					: BASE64_LINE.matcher(text.lines().findFirst().orElse("")).matches();
		}

		/** The decoded message start, at most one byte over the header cap. */
		byte[] bytes(ParseContext context) {
			byte[] bytes;
			if (this.decoder != null) {
				bytes = this.decoder.decode(context);
			}
			else {
				String text = this.chars.toString().strip();
				if (isBase64(text)) {
					// Blanks are skipped by the decoder: the text need not be stripped.
					Base64Start decoder = new Base64Start(this.headerCap + 1);
					char[] all = new char[this.chars.length()];
					this.chars.getChars(0, all.length, all, 0);
					decoder.feed(all, 0, all.length);
					bytes = decoder.decode(context);
				}
				else {
					// Each character is at least one byte: the first cap + 2 characters
					// give the first cap + 1 bytes, with a surrogate pair at the cut kept
					// whole.
					bytes = text.substring(0, Math.min(text.length(), this.headerCap + 2))
						.getBytes(StandardCharsets.UTF_8);
				}
			}
			return (bytes.length > this.headerCap + 1) ? Arrays.copyOf(bytes, this.headerCap + 1) : bytes;
		}

	}

	/**
	 * Finds where a header block ends in text or bytes fed piece by piece: at the first
	 * empty line (a line of nothing but carriage returns, as {@link HeaderBlock} reads
	 * lines) after the first non-blank character.
	 */
	static final class HeaderEnd {

		/** A non-blank character was seen. */
		private boolean started;

		/** At the start of a line, possibly after carriage returns. */
		private boolean lineStart;

		private boolean found;

		boolean found() {
			return this.found;
		}

		/**
		 * @return the index just past the empty line's line feed if the block ends in
		 * {@code text[start, start + length)}, else {@code start + length}
		 */
		int scan(char[] text, int start, int length) {
			int end = start + length;
			for (int i = start; i < end; i++) {
				if (step(text[i])) {
					return i + 1;
				}
			}
			return end;
		}

		/** As {@link #scan(char[], int, int)}, over bytes. */
		int scan(byte[] bytes, int start, int length) {
			int end = start + length;
			for (int i = start; i < end; i++) {
				if (step((char) (bytes[i] & 0xff))) {
					return i + 1;
				}
			}
			return end;
		}

		private boolean step(char c) {
			if (!this.started) {
				this.started = !Character.isWhitespace(c);
				return false;
			}
			if (c == '\n') {
				if (this.lineStart) {
					this.found = true;
					return true;
				}
				this.lineStart = true;
			}
			else if (c != '\r') {
				this.lineStart = false;
			}
			return false;
		}

	}

	/**
	 * Decodes the start of base64 text fed in pieces: the alphabet characters before the
	 * first {@code =}, any other character (line breaks, blanks) skipped. Groups are
	 * decoded as they complete, until the decoded bytes hold the message's header block
	 * (see {@link HeaderEnd}) or the wanted number of bytes; then feeding stops. A
	 * partial last group is reported as a warning if the text ends before that.
	 */
	static final class Base64Start {

		/** First size of the kept characters and bytes; grow by doubling. */
		private static final int INITIAL = 4096;

		/** Groups are decoded once this many characters are waiting. */
		private static final int DECODE_EVERY = 1024;

		private static final boolean[] ALPHABET = new boolean[128];

		static {
			for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray()) {
				ALPHABET[c] = true;
			}
		}

		private final int wantedBytes;

		/** Alphabet characters not decoded yet (fewer than {@link #DECODE_EVERY} + 4). */
		private byte[] alphabet = new byte[DECODE_EVERY + 4];

		private int count;

		private byte[] decoded;

		private int decodedLength;

		private final HeaderEnd end = new HeaderEnd();

		/** An {@code =} was seen, or enough is decoded: nothing more is taken. */
		private boolean ended;

		/**
		 * Feeding stopped at the header block's end or the wanted bytes, not the text's
		 * end.
		 */
		private boolean enough;

		Base64Start(int wantedBytes) {
			this.wantedBytes = wantedBytes;
			this.decoded = new byte[Math.min(INITIAL, wantedBytes + 3)];
		}

		boolean ended() {
			return this.ended;
		}

		void feed(char[] text, int start, int length) {
			int end = start + length;
			for (int i = start; i < end && !this.ended; i++) {
				char c = text[i];
				if (c == '=') {
					this.ended = true;
				}
				else if (c < 128 && ALPHABET[c]) {
					this.alphabet[this.count++] = (byte) c;
					if (this.count == this.alphabet.length) {
						decodeGroups();
					}
				}
			}
		}

		/** Decodes the whole groups waiting, and stops when enough is decoded. */
		private void decodeGroups() {
			int usable = this.count - (this.count % 4);
			if (usable == 0) {
				return;
			}
			int bytes = usable / 4 * 3;
			if (this.decodedLength + bytes > this.decoded.length) {
				this.decoded = Arrays.copyOf(this.decoded,
						Math.max(this.decoded.length * 2, this.decodedLength + bytes));
			}
			int from = this.decodedLength;
			byte[] group = Base64.getDecoder().decode(Arrays.copyOf(this.alphabet, usable));
			System.arraycopy(group, 0, this.decoded, from, group.length);
			this.decodedLength += group.length;
			System.arraycopy(this.alphabet, usable, this.alphabet, 0, this.count - usable);
			this.count -= usable;
			this.end.scan(this.decoded, from, this.decodedLength - from);
			if (this.end.found() || this.decodedLength >= this.wantedBytes) {
				this.ended = true;
				this.enough = true;
			}
		}

		/**
		 * @param context receives the warnings
		 * @return the decoded bytes: all of them, or at least the header block or the
		 * wanted number
		 */
		byte[] decode(ParseContext context) {
			try {
				return decodeRest(context);
			}
			catch (IllegalArgumentException ex) {
				context.warn("message element: undecodable base64");
				return new byte[0];
			}
		}

		private byte[] decodeRest(ParseContext context) {
			if (!this.enough) {
				decodeGroups();
			}
			if (!this.enough) {
				int tail = this.count % 4;
				if (tail == 1) {
					context.warn("message element: base64 ends in a partial group");
				}
				else if (tail >= 2) {
					byte[] last = Base64.getDecoder()
						.decode(new String(this.alphabet, 0, tail, StandardCharsets.US_ASCII)
								+ "==".substring(tail - 2));
					if (this.decodedLength + last.length > this.decoded.length) {
						this.decoded = Arrays.copyOf(this.decoded, this.decodedLength + last.length);
					}
					System.arraycopy(last, 0, this.decoded, this.decodedLength, last.length);
					this.decodedLength += last.length;
				}
			}
			return Arrays.copyOf(this.decoded, this.decodedLength);
		}

	}

}
