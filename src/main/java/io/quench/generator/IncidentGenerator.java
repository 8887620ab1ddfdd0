package io.quench.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Writes a synthetic GroupWise system into a folder (layout in {@code docs/formats.md}):
 * {@code gwia/send}, {@code gwia/defer}, {@code poa/}, {@code gwia-log/},
 * {@code directory.csv} and {@code manifest.json}. Two threads build the queue files'
 * content, one creates the files, two more write the logs; memory does not grow with the
 * number of messages.
 */
public final class IncidentGenerator {

	/** Content threads: the machine this runs on has two cores. */
	static final int BUILDERS = 2;

	/** Built files waiting per queue writer. */
	private static final int QUEUE = 256;

	private IncidentGenerator() {
	}

	public static Manifest generate(GeneratorSettings settings) {
		Path out = settings.out();
		try {
			Files.createDirectories(out);
			try (Stream<Path> existing = Files.list(out)) {
				if (existing.findAny().isPresent()) {
					throw new IllegalArgumentException("output folder is not empty: " + out);
				}
			}
			Plans plans = Plans.of(settings);
			Path[][] folders = new Path[2][MessagePlan.SUBFOLDERS.length];
			String[] queues = { "send", "defer" };
			for (int q = 0; q < 2; q++) {
				for (int s = 0; s < MessagePlan.SUBFOLDERS.length; s++) {
					Path folder = out.resolve("gwia").resolve(queues[q]);
					if (!MessagePlan.SUBFOLDERS[s].isEmpty()) {
						folder = folder.resolve(MessagePlan.SUBFOLDERS[s]);
					}
					folders[q][s] = Files.createDirectories(folder);
				}
			}
			Files.createDirectories(out.resolve("gwia").resolve("receive"));
			Files.createDirectories(out.resolve("gwia").resolve("result"));
			Files.createDirectories(out.resolve("poa"));
			Files.createDirectories(out.resolve("gwia-log"));
			List<BlockingQueue<ContentBuilder.Built>> outputs = new ArrayList<>();
			for (int i = 0; i < QueueWriter.WRITERS; i++) {
				outputs.add(new ArrayBlockingQueue<>(QUEUE));
			}
			List<ContentBuilder> writers = new ArrayList<>();
			List<Runnable> jobs = new ArrayList<>();
			for (int i = 0; i < BUILDERS; i++) {
				ContentBuilder builder = new ContentBuilder(plans,
						new MessageContent(plans.cast(), plans.timeline(), settings.seed()), i, BUILDERS, outputs);
				writers.add(builder);
				jobs.add(builder);
			}
			for (BlockingQueue<ContentBuilder.Built> output : outputs) {
				jobs.add(new QueueWriter(output, BUILDERS, folders));
			}
			jobs.add(() -> new PoaLog(plans, settings).write(out.resolve("poa")));
			jobs.add(() -> new GwiaLog(plans, settings).write(out.resolve("gwia-log")));
			runAll(jobs);
			writeDirectory(plans.cast(), out.resolve("directory.csv"));
			Manifest manifest = manifest(settings, plans, writers);
			manifest.write(out.resolve("manifest.json"));
			// Fixed mtimes: the export and the manifest are "taken" at the end of the
			// simulation.
			FileTime end = FileTime.from(plans.timeline().endEpoch, TimeUnit.SECONDS);
			Files.setLastModifiedTime(out.resolve("directory.csv"), end);
			Files.setLastModifiedTime(out.resolve("manifest.json"), end);
			return manifest;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void runAll(List<Runnable> jobs) {
		AtomicReference<Throwable> failure = new AtomicReference<>();
		List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
		for (int i = 0; i < jobs.size(); i++) {
			Runnable job = jobs.get(i);
			Thread thread = new Thread(() -> {
				try {
					job.run();
				}
				catch (Throwable ex) {
					if (failure.compareAndSet(null, ex)) {
						threads.forEach(Thread::interrupt);
					}
				}
			}, "generate-" + i);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
		}
		Throwable failed = failure.get();
		if (failed instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failed instanceof Error error) {
			throw error;
		}
		if (failed != null) {
			throw new IllegalStateException(failed);
		}
	}

	private static void writeDirectory(Cast cast, Path file) throws IOException {
		StringBuilder csv = new StringBuilder("gwId,networkId,preferredAddress,aliases,postOffice,domain\n");
		for (Cast.Account account : cast.accounts) {
			csv.append(account.gwId).append(',').append(account.networkId).append(',');
			csv.append(cast.address(account.addresses[0])).append(',');
			for (int i = 1; i < account.addresses.length; i++) {
				csv.append((i > 1) ? ";" : "").append(cast.address(account.addresses[i]));
			}
			csv.append(',').append(account.postOffice).append(",dom1\n");
		}
		Files.writeString(file, csv, StandardCharsets.UTF_8);
	}

	private static Manifest manifest(GeneratorSettings settings, Plans plans, List<ContentBuilder> writers) {
		Cast cast = plans.cast();
		List<String> compromised = new ArrayList<>();
		Map<String, String> kinds = new TreeMap<>();
		for (Cast.Account account : cast.compromised) {
			compromised.add(account.gwId);
			kinds.put(account.gwId, account.compromise.name());
		}
		compromised.sort(null);
		List<Manifest.Decoy> decoys = List.of(new Manifest.Decoy(cast.newsletter.gwId, "NEWSLETTER"),
				new Manifest.Decoy(cast.service.gwId, "SERVICE_ACCOUNT"),
				new Manifest.Decoy(cast.victim.gwId, "BRUTE_FORCE_VICTIM"),
				new Manifest.Decoy(cast.burstSender.gwId, "LEGITIMATE_BURST"));
		Map<String, Manifest.Account> accounts = new TreeMap<>();
		for (Cast.Account account : cast.accounts) {
			List<String> addresses = new ArrayList<>();
			for (int address : account.addresses) {
				addresses.add(cast.address(address));
			}
			accounts.put(account.gwId, new Manifest.Account(account.gwId, account.networkId, addresses));
		}
		Map<String, Manifest.FolderCounts> senders = new TreeMap<>();
		Map<String, Long> kb = new TreeMap<>();
		for (int a = 0; a < cast.addresses.size(); a++) {
			long send = 0;
			long defer = 0;
			long occurrences = 0;
			for (ContentBuilder writer : writers) {
				send += writer.senderCounts[2 * a];
				defer += writer.senderCounts[2 * a + 1];
				occurrences += writer.kbCounts[a];
			}
			if (send + defer > 0) {
				senders.put(cast.address(a), new Manifest.FolderCounts(send, defer));
			}
			if (occurrences > 0) {
				kb.put(cast.address(a), occurrences);
			}
		}
		Timeline timeline = plans.timeline();
		return new Manifest(settings.seed(), settings.messages(), settings.days(), iso(timeline.startEpoch, settings),
				iso(timeline.endEpoch, settings), settings.zone().getId(), compromised, kinds, decoys, accounts,
				senders, kb);
	}

	private static String iso(long epochSecond, GeneratorSettings settings) {
		return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), settings.zone()).toString();
	}

}
