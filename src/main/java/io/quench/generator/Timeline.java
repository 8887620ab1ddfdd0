package io.quench.generator;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * When each kind of mail is sent: per-minute rates of every sender component over the
 * simulated days. Message {@code i} of {@code n} sits at the {@code (i + 0.5) / n}
 * quantile of the total rate, so queue times grow with the index: messages of one second
 * are consecutive indices, which keeps file names unique without any coordination between
 * writer threads.
 */
final class Timeline {

	static final int LEGIT = 0;

	static final int NEWSLETTER = 1;

	static final int LEGIT_BURST = 2;

	/** Component of compromised account {@code k} is {@code FIRST_COMPROMISED + k}. */
	static final int FIRST_COMPROMISED = 3;

	final long startEpoch;

	final long endEpoch;

	final int minutes;

	final int components;

	final long messages;

	/** Offset from UTC in seconds, per minute. */
	private final int[] offsets;

	/** Rates, {@code rates[minute * components + component]}. */
	private final double[] rates;

	/** {@code cumulative[m]}: expected messages before minute m. */
	private final double[] cumulative;

	final long[] quotas;

	Timeline(GeneratorSettings settings, Cast cast) {
		ZoneId zone = settings.zone();
		LocalDate first = settings.end().minusDays(settings.days() - 1L);
		this.startEpoch = first.atStartOfDay(zone).toEpochSecond();
		this.endEpoch = settings.end().plusDays(1).atStartOfDay(zone).toEpochSecond();
		this.minutes = (int) ((this.endEpoch - this.startEpoch) / 60);
		this.components = FIRST_COMPROMISED + cast.compromised.length;
		this.messages = settings.messages();
		ZoneRules rules = zone.getRules();
		this.offsets = new int[this.minutes];
		for (int m = 0; m < this.minutes; m++) {
			this.offsets[m] = rules.getOffset(Instant.ofEpochSecond(this.startEpoch + m * 60L)).getTotalSeconds();
		}
		SplittableRandom random = new SplittableRandom(settings.seed() ^ 0x54494D45L);
		long n = settings.messages();
		this.quotas = new long[this.components];
		long burst = Math.max(10, Math.min(300, n / 100));
		long newsletter = Math.max(10, n / 25);
		long spam = Math.round(n * ((n >= 20_000) ? 0.82 : 0.72));
		long lowAndSlow = Math.max(10, Math.min(300, n / 20));
		long deferred = Math.round(spam * 0.15);
		this.quotas[LEGIT_BURST] = burst;
		this.quotas[NEWSLETTER] = newsletter;
		this.quotas[LEGIT] = n - spam - burst - newsletter;
		long rest = spam - lowAndSlow - deferred;
		double[] shares = { 1.0, 0.6, 0.35 };
		double shareSum = 0;
		for (int k = 2; k < cast.compromised.length; k++) {
			shareSum += shares[(k - 2) % shares.length];
		}
		for (int k = 0; k < cast.compromised.length; k++) {
			long quota = switch (cast.compromised[k].compromise) {
				case LOW_AND_SLOW -> lowAndSlow;
				case DEFERRED -> deferred;
				case BURST -> Math.round(rest * shares[(k - 2) % shares.length] / shareSum);
			};
			this.quotas[FIRST_COMPROMISED + k] = quota;
		}
		this.rates = new double[this.minutes * this.components];
		double[] raw = new double[this.minutes];
		for (int c = 0; c < this.components; c++) {
			Arrays.fill(raw, 0);
			shape(c, cast, random, raw);
			double sum = 0;
			for (double r : raw) {
				sum += r;
			}
			if (sum == 0) {
				Arrays.fill(raw, 1);
				sum = this.minutes;
			}
			for (int m = 0; m < this.minutes; m++) {
				this.rates[m * this.components + c] = this.quotas[c] * raw[m] / sum;
			}
		}
		this.cumulative = new double[this.minutes + 1];
		for (int m = 0; m < this.minutes; m++) {
			double total = 0;
			for (int c = 0; c < this.components; c++) {
				total += this.rates[m * this.components + c];
			}
			this.cumulative[m + 1] = this.cumulative[m] + total;
		}
	}

	private void shape(int component, Cast cast, SplittableRandom random, double[] raw) {
		switch (component) {
			case LEGIT -> {
				for (int m = 0; m < this.minutes; m++) {
					raw[m] = office(m);
				}
			}
			case NEWSLETTER -> {
				// An issue every other day at 10:00 local time, sent out over 90 minutes.
				int days = this.minutes / 1440;
				for (int d = (days > 1) ? 1 : 0; d < Math.max(1, days); d += 2) {
					fillLocal(raw, d, 10 * 60, 90, 1.0);
				}
			}
			case LEGIT_BURST -> fillLocal(raw, this.minutes / 1440 / 2, 14 * 60, 60, 1.0);
			default -> {
				Cast.Account account = cast.compromised[component - FIRST_COMPROMISED];
				switch (account.compromise) {
					case LOW_AND_SLOW -> {
						for (int m = this.minutes / 8; m < this.minutes; m++) {
							raw[m] = 1.0;
						}
					}
					case DEFERRED -> stretches(raw, (int) (this.minutes * 0.45), (int) (this.minutes * 0.8), random);
					case BURST ->
						stretches(raw, (int) (this.minutes * (0.3 + 0.3 * random.nextDouble())), this.minutes, random);
				}
			}
		}
	}

