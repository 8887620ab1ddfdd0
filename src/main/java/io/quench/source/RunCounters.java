package io.quench.source;

/**
 * A snapshot of a run's counters.
 */
record RunCounters(long filesTotal, long filesDone, long bytesTotal, long bytesDone, long ok, long failed, long skipped,
		long gone, long events) {
}
