package io.quench.login;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * Reads POA and GWIA log files incrementally: from a {@link LogCursor} to the end,
 * turning recognised lines into {@link LogEvent}s and counting the others by shape.
 *
 * <p>
 * Robustness rules:
 * <ul>
 * <li>Streaming: a fixed {@link #BUFFER_BYTES} buffer, one line at a time; memory does
 * not grow with the file.</li>
 * <li>Encoding: each line is decoded as UTF-8 if it is valid UTF-8, else as ISO-8859-1
 * (which decodes any byte); reading never fails on content. CRLF and LF both end a
 * line.</li>
 * <li>A line longer than {@link #MAX_LINE_BYTES} is skipped to its end and counted as
 * oversized; the next line is parsed normally.</li>
 * <li>A last line without a line end is left unconsumed (the agent is still writing it),
 * unless {@link LogReadOptions#finalFile()}.</li>
 * <li>The cursor is discarded and the file read from offset 0, with a reason in the
 * result, when the file's identity changed (rotated), it is shorter than the offset
 * (truncated), or its first bytes changed (rewritten).</li>
 * <li>Symbolic links ({@code poa.currentlog}) are resolved: results, cursors and events
 * name the real file, and the identity is the same whichever name was read.</li>
 * </ul>
 * Times: see {@link LogFileName#date} for the start date and {@code LogClock} (midnight
 * rollover when the time steps back more than an hour; daylight-saving gaps move forward,
 * overlaps take the earlier offset until the clock visibly repeats the hour).
 *
 * <p>
 * Thread-safety: the reader holds only configuration; each {@code read} call uses its own
 * state, so one reader may serve several threads (with one {@link ShapeCounter} each).
 */
public final class LogReader {

	/**
	 * Longest line parsed, in bytes. Agent lines are under 300 bytes; 64 KiB leaves room
	 * for any verbose SOAP dump while keeping a corrupt file without line ends from
	 * costing more than one buffer.
	 */
	public static final int MAX_LINE_BYTES = 64 * 1024;

	/**
	 * Read buffer. 256 KiB: larger than a maximal line (so a line always fits once
	 * compacted), large enough that system calls are negligible, small enough to allocate
	 * per read.
	 */
	static final int BUFFER_BYTES = 256 * 1024;

	private final LogPatterns patterns;

	private final ZoneId zone;

	/**
	 * A reader for one source.
	 * @param patterns the line patterns
	 * @param zone the zone of the agent's clock (the log writes local time)
	 */
	public LogReader(LogPatterns patterns, ZoneId zone) {
		this.patterns = Objects.requireNonNull(patterns, "patterns");
		this.zone = Objects.requireNonNull(zone, "zone");
	}

	/**
	 * Reads a file from the cursor to its end with the default options.
	 * @param file the log file (a symbolic link is resolved)
	 * @param from where the previous read stopped, or {@code null} to start at the
	 * beginning
	 * @param events receives each event, in file order
	 * @param shapes counts the unmatched lines
	 * @return counts and the new cursor
	 * @throws IOException if the file cannot be read
	 */
	public LogReadResult read(Path file, LogCursor from, Consumer<? super LogEvent> events, ShapeCounter shapes)
			throws IOException {
		return read(file, from, LogReadOptions.defaults(), events, shapes);
	}

	/**
	 * Reads a file from the cursor to its end.
	 * @param file the log file (a symbolic link is resolved)
	 * @param from where the previous read stopped, or {@code null} to start at the
	 * beginning
	 * @param options kind, date and finality when the file name does not tell
	 * @param events receives each event, in file order
	 * @param shapes counts the unmatched lines
	 * @return counts and the new cursor
	 * @throws IOException if the file cannot be read
	 * @throws UnrecognisedLogFileException if neither the name nor the options give the
	 * log kind and start date
	 */
	public LogReadResult read(Path file, LogCursor from, LogReadOptions options, Consumer<? super LogEvent> events,
			ShapeCounter shapes) throws IOException {
		LogFile log = LogFile.of(file);
		LogFileName name = log.name().orElse(null);
		LogKind kind = (options.kind() != null) ? options.kind() : (name != null) ? name.kind() : null;
		if (kind == null) {
			throw new UnrecognisedLogFileException(log.path(), "log kind");
		}
		LocalDate startDay = (options.date() != null) ? options.date()
				: (name != null) ? name.date(log.modified(), this.zone) : null;
		if (startDay == null) {
			throw new UnrecognisedLogFileException(log.path(), "start date");
		}
		try (FileChannel channel = FileChannel.open(log.path(), StandardOpenOption.READ)) {
			String restart = (from != null) ? restartReason(from, log, channel) : null;
			LogCursor start = (from == null || restart != null) ? null : from;
			Run run = new Run(kind, log, start, startDay, events, shapes);
			run.read(channel, options.finalFile());
			return new LogReadResult(log.path(), kind, run.cursor(channel), run.lines, run.matched, run.unmatched,
					run.oversized, run.offset - ((start != null) ? start.offset() : 0), restart);
		}
	}

	private static String restartReason(LogCursor from, LogFile log, FileChannel channel) throws IOException {
		if (!from.fileKey().equals(log.fileKey())) {
			return "file identity changed (rotated): was " + from.path() + " " + from.fileKey() + ", now " + log.path()
					+ " " + log.fileKey();
		}
		long size = channel.size();
		if (size < from.offset()) {
			return "file is shorter than the cursor (truncated): " + size + " < " + from.offset();
		}
		if (from.headLength() > 0 && headCrc(channel, from.headLength()) != from.headCrc()) {
			return "the first " + from.headLength() + " bytes changed (rewritten)";
		}
		return null;
	}

	private static long headCrc(FileChannel channel, int length) throws IOException {
		ByteBuffer head = ByteBuffer.allocate(length);
		while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
			// read until full or end of file
		}
		CRC32 crc = new CRC32();
		crc.update(head.array(), 0, head.position());
		return crc.getValue();
	}

	/** The state of one read call. */
	private final class Run {

		private final LogKind kind;

		private final LogFile log;

		private final String fileName;

		private final Consumer<? super LogEvent> events;

		private final ShapeCounter shapes;

		private final LineClassifier classifier = new LineClassifier(LogReader.this.patterns);

		private final LogClock clock;

		private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);

		private long offset;

		private long lineNumber;

		private long lines;

		private long matched;

		private long unmatched;

		private long oversized;

		Run(LogKind kind, LogFile log, LogCursor start, LocalDate startDay, Consumer<? super LogEvent> events,
				ShapeCounter shapes) {
			this.kind = kind;
			this.log = log;
			this.fileName = log.path().toString();
			this.events = events;
			this.shapes = shapes;
			if (start != null && start.day() != null) {
				this.clock = new LogClock(LogReader.this.zone, start.day(), start.lastTime(), start.lastOffset());
			}
			else {
				this.clock = new LogClock(LogReader.this.zone, startDay);
			}
			this.offset = (start != null) ? start.offset() : 0;
			this.lineNumber = (start != null) ? start.lineNumber() : 0;
		}

		void read(FileChannel channel, boolean finalFile) throws IOException {
			byte[] buf = new byte[BUFFER_BYTES];
			ByteBuffer wrapped = ByteBuffer.wrap(buf);
			long base = this.offset; // file offset of buf[0]
			channel.position(base);
			int limit = 0;
			int lineStart = 0;
			int scan = 0;
			boolean skipping = false;
			while (true) {
				int newline = indexOf(buf, scan, limit);
				if (newline >= 0) {
					if (skipping) {
						skipping = false;
						this.lines++;
						this.lineNumber++;
						this.oversized++;
					}
					else {
						line(buf, lineStart, newline, base + lineStart);
					}
					lineStart = newline + 1;
					scan = lineStart;
					this.offset = base + lineStart;
					continue;
				}
				if (!skipping && limit - lineStart > MAX_LINE_BYTES) {
					skipping = true;
				}
				if (skipping) {
					lineStart = limit; // drop what was seen of the oversized line
				}
				if (lineStart > 0) {
					System.arraycopy(buf, lineStart, buf, 0, limit - lineStart);
					base += lineStart;
					limit -= lineStart;
					lineStart = 0;
				}
				scan = limit;
				wrapped.limit(buf.length).position(limit);
				int n = channel.read(wrapped);
				if (n <= 0) {
					break;
				}
				limit += n;
			}
			if (finalFile) {
				if (skipping) {
					this.lines++;
					this.lineNumber++;
					this.oversized++;
					this.offset = base + limit;
				}
				else if (limit > lineStart) {
					line(buf, lineStart, limit, base + lineStart);
					this.offset = base + limit;
				}
			}
			// Otherwise an incomplete last line (or oversized line) stays unconsumed.
		}

		private void line(byte[] buf, int from, int to, long lineOffset) {
			this.lines++;
			this.lineNumber++;
			if (to > from && buf[to - 1] == '\r') {
				to--;
			}
			if (to - from > MAX_LINE_BYTES) {
				this.oversized++;
				return;
			}
			String line = decode(buf, from, to);
			int second = LineHead.secondOfDay(line);
			if (second >= 0) {
				this.clock.advance(second);
			}
			LineClassifier.Match match = this.classifier.classify(this.kind, line);
			if (match == null) {
				this.unmatched++;
				this.shapes.add(line);
				return;
			}
			this.matched++;
			this.events.accept(event(match, line, second, lineOffset));
		}

		private LogEvent event(LineClassifier.Match match, String line, int second, long lineOffset) {
			if (second < 0) {
				// A pattern for lines that do not start with the usual head may capture
				// the time.
				String time = match.group("time");
				int captured = (time != null) ? LineHead.secondOfDay(time) : -1;
				if (captured >= 0) {
					this.clock.advance(captured);
				}
			}
			String thread = match.group("thread");
			if (thread == null) {
				int timeEnd = LineHead.timeEnd(line);
				int threadEnd = (timeEnd > 0) ? LineHead.threadEnd(line, timeEnd) : -1;
				thread = (threadEnd > 0) ? line.substring(timeEnd, threadEnd).trim() : null;
			}
			EventType type = match.pattern.type();
			String platform = match.group("platform");
			if (platform != null) {
				platform = platform.toLowerCase(Locale.ROOT);
			}
			else if (type == EventType.SMTP_AUTH_SUCCESS || type == EventType.SMTP_AUTH_FAILURE) {
				platform = "smtp";
			}
			return new LogEvent(this.clock.instant(), this.kind, type, match.group("gwId"), match.group("netId"),
					match.group("ip"), platform, match.group("code"), thread, match.group("address"),
					match.group("msgId"), match.pattern.name(), this.fileName, this.lineNumber, lineOffset, line);
		}

		private String decode(byte[] buf, int from, int to) {
			for (int i = from; i < to; i++) {
				if (buf[i] < 0) {
					try {
						return this.utf8.reset().decode(ByteBuffer.wrap(buf, from, to - from)).toString();
					}
					catch (CharacterCodingException ex) {
						return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
					}
				}
			}
			// ASCII: ISO-8859-1 is a plain copy into a compact string.
			return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
		}

		LogCursor cursor(FileChannel channel) throws IOException {
			int headLength = (int) Math.min(LogCursor.HEAD_BYTES, this.offset);
			long crc = (headLength > 0) ? headCrc(channel, headLength) : 0;
			return new LogCursor(this.log.fileKey(), this.log.path().toString(), this.offset, this.lineNumber,
					headLength, crc, this.clock.day(), this.clock.lastTime(), this.clock.lastOffset());
		}

		private static int indexOf(byte[] buf, int from, int to) {
			for (int i = from; i < to; i++) {
				if (buf[i] == '\n') {
					return i;
				}
			}
			return -1;
		}

	}

}
