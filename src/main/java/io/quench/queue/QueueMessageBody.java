package io.quench.queue;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.codehaus.stax2.XMLStreamReader2;

import io.quench.queue.DialectSniffer.Sniff;
import io.quench.queue.ParsedQueueFile.Dialect;

/**
 * Reads one queue file again, on demand, for the message preview: the RFC 5322 message
 * inside it (whatever the dialect), the SHA-256 of the whole file (to compare with the
 * one stored at ingestion) and raw byte ranges for the source view.
 * <p>
 * The file is looked up inside the queue root element by element: an absolute path,
 * {@code ..} or {@code .} is refused, and so is any element that is a symbolic link; the
 * file is opened with {@code NOFOLLOW_LINKS}. Everything streams: memory stays a few
 * hundred KiB whatever the file size (the XML envelope is read with the same safe
 * Woodstox settings as {@link XmlQueueReader}).
 */
public final class QueueMessageBody {

	/**
	 * The most bytes one {@link #raw} call returns: the first page of the raw source view
	 * and each "load more".
	 */
	public static final int MAX_RAW_RANGE_BYTES = 256 * 1024;

	private static final int IO_BUFFER_BYTES = 64 * 1024;

	private static final Pattern BASE64_LINE = Pattern.compile("[A-Za-z0-9+/=]+");

	/**
	 * Text of a message element without an encoding attribute is looked at up to this
	 * many characters to tell base64 from plain text (its first line).
	 */
	private static final int BASE64_SNIFF_CHARS = 4096;

	private static final Pattern ENCODING_ATTRIBUTE = Pattern
		.compile("(?i)^(encoding|transferencoding|transfer-encoding|content-transfer-encoding)$");

	private QueueMessageBody() {
	}

	/**
	 * Opens a queue file for reading its message. The whole file is hashed first (one
	 * streaming pass), the message is then streamed from the same open file.
	 * @param queueRoot the configured queue root
	 * @param relativePath the path stored at ingestion, relative to the root, {@code /}
	 * separated
	 * @return the open file: close it
	 * @throws PathRejectedException if the path leaves the root or goes through a symlink
	 * @throws VanishedException if the file (or a folder on its path) no longer exists
	 * @throws IOException if reading fails
	 */
	public static Opened open(Path queueRoot, String relativePath) throws IOException {
		return open(queueRoot, relativePath, QueueParserSettings.defaults());
	}

	/**
	 * As {@link #open(Path, String)}, then checks the file is the one ingested.
	 * @param queueRoot the configured queue root
	 * @param relativePath the path relative to the root
	 * @param expectedSha256 the SHA-256 stored at ingestion
	 * @return the open file: close it
	 * @throws ChangedException if the file's SHA-256 differs
	 * @throws PathRejectedException if the path leaves the root or goes through a symlink
	 * @throws VanishedException if the file no longer exists
	 * @throws IOException if reading fails
	 */
	public static Opened open(Path queueRoot, String relativePath, String expectedSha256) throws IOException {
		Opened opened = open(queueRoot, relativePath);
		if (!opened.sha256().equalsIgnoreCase(Objects.requireNonNull(expectedSha256, "expectedSha256"))) {
			opened.close();
			throw new ChangedException(relativePath, expectedSha256, opened.sha256());
		}
		return opened;
	}

