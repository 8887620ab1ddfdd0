package io.quench.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The GWIA logs {@code MMDDlog.NNN}: per message its {@code Sender:} and
 * {@code Recipient:} lines (and, for mail from a compromised account, the SMTP connection
 * and AUTH success), merged in time order with SMTP AUTH failures of the brute-force
 * attack, relay denials and hourly statistics. Recomputes every {@link MessagePlan} from
 * the seed, so it needs nothing from the queue writers.
 */
final class GwiaLog {

	/**
	 * The GWIA starts a new file when one grows past this size (and at local midnight).
	 */
	static final long ROTATE_BYTES = 64L << 20;

	private final Plans plans;

	private final GeneratorSettings settings;

	private long nextConnection;

	GwiaLog(Plans plans, GeneratorSettings settings) {
		this.plans = plans;
		this.settings = settings;
	}

	void write(Path folder) {
		Timeline timeline = this.plans.timeline();
		Cast cast = this.plans.cast();
		this.nextConnection = this.plans.messages() + 20_000;
		long index = 0;
		MessagePlan plan = (index < this.plans.messages()) ? this.plans.plan(index) : null;
		LogFile file = null;
		long fileDay = Long.MIN_VALUE;
		int counter = 0;
		List<long[]> background = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		SplittableRandom random = null;
		for (int m = 0; m < timeline.minutes; m++) {
			long minuteStart = timeline.startEpoch + m * 60L;
			long local = timeline.local(minuteStart);
			long day = Math.floorDiv(local, 86_400L);
			if (day != fileDay) {
				if (file != null) {
					file.close();
				}
				fileDay = day;
				counter = 1;
				random = new SplittableRandom(MessagePlan.mix(this.settings.seed() ^ (0x474C4FL << 24) ^ day));
				file = new LogFile(folder, LocalDate.ofEpochDay(day), "log", counter, minuteStart);
				file.line(minuteStart, local, 0x2E0, "GroupWise Internet Agent 18.5.0 starting");
			}
			background.clear();
			texts.clear();
			background(m, random, cast, timeline, background, texts);
			int next = 0;
			while (plan != null && plan.epochSecond < minuteStart + 60) {
				int second = (int) (plan.epochSecond - minuteStart);
				while (next < background.size() && background.get(next)[0] <= second) {
					long[] event = background.get(next);
					file.line(minuteStart + event[0], local + event[0], (int) event[1], texts.get((int) event[2]));
					next++;
				}
				message(file, plan, local + second);
				index++;
				plan = (index < this.plans.messages()) ? this.plans.plan(index) : null;
			}
			while (next < background.size()) {
				long[] event = background.get(next);
				file.line(minuteStart + event[0], local + event[0], (int) event[1], texts.get((int) event[2]));
				next++;
			}
			if (file.written > ROTATE_BYTES) {
				file.close();
				file = new LogFile(folder, LocalDate.ofEpochDay(day), "log", ++counter, minuteStart + 59);
			}
		}
		if (file != null) {
			file.close();
		}
	}

	private void message(LogFile file, MessagePlan plan, long local) {
		Cast cast = this.plans.cast();
		int thread = 0x2F0 + (int) (plan.index % 16);
		long msg = 10_000 + plan.index;
		if (plan.smtpIp != null) {
			file.start(plan.epochSecond, local, thread)
				.ascii("DMN: MSG ")
				.number(msg)
				.ascii(" Accepted connection from ")
				.ascii(plan.smtpIp);
			file.end();
			file.start(plan.epochSecond, local, thread)
				.ascii("DMN: MSG ")
				.number(msg)
				.ascii(" SMTP AUTH LOGIN accepted for ")
				.ascii(plan.sender.gwId)
				.ascii(" from ")
				.ascii(plan.smtpIp);
			file.end();
		}
		file.start(plan.epochSecond, local, thread)
			.ascii("DMN: MSG ")
			.number(msg)
			.ascii(" Sender: ")
			.ascii(cast.address(plan.senderAddress));
		file.end();
		for (int recipient : plan.recipients) {
			file.start(plan.epochSecond, local, thread)
				.ascii("DMN: MSG ")
				.number(msg)
				.ascii(" Recipient: ")
				.ascii(cast.address(recipient));
			file.end();
		}
	}

	/**
	 * Events of one minute that are not messages, sorted by second: {second, thread, text
	 * index}.
	 */
	private void background(int m, SplittableRandom random, Cast cast, Timeline timeline, List<long[]> events,
			List<String> texts) {
		boolean attack = PoaLog.bruteForce(m, timeline.minutes);
		int failures = attack ? random.nextInt(3, 11) : (random.nextInt(30) == 0) ? 1 : 0;
		for (int i = 0; i < failures; i++) {
			String target = (random.nextInt(3) == 0 || !attack) ? cast.victim.gwId
					: cast.humans[random.nextInt(cast.humans.length)].gwId;
			String ip = cast.bruteForceIps[random.nextInt(cast.bruteForceIps.length)];
			add(events, texts, random.nextInt(60), 0x2E1 + random.nextInt(8),
					"DMN: MSG " + this.nextConnection++ + " SMTP AUTH LOGIN failed for " + target + " from " + ip);
		}
		if (random.nextInt(20) == 0) {
			add(events, texts, random.nextInt(60), 0x2E9, "DMN: MSG " + this.nextConnection++ + " Relay denied from "
					+ "192.0.2." + random.nextInt(1, 255) + " to user" + random.nextInt(100) + "@example.com");
		}
		if (m % 60 == 0) {
			add(events, texts, 0, 0x2E0, "Statistics: Normal messages out " + random.nextInt(100, 5000));
		}
		events.sort((a, b) -> (a[0] != b[0]) ? Long.compare(a[0], b[0]) : Long.compare(a[2], b[2]));
	}

	private static void add(List<long[]> events, List<String> texts, int second, int thread, String text) {
		events.add(new long[] { second, thread, texts.size() });
		texts.add(text);
	}

}
