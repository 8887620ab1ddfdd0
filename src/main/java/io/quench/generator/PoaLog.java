package io.quench.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The POA logs {@code MMDDpoa.NNN} and the {@code poa.currentlog} link: human logins at
 * human rates, the Mobility service logging in all the time from one host, typos, a
 * brute-force attack on many accounts from a few addresses (failures only), the
 * compromised accounts logging in far too often from many addresses while they spam, and
 * the usual noise. Line shapes: docs/formats.md.
 */
final class PoaLog {

	private static final String[] NOISE = { "Processing scheduled event: QuickFinder Indexing",
			"MTP: Sent 3 messages to dom1", "Processing scheduled event: Nightly User Upkeep",
			"SOAP: Event notification sent to " + Cast.MOBILITY_HOST, "DVA: Converted 1 document",
			"Error: Lost connection to client [8F07] 10.20.3.44", "C/S Stats: 57 connections" };

	private final Plans plans;

	private final GeneratorSettings settings;

	PoaLog(Plans plans, GeneratorSettings settings) {
		this.plans = plans;
		this.settings = settings;
	}

	void write(Path folder) {
		Timeline timeline = this.plans.timeline();
		Cast cast = this.plans.cast();
		LocalDate firstDay = this.settings.end().minusDays(this.settings.days() - 1L);
		int hexDay = (this.settings.days() >= 3) ? 1 : -1;
		String newest = null;
		for (int d = 0; d < this.settings.days(); d++) {
			LocalDate day = firstDay.plusDays(d);
			SplittableRandom random = new SplittableRandom(
					MessagePlan.mix(this.settings.seed() ^ (0x504F41L << 20) ^ d));
			long dayStart = day.atStartOfDay(this.settings.zone()).toEpochSecond();
			long dayEnd = day.plusDays(1).atStartOfDay(this.settings.zone()).toEpochSecond();
			List<Long> restarts = new ArrayList<>();
			if (d == hexDay) {
				// A crash loop in the morning: restarts 002 to 00b, then 00c for the rest
				// of the day.
				for (int k = 0; k < 11; k++) {
					restarts.add(dayStart + 6 * 3600 + k * 240L);
				}
			}
			else if (random.nextInt(4) == 0) {
				restarts.add(dayStart + random.nextInt(9, 17) * 3600L + random.nextInt(3600));
			}
			int counter = 1;
			int next = 0;
			LogFile file = open(folder, day, counter, dayStart, timeline);
			Events lines = new Events();
			for (long minuteStart = dayStart; minuteStart < dayEnd; minuteStart += 60) {
				while (next < restarts.size() && restarts.get(next) <= minuteStart) {
					file.close();
					file = open(folder, day, ++counter, minuteStart, timeline);
					next++;
				}
				lines.clear();
				minute(timeline.minuteOf(minuteStart), minuteStart, random, cast, timeline, lines);
				long local = timeline.local(minuteStart);
				lines.writeSorted(file, minuteStart, local);
			}
			file.close();
			newest = file.name;
		}
		try {
			Files.createSymbolicLink(folder.resolve("poa.currentlog"), Path.of(newest));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private LogFile open(Path folder, LocalDate day, int counter, long epoch, Timeline timeline) {
		LogFile file = new LogFile(folder, day, "poa", counter, epoch);
		long local = timeline.local(epoch);
		file.line(epoch, local, 0x100, "GroupWise Post Office Agent 18.5.0 starting");
		file.line(epoch, local, 0x100, "Post Office: po1.dom1");
		return file;
	}

	/** Lines of one minute as {@code SS TID text}, to be sorted by second. */
	private void minute(int m, long minuteStart, SplittableRandom random, Cast cast, Timeline timeline, Events lines) {
		// The Mobility service: a trusted application, around 20 logins a minute, one
		// host.
		int service = 10 + random.nextInt(21);
		for (int i = 0; i < service; i++) {
			event(lines, random, 0x2A0, 4, "C/S Login soap Net Id=" + cast.service.networkId + " :: GW Id="
					+ cast.service.gwId + " :: " + Cast.MOBILITY_HOST);
		}
		// People: about nine logins a working day each.
		double expected = (cast.humans.length + 1) * 0.015 * timeline.office(m);
		int people = (int) expected + ((random.nextDouble() < expected - (int) expected) ? 1 : 0);
		for (int i = 0; i < people; i++) {
			Cast.Account account = (random.nextInt(cast.humans.length + 1) == 0) ? cast.newsletter
					: cast.humans[random.nextInt(cast.humans.length)];
			String ip = account.ips[random.nextInt(account.ips.length)];
			int second = random.nextInt(60);
			int thread = 0x1F0 + random.nextInt(16);
			if (random.nextInt(25) == 0) {
				lines.add(second, thread, "Error: Password incorrect [D019] User: " + account.gwId + " " + ip);
			}
			lines.add(second, thread, "C/S Login " + account.platform + " Net Id=" + account.networkId + " :: GW Id="
					+ account.gwId + " :: " + ip);
			if (random.nextInt(3) == 0 && second < 59) {
				lines.add(second + 1 + random.nextInt(59 - second), thread, "C/S Logout " + account.platform
						+ " Net Id=" + account.networkId + " :: GW Id=" + account.gwId + " :: " + ip);
			}
		}
		// Compromised accounts log in while they spam.
		for (int k = 0; k < cast.compromised.length; k++) {
			Cast.Account account = cast.compromised[k];
			if (!timeline.active(Timeline.FIRST_COMPROMISED + k, m)) {
				continue;
			}
			int count = switch (account.compromise) {
				case BURST -> random.nextInt(20, 61);
				case DEFERRED -> random.nextInt(15, 41);
				case LOW_AND_SLOW -> (random.nextInt(4) == 0) ? 1 : 0;
			};
			for (int i = 0; i < count; i++) {
				String ip = account.attackerIps[random.nextInt(account.attackerIps.length)];
				String platform = (random.nextInt(10) < 7) ? "imap" : "soap";
				event(lines, random, 0x300, 64, "C/S Login " + platform + " Net Id=" + account.networkId + " :: GW Id="
						+ account.gwId + " :: " + ip);
			}
		}
		// Brute force from a few addresses against many accounts: failures only.
		int failures = bruteForce(m, timeline.minutes) ? random.nextInt(8, 21) : (random.nextInt(20) == 0) ? 1 : 0;
		for (int i = 0; i < failures; i++) {
			int roll = random.nextInt(10);
			String target = (roll < 3 || !bruteForce(m, timeline.minutes)) ? cast.victim.gwId
					: (roll < 7) ? cast.humans[random.nextInt(cast.humans.length)].gwId
							: cast.sprayedNames[random.nextInt(cast.sprayedNames.length)];
			String ip = cast.bruteForceIps[random.nextInt(cast.bruteForceIps.length)];
			event(lines, random, 0x1F0, 16, "Error: Password incorrect [D019] User: " + target + " " + ip);
		}
		if (random.nextInt(5) == 0) {
			event(lines, random, 0x1A0, 16, NOISE[random.nextInt(NOISE.length)]);
		}
		if ((minuteStart / 60) % 60 == 0) {
			lines.add(0, 0x1A2, "Statistics: C/S requests " + (1000 + random.nextInt(9000)));
		}
	}

	/** The attack: six hours early in the period and four hours in the middle. */
	static boolean bruteForce(int minute, int minutes) {
		int first = minutes * 15 / 100;
		int second = minutes / 2;
		return (minute >= first && minute < first + 360) || (minute >= second && minute < second + 240);
	}

	/**
	 * One minute's lines, written sorted by second (ties in the order they were added).
	 */
	private static final class Events {

		private long[] keys = new long[256];

		private final List<String> texts = new ArrayList<>();

		void clear() {
			this.texts.clear();
		}

		void add(int second, int threadId, String text) {
			int n = this.texts.size();
			if (n == this.keys.length) {
				this.keys = Arrays.copyOf(this.keys, n * 2);
			}
			this.keys[n] = ((long) second << 40) | ((long) threadId << 24) | n;
			this.texts.add(text);
		}

		void writeSorted(LogFile file, long minuteStart, long local) {
			int n = this.texts.size();
			Arrays.sort(this.keys, 0, n);
			for (int i = 0; i < n; i++) {
				long key = this.keys[i];
				int second = (int) (key >>> 40);
				file.line(minuteStart + second, local + second, (int) (key >>> 24) & 0xFFFF,
						this.texts.get((int) (key & 0xFFFFFF)));
			}
		}

	}

	private static void event(Events lines, SplittableRandom random, int threadBase, int threads, String text) {
		lines.add(random.nextInt(60), threadBase + random.nextInt(threads), text);
	}

}