	/**
	 * As {@link #open(Path, String)} with the element names of the given settings.
	 * @param queueRoot the configured queue root
	 * @param relativePath the path relative to the root
	 * @param settings the element-name patterns (the message element of dialect (b))
	 * @return the open file: close it
	 * @throws IOException as {@link #open(Path, String)}
	 */
	public static Opened open(Path queueRoot, String relativePath, QueueParserSettings settings) throws IOException {
		Objects.requireNonNull(settings, "settings");
		Path file = resolve(queueRoot, relativePath);
		FileChannel channel = openChannel(file, relativePath);
		try {
			return Opened.of(channel, Pattern.compile(settings.messageElements()));
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	/**
	 * The SHA-256 of the whole file, lower-case hex.
	 * @param queueRoot the configured queue root
	 * @param relativePath the path relative to the root
	 * @return the hash
	 * @throws IOException as {@link #open(Path, String)}
	 */
	public static String sha256(Path queueRoot, String relativePath) throws IOException {
		Path file = resolve(queueRoot, relativePath);
		try (FileChannel channel = openChannel(file, relativePath)) {
			MessageDigest digest = newSha256();
			ByteBuffer buffer = ByteBuffer.allocate(IO_BUFFER_BYTES);
			while (channel.read(buffer) >= 0) {
				buffer.flip();
				digest.update(buffer);
				buffer.clear();
			}
			return HexFormat.of().formatHex(digest.digest());
		}
	}

	/**
	 * Raw bytes of the file, for the source view.
	 * @param queueRoot the configured queue root
	 * @param relativePath the path relative to the root
	 * @param offset the first byte wanted, from 0
	 * @param length how many bytes, at most {@link #MAX_RAW_RANGE_BYTES} (more is cut)
	 * @return the bytes (fewer at the end of the file, none past it) and the file size
	 * @throws IOException as {@link #open(Path, String)}
	 */
	public static RawRange raw(Path queueRoot, String relativePath, long offset, int length) throws IOException {
		if (offset < 0 || length < 0) {
			throw new IllegalArgumentException("offset and length must not be negative");
		}
		Path file = resolve(queueRoot, relativePath);
		try (FileChannel channel = openChannel(file, relativePath)) {
			long size = channel.size();
			int wanted = (int) Math.max(0, Math.min(Math.min(length, MAX_RAW_RANGE_BYTES), size - offset));
			ByteBuffer buffer = ByteBuffer.allocate(wanted);
			long position = offset;
			while (buffer.hasRemaining()) {
				int n = channel.read(buffer, position);
				if (n < 0) {
					break;
				}
				position += n;
			}
			return new RawRange(offset, Arrays.copyOf(buffer.array(), buffer.position()), size);
		}
	}

	/**
	 * The file inside the root, each element checked: no {@code ..}, no {@code .}, no
	 * absolute path, no symbolic link on the way; folders are folders.
	 */
	static Path resolve(Path queueRoot, String relativePath) throws IOException {
		Objects.requireNonNull(queueRoot, "queueRoot");
		if (relativePath == null || relativePath.isBlank() || relativePath.indexOf('\0') >= 0) {
			throw new PathRejectedException(String.valueOf(relativePath), "empty or invalid path");
		}
		Path relative;
		try {
			relative = queueRoot.getFileSystem().getPath(relativePath);
		}
		catch (RuntimeException ex) {
			throw new PathRejectedException(relativePath, "invalid path");
		}
		if (relative.isAbsolute() || relative.getRoot() != null || relativePath.startsWith("/")) {
			throw new PathRejectedException(relativePath, "absolute path refused");
		}
		Path root;
		try {
			// The configured root itself may be reached through a link the admin set up;
			// everything below it may not.
			root = queueRoot.toRealPath();
		}
		catch (NoSuchFileException ex) {
			throw new VanishedException(relativePath, "queue root " + queueRoot + " does not exist");
		}
		Path current = root;
		int count = relative.getNameCount();
		for (int i = 0; i < count; i++) {
			String name = relative.getName(i).toString();
			if (name.isEmpty() || name.equals(".") || name.equals("..")) {
				throw new PathRejectedException(relativePath, "path element '" + name + "' refused");
			}
			current = current.resolve(name);
			BasicFileAttributes attributes;
			try {
				attributes = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
			}
			catch (NoSuchFileException | NotDirectoryException ex) {
				throw new VanishedException(relativePath, "file vanished");
			}
			if (attributes.isSymbolicLink()) {
				throw new PathRejectedException(relativePath, "path goes through a symlink: not followed");
			}
			boolean last = i == count - 1;
			if (!last && !attributes.isDirectory()) {
				throw new VanishedException(relativePath, "file vanished (a folder on its path is not a folder)");
			}
			if (last && !attributes.isRegularFile()) {
				throw new PathRejectedException(relativePath, "not a regular file");
			}
		}
		if (!current.startsWith(root)) {
			throw new PathRejectedException(relativePath, "path outside the queue root");
		}
		return current;
	}

	private static FileChannel openChannel(Path file, String relativePath) throws IOException {
		try {
			// NOFOLLOW_LINKS: a file swapped for a link since it was looked at is not
			// followed.
			return FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
		}
		catch (NoSuchFileException ex) {
			throw new VanishedException(relativePath, "file vanished");
		}
		catch (FileSystemLoopException ex) {
			throw new PathRejectedException(relativePath, "symlink not followed");
		}
		catch (IOException ex) {
			if (Files.isSymbolicLink(file)) {
				throw new PathRejectedException(relativePath, "symlink not followed");
			}
			throw ex;
		}
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	/**
	 * An open queue file: its dialect, size, whole-file SHA-256 and the stream of its RFC
	 * 5322 message. Not thread-safe; close it.
	 */
	public static final class Opened implements Closeable {

		private final FileChannel channel;

		private final Dialect dialect;

		private final long fileSize;

		private final String sha256;

		/** Where the message starts (dialects (a), (c), (d)), -1 if there is none. */
		private final long messageStart;

		private final Pattern messageElements;

		private final List<String> warnings;

		private boolean streamed;

		private Opened(FileChannel channel, Dialect dialect, long fileSize, String sha256, long messageStart,
				Pattern messageElements, List<String> warnings) {
			this.channel = channel;
			this.dialect = dialect;
			this.fileSize = fileSize;
			this.sha256 = sha256;
			this.messageStart = messageStart;
			this.messageElements = messageElements;
			this.warnings = List.copyOf(warnings);
		}

		static Opened of(FileChannel channel, Pattern messageElements) throws IOException {
			List<String> warnings = new ArrayList<>();
			MessageDigest digest = newSha256();
			InputStream in = new DigestingInput(channel, digest);
			byte[] head = in.readNBytes(DialectSniffer.SNIFF_BYTES);
			Sniff sniff = DialectSniffer.sniff(head, head.length);
			Dialect dialect;
			long messageStart;
			switch (sniff.kind()) {
				case XML -> {
					XmlScan scan = XmlScan.scan(head, sniff.skip(), in, warnings);
					dialect = scan.dialect;
					// The scan counts from the first '<'.
					messageStart = (scan.messageStart < 0) ? -1 : sniff.skip() + scan.messageStart;
				}
				case SMTP_SCRIPT -> {
					dialect = Dialect.SMTP_SCRIPT;
					messageStart = sniff.skip();
				}
				case RFC5322 -> {
					dialect = Dialect.RFC5322;
					messageStart = sniff.skip();
				}
				default -> {
					dialect = Dialect.UNKNOWN;
					messageStart = -1;
					warnings.add("no message: " + sniff.problem());
				}
			}
			// The rest of the file, for the hash of the whole file.
			in.transferTo(OutputStreamNull.INSTANCE);
			long size = ((DigestingInput) in).count;
			return new Opened(channel, dialect, size, HexFormat.of().formatHex(digest.digest()), messageStart,
					messageElements, warnings);
		}

		/** The dialect found when opening; {@link Dialect#UNKNOWN} if none. */
		public Dialect dialect() {
			return this.dialect;
		}

		/** The number of bytes in the file when it was hashed. */
		public long fileSize() {
			return this.fileSize;
		}

		/** The lower-case hex SHA-256 of the whole file. */
		public String sha256() {
			return this.sha256;
		}

		/** What was odd about the file (no message found, envelope too long...). */
		public List<String> warnings() {
			return this.warnings;
		}

		/**
		 * Streams the RFC 5322 message: (a) the bytes after the envelope's root end tag,
		 * (b) the message element's text (base64-decoded if it is base64), (c) the lines
		 * between {@code DATA} and the lone {@code .}, dot-unstuffed, (d) the whole file
		 * (after a BOM and leading blank lines). Empty when the file holds no message.
		 * Call once; the stream reads from this open file (closing it is optional,
		 * closing this object is not).
		 * @return the message bytes
		 * @throws IOException if reading fails
		 */
		public InputStream rfc5322() throws IOException {
			if (this.streamed) {
				throw new IllegalStateException("the message is streamed once");
			}
			this.streamed = true;
			if (this.messageStart < 0 && this.dialect != Dialect.XML_MESSAGE) {
				return InputStream.nullInputStream();
			}
			return switch (this.dialect) {
				case XML_ENVELOPE, RFC5322 -> new DigestingInput(this.channel.position(this.messageStart), null);
				case SMTP_SCRIPT ->
					new SmtpDataInput(new DigestingInput(this.channel.position(this.messageStart), null));
				case XML_MESSAGE -> XmlMessageInput.of(this.channel.position(0), this.messageElements);
				default -> InputStream.nullInputStream();
			};
		}

		@Override
		public void close() throws IOException {
			this.channel.close();
		}

	}

	/**
	 * A byte range of the file.
	 *
	 * @param offset where the range starts
	 * @param bytes the bytes (a copy)
	 * @param totalSize the file size
	 */
	public record RawRange(long offset, byte[] bytes, long totalSize) {

		public RawRange {
			bytes = bytes.clone();
		}

		@Override
		public byte[] bytes() {
			return this.bytes.clone();
		}

		/** The number of bytes in the range. */
		public int length() {
			return this.bytes.length;
		}

		/** Whether bytes follow the range. */
		public boolean hasMore() {
			return this.offset + this.bytes.length < this.totalSize;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof RawRange range && range.offset == this.offset && range.totalSize == this.totalSize
					&& Arrays.equals(range.bytes, this.bytes);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.offset, this.totalSize, Arrays.hashCode(this.bytes));
		}

		@Override
		public String toString() {
			return "RawRange[offset=" + this.offset + ", length=" + this.bytes.length + ", totalSize=" + this.totalSize
					+ "]";
		}

	}

	/** A queue file that cannot be shown as ingested; says which file. */
	public abstract static class QueueFileException extends IOException {

		private final String relativePath;

		QueueFileException(String message, String relativePath) {
			super(message);
			this.relativePath = relativePath;
		}

		public String relativePath() {
			return this.relativePath;
		}

	}

	/** The path leaves the queue root, goes through a symlink or is not a file: 400. */
	public static final class PathRejectedException extends QueueFileException {

		public PathRejectedException(String relativePath, String reason) {
			super(reason + ": " + relativePath, relativePath);
		}

	}

	/** The file is gone (delivered or deleted since ingestion): a page says so. */
	public static final class VanishedException extends QueueFileException {

		public VanishedException(String relativePath, String reason) {
			super(reason + ": " + relativePath, relativePath);
		}

	}

	/** The file's content is not the one ingested: a page says so. */
	public static final class ChangedException extends QueueFileException {

		private final String expectedSha256;

		private final String actualSha256;

		public ChangedException(String relativePath, String expectedSha256, String actualSha256) {
			super("file changed since ingestion: " + relativePath, relativePath);
			this.expectedSha256 = expectedSha256;
			this.actualSha256 = actualSha256;
		}

		public String expectedSha256() {
			return this.expectedSha256;
		}

		public String actualSha256() {
			return this.actualSha256;
		}

	}

	/** Reads a channel from its position with a fixed buffer, optionally hashing. */
	private static final class DigestingInput extends InputStream {

		private final FileChannel channel;

		private final MessageDigest digest;

		private final ByteBuffer buffer = ByteBuffer.allocate(IO_BUFFER_BYTES);

		long count;

		DigestingInput(FileChannel channel, MessageDigest digest) {
			this.channel = channel;
			this.digest = digest;
			this.buffer.limit(0);
		}

		private boolean fill() throws IOException {
			if (this.buffer.hasRemaining()) {
				return true;
			}
			this.buffer.clear();
			int n;
			do {
				n = this.channel.read(this.buffer);
			}
			while (n == 0);
			this.buffer.flip();
			if (n < 0) {
				return false;
			}
			this.count += n;
			if (this.digest != null) {
				this.digest.update(this.buffer.array(), 0, n);
			}
			return true;
		}

		@Override
		public int read() throws IOException {
			return fill() ? this.buffer.get() & 0xff : -1;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			Objects.checkFromIndexSize(off, len, b.length);
			if (len == 0) {
				return 0;
			}
			if (!fill()) {
				return -1;
			}
			int n = Math.min(len, this.buffer.remaining());
			this.buffer.get(b, off, n);
			return n;
		}

	}

	private static final class OutputStreamNull extends java.io.OutputStream {

		static final OutputStreamNull INSTANCE = new OutputStreamNull();

		@Override
		public void write(int b) {
		}

		@Override
		public void write(byte[] b, int off, int len) {
		}

	}

	/**
	 * Finds where the XML root element ends and what follows: the message of dialect (a),
	 * or nothing (dialect (b), the message is in an element).
	 */
	private static final class XmlScan {

		Dialect dialect;

		long messageStart = -1;

		static XmlScan scan(byte[] head, int skip, InputStream in, List<String> warnings) throws IOException {
			XmlScan scan = new XmlScan();
			scan.dialect = Dialect.XML_MESSAGE;
			Charset charset;
			try {
				charset = XmlQueueReader.charset(head, skip, head.length - skip);
			}
			catch (QueueFileProblem ex) {
				warnings.add("no message: " + ex.getMessage());
				scan.dialect = Dialect.UNKNOWN;
				return scan;
			}
			InputStream all = new SequenceInputStream(new ByteArrayInputStream(head, skip, head.length - skip), in);
			EnvelopeReader tee = new EnvelopeReader().reset(all, charset,
					QueueFileParser.ENVELOPE_CAP_BYTES + XmlQueueReader.READ_AHEAD_SLACK_BYTES);
			XMLStreamReader2 xml = null;
			try {
				xml = (XMLStreamReader2) XmlQueueReader.safeFactory().createXMLStreamReader(tee);
				int depth = 0;
				while (xml.hasNext()) {
					int event = xml.next();
					if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
						warnings.add("no message: DTD or entity refused");
						scan.dialect = Dialect.UNKNOWN;
						return scan;
					}
					if (event == XMLStreamConstants.START_ELEMENT) {
						depth++;
					}
					else if (event == XMLStreamConstants.END_ELEMENT && --depth == 0) {
						long endChar = xml.getLocationInfo().getEndingCharOffset();
						scan.afterRoot(tee, all, charset, endChar, warnings);
						return scan;
					}
				}
				warnings.add("truncated XML: the root element does not end");
				return scan;
			}
			catch (XMLStreamException | RuntimeException ex) {
				if (ex instanceof XMLStreamException xe && xe.getNestedException() instanceof IOException io) {
					throw io;
				}
				warnings.add("malformed XML: " + firstLine(ex.getMessage()));
				return scan;
			}
			finally {
				if (xml != null) {
					try {
						xml.close();
					}
					catch (XMLStreamException ex) {
						// Only recycles buffers.
					}
				}
			}
		}

		private void afterRoot(EnvelopeReader tee, InputStream rest, Charset charset, long endChar,
				List<String> warnings) throws IOException {
			int endByte = tee.overflowed() ? -1
					: XmlQueueReader.byteOffset(tee.buffer(), tee.retained(), charset, endChar);
			if (endByte < 0) {
				// Only with a huge XML element: dialect (b) (the message element is read
				// again when streamed), or an envelope too long to find the message
				// after.
				this.dialect = Dialect.XML_MESSAGE;
				return;
			}
			int i = endByte;
			while (i < tee.retained() && isBlank(tee.buffer()[i])) {
				i++;
			}
			if (i == tee.retained()) {
				// Read more: the buffer may end in blanks.
				int b = rest.read();
				while (b >= 0 && isBlank((byte) b)) {
					i++;
					b = rest.read();
				}
				if (b < 0) {
					this.dialect = Dialect.XML_MESSAGE;
					return;
				}
				this.dialect = (b == '<') ? Dialect.XML_MESSAGE : Dialect.XML_ENVELOPE;
			}
			else {
				this.dialect = (tee.buffer()[i] == '<') ? Dialect.XML_MESSAGE : Dialect.XML_ENVELOPE;
			}
			if (this.dialect == Dialect.XML_ENVELOPE) {
				// Offsets in the tee count from the first '<' (after the BOM and blanks).
				this.messageStart = i;
			}
		}

		private static boolean isBlank(byte b) {
			return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f';
		}

	}

	private static String firstLine(String message) {
		if (message == null) {
			return "(no detail)";
		}
		String line = message.strip().lines().findFirst().orElse("");
		return (line.length() > 300) ? line.substring(0, 300) + "\u2026" : line;
	}

	/**
	 * The message of an SMTP script: skips the command lines up to {@code DATA}, then
	 * gives the lines up to the lone {@code .}, a leading dot removed from each line.
	 */
	static final class SmtpDataInput extends InputStream {

		private final InputStream in;

		private final byte[] buffer = new byte[IO_BUFFER_BYTES];

		private int position;

		private int limit;

		private boolean inData;

		private boolean ended;

		/** At the start of a line (of the data). */
		private boolean lineStart = true;

		/** A dot started the line: held back until the next byte says what it was. */
		private boolean pendingDot;

		SmtpDataInput(InputStream in) {
			this.in = in;
		}

		private int next() throws IOException {
			if (this.position == this.limit) {
				int n = this.in.read(this.buffer);
				if (n <= 0) {
					return -1;
				}
				this.position = 0;
				this.limit = n;
			}
			return this.buffer[this.position++] & 0xff;
		}

		private void skipCommands() throws IOException {
			StringBuilder line = new StringBuilder();
			long consumed = 0;
			while (true) {
				int b = next();
				if (b < 0) {
					this.ended = true;
					return;
				}
				if (++consumed > QueueFileParser.ENVELOPE_CAP_BYTES) {
					this.ended = true;
					return;
				}
				if (b == '\n') {
					if (line.toString().strip().toUpperCase(Locale.ROOT).equals("DATA")) {
						this.inData = true;
						return;
					}
					line.setLength(0);
				}
				else if (line.length() < SmtpScriptReader.MAX_COMMAND_LINE_BYTES) {
					line.append((char) b);
				}
			}
		}

		@Override
		public int read() throws IOException {
			if (this.ended) {
				return -1;
			}
			if (!this.inData) {
				skipCommands();
				if (this.ended) {
					return -1;
				}
			}
			while (true) {
				int b = next();
				if (this.pendingDot) {
					this.pendingDot = false;
					if (b < 0) {
						this.ended = true;
						return -1;
					}
					if (b == '\n') {
						this.ended = true;
						return -1;
					}
					if (b == '\r') {
						int c = next();
						if (c == '\n' || c < 0) {
							this.ended = true;
							return -1;
						}
						// ".\rX": a stuffed line starting with a CR; keep both.
						this.position--;
						this.lineStart = false;
						return '\r';
					}
					// A stuffed dot: dropped, the byte after it is the line's first.
					this.lineStart = b == '\n';
					return b;
				}
				if (b < 0) {
					this.ended = true;
					return -1;
				}
				if (this.lineStart && b == '.') {
					this.pendingDot = true;
					continue;
				}
				this.lineStart = b == '\n';
				return b;
			}
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			Objects.checkFromIndexSize(off, len, b.length);
			if (len == 0) {
				return 0;
			}
			int n = 0;
			while (n < len) {
				if (this.inData && !this.ended && !this.pendingDot && !this.lineStart && this.position < this.limit) {
					// Fast path inside a line: copy up to and including the line end.
					int end = this.position;
					int max = Math.min(this.limit, this.position + len - n);
					while (end < max && this.buffer[end] != '\n') {
						end++;
					}
					if (end < max) {
						end++;
						this.lineStart = true;
					}
					System.arraycopy(this.buffer, this.position, b, off + n, end - this.position);
					n += end - this.position;
					this.position = end;
					continue;
				}
				int c = read();
				if (c < 0) {
					break;
				}
				b[off + n++] = (byte) c;
				if (this.position == this.limit) {
					// Return what we have rather than block on a refill.
					break;
				}
			}
			return (n == 0) ? -1 : n;
		}

	}

	/**
	 * Dialect (b): streams the text of the first message element, decoding base64 as it
	 * comes (lenient: characters outside the alphabet are skipped, decoding stops at the
	 * first {@code =}), or encoding plain text as UTF-8.
	 */
	static final class XmlMessageInput extends InputStream {

		private final XMLStreamReader xml;

		private final Pattern messageElements;

		private int depth;

		private int messageDepth = -1;

		private boolean done;

		/** null until decided. */
		private Boolean base64;

		private final StringBuilder sniffed = new StringBuilder();

		private byte[] out = new byte[0];

		private int outPosition;

		/** How many bytes of {@link #out} are valid. */
		private int outLimit;

		private int quad;

		private int quadCount;

		private boolean padded;

		private XmlMessageInput(XMLStreamReader xml, Pattern messageElements) {
			this.xml = xml;
			this.messageElements = messageElements;
		}

		static XmlMessageInput of(FileChannel channel, Pattern messageElements) throws IOException {
			InputStream in = new DigestingInput(channel, null);
			byte[] head = in.readNBytes(DialectSniffer.SNIFF_BYTES);
			Sniff sniff = DialectSniffer.sniff(head, head.length);
			Charset charset;
			try {
				charset = XmlQueueReader.charset(head, sniff.skip(), head.length - sniff.skip());
			}
			catch (QueueFileProblem ex) {
				charset = StandardCharsets.UTF_8;
			}
			InputStream all = new SequenceInputStream(
					new ByteArrayInputStream(head, sniff.skip(), head.length - sniff.skip()), in);
			CharsetDecoder decoder = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE);
			XMLInputFactory factory = XmlQueueReader.safeFactory();
			try {
				return new XmlMessageInput(factory.createXMLStreamReader(new InputStreamReader(all, decoder)),
						messageElements);
			}
			catch (XMLStreamException ex) {
				return new XmlMessageInput(null, messageElements);
			}
		}

		/** Fills {@link #out} from the next text events; false at the end. */
		private boolean fill() throws IOException {
			while (this.outPosition == this.outLimit) {
				if (this.done || this.xml == null) {
					return flushSniffed();
				}
				try {
					if (!this.xml.hasNext()) {
						this.done = true;
						continue;
					}
					int event = this.xml.next();
					if (event == XMLStreamConstants.START_ELEMENT) {
						this.depth++;
						if (this.messageDepth < 0
								&& this.messageElements.matcher(localName(this.xml.getLocalName())).matches()) {
							this.messageDepth = this.depth;
							this.base64 = base64Attribute(this.xml);
						}
					}
					else if (event == XMLStreamConstants.END_ELEMENT) {
						if (this.depth == this.messageDepth) {
							this.done = true;
						}
						this.depth--;
					}
					else if (this.messageDepth > 0 && (event == XMLStreamConstants.CHARACTERS
							|| event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE)) {
						text(this.xml.getTextCharacters(), this.xml.getTextStart(), this.xml.getTextLength());
					}
					else if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
						this.done = true;
					}
				}
				catch (XMLStreamException | RuntimeException ex) {
					if (ex instanceof XMLStreamException xe && xe.getNestedException() instanceof IOException io) {
						throw io;
					}
					// Malformed XML: the message ends where the XML broke.
					this.done = true;
				}
			}
			return true;
		}

