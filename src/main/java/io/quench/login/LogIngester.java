package io.quench.login;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.quench.source.IngestContext;
import io.quench.source.SourceIngester;
import io.quench.source.SourceKind;
import io.quench.source.UnmatchedShape;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scans a POA or GWIA log source (a folder of {@code MMDDpoa.NNN} / {@code MMDDlog.NNN}
 * files, or one file): each file is read from its remembered cursor, so a rescan reads
 * only appended lines. Events are stored in batches; the cursor is saved when the file is
 * done. A read that dies half-way leaves its cursor marked dirty, and the next read
 * deletes what it stored past the cursor first, so no event is stored twice.
 */
@Component
class LogIngester implements SourceIngester {

	/** Shapes of unrecognised lines kept per run for the source page. */
	static final int SHAPES_SHOWN = 25;

	private final LogEventRepository events;

	private final TransactionTemplate transactions;

	private final LogPatterns patterns;

	/** Events per transaction, by database (BulkWriter.itemsPerTransaction()). */
	private final int batchSize;

	LogIngester(LogEventRepository events, TransactionTemplate transactions, LogPatterns patterns) {
		this.events = events;
		this.transactions = transactions;
		this.patterns = patterns;
		this.batchSize = events.eventsPerTransaction();
	}

	@Override
	public boolean supports(SourceKind kind) {
		return kind == SourceKind.POA_LOG || kind == SourceKind.GWIA_LOG;
	}

	@Override
	public void ingest(IngestContext context) throws Exception {
		Path path = context.source().path();
		LogKind kind = (context.source().kind() == SourceKind.POA_LOG) ? LogKind.POA : LogKind.GWIA;
		List<LogFile> files = files(path, context);
		long sourceId = context.source().id();
		long totalBytes = 0;
		for (LogFile file : files) {
			long offset = this.events.cursor(sourceId, file.fileKey()).map((c) -> c.cursor().offset()).orElse(0L);
			totalBytes += Math.max(0, file.size() - offset);
		}
		context.total(files.size(), totalBytes);
		LogReader reader = new LogReader(this.patterns, context.source().zone());
		ShapeCounter shapes = new ShapeCounter();
		for (LogFile file : files) {
			if (context.cancelled()) {
				break;
			}
			try {
				readFile(context, reader, kind, file, shapes);
			}
			catch (IOException | RuntimeException ex) {
				context.failed(file.path().toString(), ex.getClass().getSimpleName() + ": " + ex.getMessage());
				context.done(1, 0);
			}
		}
		List<UnmatchedShape> top = shapes.top(SHAPES_SHOWN)
			.stream()
			.map((shape) -> new UnmatchedShape(shape.shape(), shape.count(), shape.sample()))
			.toList();
		context.shapes(top);
	}

	private void readFile(IngestContext context, LogReader reader, LogKind kind, LogFile file, ShapeCounter shapes)
			throws IOException {
		long sourceId = context.source().id();
		String fileName = file.path().getFileName().toString();
		LogEventRepository.StoredCursor stored = this.events.cursor(sourceId, file.fileKey()).orElse(null);
		LogCursor from = (stored != null) ? stored.cursor() : null;
		Instant now = context.clock().instant();
		if (stored != null && stored.dirty()) {
			this.events.deleteFrom(sourceId, fileName, from.offset());
		}
		if (from != null && from.offset() >= file.size() && from.path().equals(file.path().toString())) {
			context.skipped(1);
			context.done(1, 0);
			return;
		}
		LogCursor marker = (from != null) ? from
				: new LogCursor(file.fileKey(), file.path().toString(), 0, 0, 0, 0, null, null, null);
		this.events.saveCursor(sourceId, marker, true, now);
		List<LogEvent> batch = new ArrayList<>(this.batchSize);
		LogReadResult result = reader.read(file.path(), from, LogReadOptions.defaults().withKind(kind), (event) -> {
			batch.add(event);
			if (batch.size() >= this.batchSize) {
				store(sourceId, fileName, batch, context);
			}
		}, shapes);
		store(sourceId, fileName, batch, context);
		if (result.oversized() > 0) {
			context.failed(file.path().toString(), result.oversized() + " line(s) longer than "
					+ LogReader.MAX_LINE_BYTES / 1024 + " KiB: only their start was read");
		}
		if (result.restarted()) {
			context.failed(file.path().toString(), "read again from the start: " + result.restartReason());
		}
		this.events.saveCursor(sourceId, result.cursor(), false, context.clock().instant());
		context.ok(1);
		context.done(1, result.bytesRead());
	}

	private void store(long sourceId, String fileName, List<LogEvent> batch, IngestContext context) {
		if (batch.isEmpty()) {
			return;
		}
		List<LogEvent> copy = List.copyOf(batch);
		batch.clear();
		this.transactions.executeWithoutResult((status) -> this.events.insert(sourceId, fileName, copy));
		context.events(copy.size());
	}

	/**
	 * The files to read: one file, or a folder's log files. Links are followed only to
	 * files inside the same folder (the POA's {@code poa.currentlog}); a link leading
	 * elsewhere is reported, not read.
	 */
	private static List<LogFile> files(Path path, IngestContext context) throws IOException {
		if (Files.isRegularFile(path)) {
			return List.of(LogFile.of(path));
		}
		if (!Files.isDirectory(path)) {
			throw new IOException("The log path " + path + " is neither a file nor a folder (or is not reachable)");
		}
		Path folder = path.toRealPath();
		List<LogFile> inside = new ArrayList<>();
		for (LogFile file : LogFiles.list(path)) {
			if (file.path().toRealPath().startsWith(folder)) {
				inside.add(file);
			}
			else {
				context.failed(file.path().toString(), "a link to a file outside the log folder: not read");
			}
		}
		return inside;
	}

}
