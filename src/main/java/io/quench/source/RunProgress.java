package io.quench.source;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The live state of one run, shared by the ingester's threads and the flusher that writes
 * it to the database.
 */
class RunProgress implements IngestContext {

	/** Errors kept per run with path and reason; beyond this only the count grows. */
	static final int MAX_STORED_ERRORS = 10_000;

	private final Source source;

	private final long runId;

	private final Clock clock;

	private final AtomicLong filesTotal = new AtomicLong();

	private final AtomicLong filesDone = new AtomicLong();

	private final AtomicLong bytesTotal = new AtomicLong();

	private final AtomicLong bytesDone = new AtomicLong();

	private final AtomicLong ok = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicLong skipped = new AtomicLong();

	private final AtomicLong gone = new AtomicLong();

	private final AtomicLong events = new AtomicLong();

	private final List<IngestError> pendingErrors = new ArrayList<>();

	private volatile List<SenderCount> topSenders = List.of();

	private volatile List<UnmatchedShape> shapes = List.of();

	private volatile boolean cancelled;

	private long storedErrors;

	/** Items and events stored at the previous {@link #storedSinceLastCheck()}. */
	private final AtomicLong lastStored = new AtomicLong();

	RunProgress(Source source, long runId, Clock clock) {
		this.source = source;
		this.runId = runId;
		this.clock = clock;
	}

	@Override
	public Source source() {
		return this.source;
	}

	@Override
	public long runId() {
		return this.runId;
	}

	@Override
	public Clock clock() {
		return this.clock;
	}

	@Override
	public void total(long files, long bytes) {
		this.filesTotal.set(files);
		this.bytesTotal.set(bytes);
	}

	@Override
	public void done(long files, long bytes) {
		this.filesDone.addAndGet(files);
		this.bytesDone.addAndGet(bytes);
	}

	@Override
	public void ok(long count) {
		this.ok.addAndGet(count);
	}

	@Override
	public void skipped(long count) {
		this.skipped.addAndGet(count);
	}

	@Override
	public void gone(long count) {
		this.gone.addAndGet(count);
	}

	@Override
	public void events(long count) {
		this.events.addAndGet(count);
	}

	@Override
	public void failed(String path, String reason) {
		this.failed.incrementAndGet();
		synchronized (this.pendingErrors) {
			if (this.storedErrors < MAX_STORED_ERRORS) {
				this.storedErrors++;
				this.pendingErrors.add(new IngestError(path, reason, this.clock.instant()));
			}
		}
	}

	@Override
	public void topSenders(List<SenderCount> top) {
		this.topSenders = List.copyOf(top);
	}

	@Override
	public void shapes(List<UnmatchedShape> shapes) {
		this.shapes = List.copyOf(shapes);
	}

	@Override
	public boolean cancelled() {
		return this.cancelled;
	}

	void cancel() {
		this.cancelled = true;
	}

	RunCounters counters() {
		long total = Math.max(this.filesTotal.get(), this.filesDone.get());
		long bytes = Math.max(this.bytesTotal.get(), this.bytesDone.get());
		return new RunCounters(total, this.filesDone.get(), bytes, this.bytesDone.get(), this.ok.get(),
				this.failed.get(), this.skipped.get(), this.gone.get(), this.events.get());
	}

	/**
	 * Items stored, gone and events stored so far, when that moved since the previous
	 * call (something was committed); empty otherwise.
	 */
	OptionalLong storedSinceLastCheck() {
		long stored = this.ok.get() + this.gone.get() + this.events.get();
		return (this.lastStored.getAndSet(stored) != stored) ? OptionalLong.of(stored) : OptionalLong.empty();
	}

	List<IngestError> drainErrors() {
		synchronized (this.pendingErrors) {
			List<IngestError> drained = List.copyOf(this.pendingErrors);
			this.pendingErrors.clear();
			return drained;
		}
	}

	List<UnmatchedShape> shapes() {
		return this.shapes;
	}

	/** "count address" lines, at most 4000 characters. */
	String topSendersText() {
		String text = this.topSenders.stream()
			.map((sender) -> sender.count() + " " + sender.address())
			.collect(Collectors.joining("\n"));
		return IngestRunRepository.truncate(text, 4000);
	}

}