		private boolean flushSniffed() {
			if (this.sniffed.length() > 0) {
				decide();
				char[] chars = new char[this.sniffed.length()];
				this.sniffed.getChars(0, chars.length, chars, 0);
				this.sniffed.setLength(0);
				emit(chars, 0, chars.length);
				return this.outPosition < this.outLimit;
			}
			return false;
		}

		private void decide() {
			if (this.base64 == null) {
				String first = this.sniffed.toString().strip().lines().findFirst().orElse("");
				this.base64 = BASE64_LINE.matcher(first).matches();
			}
		}

		private void text(char[] chars, int start, int length) {
			if (this.base64 == null) {
				this.sniffed.append(chars, start, length);
				String stripped = this.sniffed.toString().stripLeading();
				if (this.sniffed.length() < BASE64_SNIFF_CHARS && stripped.indexOf('\n') < 0) {
					return;
				}
				decide();
				char[] all = new char[this.sniffed.length()];
				this.sniffed.getChars(0, all.length, all, 0);
				this.sniffed.setLength(0);
				emit(all, 0, all.length);
				return;
			}
			emit(chars, start, length);
		}

		private void emit(char[] chars, int start, int length) {
			if (!this.base64) {
				String text = new String(chars, start, length);
				if (!this.started) {
					// Blanks between the start tag and the message are not part of it.
					text = text.stripLeading();
					this.started = !text.isEmpty();
				}
				this.out = text.getBytes(StandardCharsets.UTF_8);
				this.outLimit = this.out.length;
				this.outPosition = 0;
				return;
			}
			// The output buffer is reused: a 50 MB message allocates no more than one.
			int needed = length / 4 * 3 + 3;
			if (this.out.length < needed) {
				this.out = new byte[Math.max(needed, 8192)];
			}
			byte[] bytes = this.out;
			int n = 0;
			for (int i = start; i < start + length && !this.padded; i++) {
				int v = value(chars[i]);
				if (chars[i] == '=') {
					this.padded = true;
					break;
				}
				if (v < 0) {
					continue;
				}
				this.quad = (this.quad << 6) | v;
				if (++this.quadCount == 4) {
					bytes[n++] = (byte) (this.quad >> 16);
					bytes[n++] = (byte) (this.quad >> 8);
					bytes[n++] = (byte) this.quad;
					this.quad = 0;
					this.quadCount = 0;
				}
			}
			if (this.padded && this.quadCount >= 2) {
				// The partial last group: 2 characters give 1 byte, 3 give 2.
				int q = this.quad << (6 * (4 - this.quadCount));
				bytes[n++] = (byte) (q >> 16);
				if (this.quadCount == 3) {
					bytes[n++] = (byte) (q >> 8);
				}
				this.quadCount = 0;
			}
			this.outLimit = n;
			this.outPosition = 0;
		}