	/** Active stretches of 2 to 8 hours with pauses of half an hour to 3 hours. */
	private static void stretches(double[] raw, int from, int to, SplittableRandom random) {
		int m = from;
		while (m < to) {
			int on = random.nextInt(120, 480);
			double level = 0.6 + random.nextDouble();
			for (int k = m; k < Math.min(to, m + on); k++) {
				raw[k] = level;
			}
			m += on + random.nextInt(30, 180);
		}
	}

	private void fillLocal(double[] raw, int day, int localMinute, int length, double level) {
		long local = this.startEpoch + this.offsets[0] + day * 86_400L + localMinute * 60L;
		for (int m = 0; m < this.minutes; m++) {
			long at = this.startEpoch + m * 60L + this.offsets[m];
			if (at >= local && at < local + length * 60L) {
				raw[m] = level;
			}
		}
	}

	/** Office hours on weekdays; evenings and weekends are quiet. */
	double office(int minute) {
		long local = this.startEpoch + minute * 60L + this.offsets[minute];
		int hour = (int) Math.floorMod(local, 86_400L) / 3600;
		LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(local, 86_400L));
		double level = (hour >= 8 && hour < 18) ? 1.0 : (hour >= 7 && hour < 20) ? 0.3 : 0.02;
		DayOfWeek dow = day.getDayOfWeek();
		return (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) ? level * 0.15 : level;
	}

	/** The queue time of message {@code index}, in epoch seconds. */
	long epochSecond(long index) {
		double at = (index + 0.5) * this.cumulative[this.minutes] / this.messages;
		int minute = minuteAt(at);
		double total = this.cumulative[minute + 1] - this.cumulative[minute];
		double fraction = (total > 0) ? (at - this.cumulative[minute]) / total : 0;
		int second = (int) Math.min(59, Math.max(0, Math.floor(fraction * 60)));
		return this.startEpoch + minute * 60L + second;
	}

	private int minuteAt(double at) {
		int low = 0;
		int high = this.minutes - 1;
		while (low < high) {
			int mid = (low + high + 1) >>> 1;
			if (this.cumulative[mid] <= at) {
				low = mid;
			}
			else {
				high = mid - 1;
			}
		}
		return low;
	}

	int minuteOf(long epochSecond) {
		return (int) Math.min(this.minutes - 1, Math.max(0, (epochSecond - this.startEpoch) / 60));
	}

	/**
	 * Picks the sending component at that time, proportionally to the components' rates.
	 */
	int component(long epochSecond, SplittableRandom random) {
		int minute = minuteOf(epochSecond);
		int base = minute * this.components;
		double total = 0;
		for (int c = 0; c < this.components; c++) {
			total += this.rates[base + c];
		}
		double pick = random.nextDouble() * total;
		for (int c = 0; c < this.components; c++) {
			pick -= this.rates[base + c];
			if (pick < 0) {
				return c;
			}
		}
		for (int c = this.components - 1; c >= 0; c--) {
			if (this.rates[base + c] > 0) {
				return c;
			}
		}
		return LEGIT;
	}

	/**
	 * Whether the component sends during that minute (compromised logins follow their
	 * spam).
	 */
	boolean active(int component, int minute) {
		return this.rates[minute * this.components + component] > 0;
	}

	int offset(int minute) {
		return this.offsets[Math.min(this.minutes - 1, Math.max(0, minute))];
	}

	/** The first message index queued in the same second as message {@code index}. */
	long firstIndexAt(long index, long epochSecond) {
		long low = Math.max(0, index - MessagePlan.NAMES_PER_SECOND);
		long high = index;
		while (low < high) {
			long mid = (low + high) >>> 1;
			if (epochSecond(mid) < epochSecond) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	/**
	 * Whether the local time of that instant occurred an hour earlier too (end of
	 * daylight saving).
	 */
	boolean repeated(long epochSecond) {
		int minute = minuteOf(epochSecond);
		return minute >= 60 && this.offsets[minute] < this.offsets[minute - 60];
	}

	/** Local seconds since the local epoch, for file names, log lines and log days. */
	long local(long epochSecond) {
		return epochSecond + offset(minuteOf(epochSecond));
	}

}
