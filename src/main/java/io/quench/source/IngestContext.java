package io.quench.source;

import java.time.Clock;
import java.util.List;

/**
 * What an ingester gets from the run it works for: the source, progress counters (written
 * to the database about once a second, so every instance shows them), per-item errors and
 * cancellation. Thread-safe: an ingester may report from several worker threads.
 */
public interface IngestContext {

	Source source();

	long runId();

	Clock clock();

	/** Sets the expected totals (may be raised later as more is found). */
	void total(long files, long bytes);

	/** Items (files) done, whatever their outcome, and their bytes. */
	void done(long files, long bytes);

	/** Items read and stored. */
	void ok(long count);

	/** Items unchanged since the last scan, not read again. */
	void skipped(long count);

	/** Items that disappeared since the last scan. */
	void gone(long count);

	/** Events stored (log lines, addresses...). */
	void events(long count);

	/** One item could not be read or stored; the run goes on. */
	void failed(String path, String reason);

	/** The most frequent senders so far (for the live panel). */
	void topSenders(List<SenderCount> top);

	/** Unrecognised lines by shape, replacing what was reported before in this run. */
	void shapes(List<UnmatchedShape> shapes);

	boolean cancelled();

}