		/** Whether a non-blank character of plain text was emitted. */
		private boolean started;

		private static int value(char c) {
			if (c >= 'A' && c <= 'Z') {
				return c - 'A';
			}
			if (c >= 'a' && c <= 'z') {
				return c - 'a' + 26;
			}
			if (c >= '0' && c <= '9') {
				return c - '0' + 52;
			}
			if (c == '+') {
				return 62;
			}
			if (c == '/') {
				return 63;
			}
			return -1;
		}

		@Override
		public int read() throws IOException {
			return fill() ? this.out[this.outPosition++] & 0xff : -1;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			Objects.checkFromIndexSize(off, len, b.length);
			if (len == 0) {
				return 0;
			}
			if (!fill()) {
				return -1;
			}
			int n = Math.min(len, this.outLimit - this.outPosition);
			System.arraycopy(this.out, this.outPosition, b, off, n);
			this.outPosition += n;
			return n;
		}

		@Override
		public void close() throws IOException {
			if (this.xml != null) {
				try {
					this.xml.close();
				}
				catch (XMLStreamException ex) {
					// Only recycles buffers.
				}
			}
		}

		private static String localName(String name) {
			int colon = name.lastIndexOf(':');
			return (colon >= 0) ? name.substring(colon + 1) : name;
		}

		private static Boolean base64Attribute(XMLStreamReader xml) {
			for (int i = 0; i < xml.getAttributeCount(); i++) {
				if (ENCODING_ATTRIBUTE.matcher(localName(xml.getAttributeLocalName(i))).matches()) {
					return xml.getAttributeValue(i).toLowerCase(Locale.ROOT).contains("base64");
				}
			}
			return null;
		}

	}

}
