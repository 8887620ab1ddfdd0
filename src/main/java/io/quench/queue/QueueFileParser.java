package io.quench.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.quench.queue.DialectSniffer.Sniff;
import io.quench.queue.ParsedQueueFile.Dialect;
import io.quench.queue.ParsedQueueFile.Status;

/**
 * Parses one GWIA queue file into a {@link ParsedQueueFile}, streaming in constant
 * memory. Plain Java, no Spring; thread-safe (one instance may parse on several threads).
 * <p>
 * It reads only what it needs, the envelope (at most {@link #ENVELOPE_CAP_BYTES}) and the
 * message headers (at most {@link #HEADER_CAP_BYTES}), and streams the rest of the file
 * through SHA-256 with a fixed buffer, so the hash covers the whole file and a 50 MB
 * message costs a few hundred KiB.
 * <p>
 * The dialect is told from the first bytes (after a UTF-8 BOM and whitespace): {@code <}
 * starts XML (an envelope followed by the message, or XML throughout; see
 * {@link XmlQueueReader}); a bare domain line followed by {@code HELO}/{@code EHLO}, or a
 * first line {@code MAIL FROM:}, starts an SMTP script; a header line starts a bare RFC
 * 5322 message; NUL bytes or many control bytes make a binary file. See docs/formats.md,
 * "How Quench parses queue files".
 * <p>
 * It never throws for bad input: a file that is not understood is
 * {@link Status#UNPARSED}, a hostile one (DTD, entities, XML over a limit) is
 * {@link Status#REJECTED}, each with a reason. If the file's size or mtime changes while
 * it is read, it is read once more; the result of the second read is returned with a
 * warning (saying whether it changed again).
 */
public final class QueueFileParser {

	/**
	 * The most bytes of envelope read: XML envelopes seen are a few KiB; 256 KiB holds
	 * thousands of recipients and bounds what a hostile file can make us buffer.
	 */
	public static final int ENVELOPE_CAP_BYTES = 256 * 1024;

	/**
	 * The most bytes of message headers read: real header blocks are 2 to 20 KiB; spam
	 * with a thousand addressees in To stays under 100 KiB. A longer block is cut with a
	 * warning.
	 */
	public static final int HEADER_CAP_BYTES = 256 * 1024;

	/**
	 * Header values (subject, To, ...) are cut to this many characters: enough to show
	 * and search; the parsed addresses carry the full recipient list.
	 */
	public static final int MAX_HEADER_VALUE_CHARS = 4096;

	/**
	 * Read buffer, kept per thread: large enough for few system calls (most queue files
	 * fit in one read), small enough to keep for the thread's life.
	 */
	private static final int IO_BUFFER_BYTES = 64 * 1024;

	private static final String THROUGH_SYMLINK = "path goes through a symlink: not followed";

	/** Reason prefix of a file that disappeared before or while it was opened. */
	public static final String VANISHED = "file vanished";

	private final MessageHeaderParser headerParser;

	private final XmlQueueReader xmlReader;

	private final SmtpScriptReader smtpReader;

	/** Buffers and digest reused by the parses on one thread. */
	private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

	/** A parser with {@link QueueParserSettings#defaults()}. */
	public QueueFileParser() {
		this(QueueParserSettings.defaults());
	}

	/**
	 * A parser with the given element-name patterns.
	 * @param settings the settings
	 */
	public QueueFileParser(QueueParserSettings settings) {
		Objects.requireNonNull(settings, "settings");
		this.headerParser = new MessageHeaderParser(HEADER_CAP_BYTES);
		this.xmlReader = new XmlQueueReader(settings, this.headerParser, ENVELOPE_CAP_BYTES, HEADER_CAP_BYTES);
		this.smtpReader = new SmtpScriptReader(this.headerParser, ENVELOPE_CAP_BYTES, HEADER_CAP_BYTES);
	}

	/**
	 * Parses one queue file. Never throws for anything about the file.
	 * @param entry the file, as listed by {@link QueueWalker}: its size and mtime are
	 * taken as they were listed, and a file that no longer has them after reading is read
	 * a second time
	 * @return what the file holds, or why it was not parsed
	 */
	public ParsedQueueFile parse(QueueEntry entry) {
		Objects.requireNonNull(entry, "entry");
		// First as listed: the walk's lstat gave size and mtime, and looking again before
		// opening cost a system call per file (about 2 % of a first scan's CPU). A file
		// that changed since it was listed, or while read, is read once more, looked at
		// afresh.
		Attempt attempt = read(entry.path(), entry.size(), entry.mtime());
		if (attempt.changed) {
			attempt = read(entry.path(), -1, null);
			attempt.context
				.warn(attempt.changed ? "file kept changing while read (read twice): the result may mix versions"
						: "file changed since it was listed or while read: read a second time");
		}
		return attempt.result(entry);
	}

