package io.quench.login;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Throughput of {@link LogReader} on one large POA log with the default patterns, on one
 * thread: {@code java ... io.quench.login.LogParseBench FILE [RUNS]}. Prints wall-clock
 * and CPU-time throughput per run; the first run includes JIT warm-up. Run by
 * {@code bench/poa-parse.sh}, which also writes the file; not a test.
 */
final class LogParseBench {

	private LogParseBench() {
	}

	public static void main(String[] args) throws IOException {
		Path file = Path.of(args[0]);
		int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		LogReader reader = new LogReader(LogPatterns.defaults(), ZoneId.of("Europe/Berlin"));
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int run = 1; run <= runs; run++) {
			ShapeCounter shapes = new ShapeCounter();
			long[] events = new long[1];
			long cpuStart = threads.getCurrentThreadCpuTime();
			long wallStart = System.nanoTime();
			LogReadResult result = reader.read(file, null, LogReadOptions.defaults().asFinal(), (e) -> events[0]++,
					shapes);
			double wall = (System.nanoTime() - wallStart) / 1e9;
			double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
			double mb = result.bytesRead() / 1e6;
			System.out.printf(Locale.ROOT,
					"run %d: %.0f MB, %d lines (%d events, %d unmatched in %d shapes, %d oversized) in %.2f s wall, %.2f s CPU: %.0f MB/s wall, %.0f MB/s per CPU second%n",
					run, mb, result.linesRead(), events[0], result.unmatched(), shapes.distinct(), result.oversized(),
					wall, cpu, mb / wall, mb / cpu);
		}
	}

}