	/**
	 * One read of the file.
	 * @param listedSize the size the file had when listed, or -1 to look now
	 * @param listedMtime the mtime it had when listed, or null to look now
	 */
	private Attempt read(Path path, long listedSize, Instant listedMtime) {
		ParseContext context = new ParseContext();
		Scratch scratch = this.scratch.get();
		long size = listedSize;
		Instant mtime = listedMtime;
		try {
			if (!scratch.parentIsReal(path)) {
				return Attempt.failed(context, Status.REJECTED, THROUGH_SYMLINK);
			}
			if (mtime == null) {
				BasicFileAttributes before = Files.readAttributes(path, BasicFileAttributes.class,
						LinkOption.NOFOLLOW_LINKS);
				if (before.isSymbolicLink()) {
					return linked(path, context);
				}
				if (!before.isRegularFile()) {
					return Attempt.failed(context, Status.UNPARSED, "not a regular file");
				}
				size = before.size();
				mtime = before.lastModifiedTime().toInstant();
			}
		}
		catch (NoSuchFileException ex) {
			return Attempt.failed(context, Status.UNPARSED, VANISHED + " before it could be read");
		}
		catch (IOException | RuntimeException ex) {
			return Attempt.failed(context, Status.UNPARSED, "cannot read: " + describe(ex));
		}
		// NOFOLLOW_LINKS: if the file is a link (swapped for one since it was listed),
		// the open fails (ELOOP) instead of following it.
		try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
			QueueFileInput in = new QueueFileInput(file, scratch.sha256, scratch.io, scratch.ioView);
			Status status = Status.PARSED;
			String problem = null;
			try {
				parseContent(in, context);
			}
			catch (QueueFileProblem ex) {
				status = ex.status();
				problem = ex.getMessage();
			}
			catch (RuntimeException ex) {
				status = Status.UNPARSED;
				problem = "parser failure: " + describe(ex);
			}
			in.drain();
			long read = in.count();
			String sha256 = in.hexDigest();
			boolean changed = read != size || changedSince(path, size, mtime, context);
			return new Attempt(context, status, problem, read, mtime, sha256, changed);
		}
		catch (NoSuchFileException ex) {
			return Attempt.failed(context, Status.UNPARSED, VANISHED + " before it could be opened");
		}
		catch (AccessDeniedException ex) {
			return Attempt.failed(context, Status.UNPARSED, "cannot read: permission denied");
		}
		catch (IOException ex) {
			if (isLink(path)) {
				return linked(path, context);
			}
			return Attempt.failed(context, Status.UNPARSED, "cannot read: " + describe(ex));
		}
	}

	/**
	 * The file is a symlink: rejected. Resolving it gives the answer the parser always
	 * gave (pointing out of its folder, dangling, or an error).
	 */
	private static Attempt linked(Path path, ParseContext context) {
		try {
			if (!path.toRealPath().equals(path.toAbsolutePath().normalize())) {
				return Attempt.failed(context, Status.REJECTED, THROUGH_SYMLINK);
			}
		}
		catch (NoSuchFileException ex) {
			return Attempt.failed(context, Status.UNPARSED, VANISHED + " before it could be read");
		}
		catch (IOException | RuntimeException ex) {
			return Attempt.failed(context, Status.UNPARSED, "cannot read: " + describe(ex));
		}
		return Attempt.failed(context, Status.REJECTED, "symlink not followed");
	}

	private static boolean isLink(Path path) {
		try {
			return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isSymbolicLink();
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static boolean changedSince(Path path, long size, Instant mtime, ParseContext context) {
		try {
			BasicFileAttributes after = Files.readAttributes(path, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			return after.size() != size || !after.lastModifiedTime().toInstant().equals(mtime)
					|| after.isSymbolicLink();
		}
		catch (NoSuchFileException ex) {
			// Read to the end through the open handle: the content is whole (GWIA
			// delivered it).
			context.warn("file was removed just after it was read");
			return false;
		}
		catch (IOException ex) {
			context.warn("cannot check the file after reading: " + describe(ex));
			return false;
		}
	}

	private void parseContent(QueueFileInput in, ParseContext context) throws IOException {
		int length = in.head(DialectSniffer.SNIFF_BYTES);
		byte[] head = in.buffer();
		Sniff sniff = DialectSniffer.sniff(head, length);
		switch (sniff.kind()) {
			case EMPTY, BINARY, UNKNOWN -> throw QueueFileProblem.unparsed(sniff.problem());
			case XML -> {
				// The XML reader looks at the head before it reads: the buffer still
				// holds it.
				in.skipNBytes(sniff.skip());
				this.xmlReader.read(in, head, sniff.skip(), length - sniff.skip(), context);
			}
			case SMTP_SCRIPT -> {
				in.skipNBytes(sniff.skip());
				this.smtpReader.read(in, context);
			}
			case RFC5322 -> {
				in.skipNBytes(sniff.skip());
				context.dialect = Dialect.RFC5322;
				this.headerParser.parse(HeaderBlock.read(LineInput.of(in), HEADER_CAP_BYTES, false, context), context,
						true);
			}
		}
	}

	private static String describe(Exception ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/**
	 * What one thread reuses from parse to parse: the read buffer and the digest, and the
	 * directory last found free of symlinks.
	 */
	private static final class Scratch {

		final byte[] io = new byte[IO_BUFFER_BYTES];

		final ByteBuffer ioView = ByteBuffer.wrap(this.io);

		final MessageDigest sha256;

		/**
		 * A directory found real is trusted for at most this many files before it is
		 * resolved again: one resolution per 256 files costs nothing measurable and
		 * bounds how long a directory swapped for a symlink can go unnoticed.
		 */
		static final int FILES_PER_RESOLUTION = 256;

		/** A directory whose real path is itself (absolute, as given). */
		private Path realParent;

		/** How many more files {@link #realParent} is trusted for. */
		private int trustedFiles;

		Scratch() {
			try {
				this.sha256 = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("every Java platform has SHA-256", ex);
			}
		}

		/**
		 * Whether no directory on the path is a symlink, that is: the real path of the
		 * file's directory is that directory. The file itself is opened with
		 * NOFOLLOW_LINKS and checked by its own attributes, so together this is the
		 * former check that the file's real path is its path, with one resolution per
		 * directory instead of one per file (a resolution costs a system call per path
		 * element). Files come directory by directory (the walker and the census list one
		 * directory at a time and never descend into a symlinked one), so the directory
		 * last found real is remembered for {@link #FILES_PER_RESOLUTION} files; a
		 * directory swapped for a symlink meanwhile is the race the former check had
		 * between resolving and opening, over a longer window.
		 * @throws IOException as resolving the file's path would
		 */
		boolean parentIsReal(Path path) throws IOException {
			Path absolute = path.toAbsolutePath();
			Path parent = absolute.getParent();
			if (parent == null) {
				return path.toRealPath().equals(absolute.normalize());
			}
			if (this.trustedFiles > 0 && parent.equals(this.realParent)) {
				this.trustedFiles--;
				return true;
			}
			boolean real;
			try {
				real = parent.toRealPath().equals(parent.normalize());
			}
			catch (IOException ex) {
				real = false;
			}
			if (!real) {
				// Rare: let resolving the file decide, as before (a vanished file reads
				// as vanished, an error names the file).
				this.realParent = null;
				this.trustedFiles = 0;
				return path.toRealPath().equals(absolute.normalize());
			}
			this.realParent = parent;
			this.trustedFiles = FILES_PER_RESOLUTION;
			return true;
		}

	}

	/** One read of the file. */
	private record Attempt(ParseContext context, Status status, String problem, long size, Instant mtime, String sha256,
			boolean changed) {

		static Attempt failed(ParseContext context, Status status, String problem) {
			return new Attempt(context, status, problem, -1, null, null, false);
		}

		ParsedQueueFile result(QueueEntry entry) {
			if (this.status == Status.PARSED) {
				String sender = this.context.resolveSender();
				this.context.finish();
				return new ParsedQueueFile(entry.relativePath(), entry.folder(), this.size, this.mtime, this.sha256,
						this.context.dialect, Status.PARSED, null, this.context.addresses, sender, this.context.headers,
						this.context.warnings);
			}
			this.context.finish();
			return new ParsedQueueFile(entry.relativePath(), entry.folder(), this.size, this.mtime, this.sha256,
					this.context.dialect, this.status, this.problem, List.of(), null, MessageHeaders.EMPTY,
					this.context.warnings);
		}

	}

}
