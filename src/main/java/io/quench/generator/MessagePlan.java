package io.quench.generator;

import java.util.SplittableRandom;

/**
 * The envelope of one queue file: everything the queue writer and the GWIA log must agree
 * on. It is a pure function of the seed and the message index, so the GWIA log thread can
 * recompute it instead of sharing it; the writer goes on drawing the content from the
 * same {@link #random}.
 */
final class MessagePlan {

	/**
	 * Queue subfolders below {@code send/} and {@code defer/}; "" is the folder itself.
	 */
	static final String[] SUBFOLDERS = { "", "0", "1", "1/retry" };

	/** Distinct names per second: the 3-character base-36 extension. */
	static final int NAMES_PER_SECOND = 36 * 36 * 36;

	final long index;

	final long epochSecond;

	final int component;

	final Cast.Account sender;

	final int senderAddress;

	final int[] recipients;

	final boolean deferred;

	final int subfolder;

	final Dialect dialect;

	final int size;

	/**
	 * The SMTP AUTH client's address, or null for mail that came from a GroupWise client.
	 */
	final String smtpIp;

	final SplittableRandom random;

	private MessagePlan(long index, long epochSecond, int component, Cast.Account sender, int senderAddress,
			int[] recipients, boolean deferred, int subfolder, Dialect dialect, int size, String smtpIp,
			SplittableRandom random) {
		this.index = index;
		this.epochSecond = epochSecond;
		this.component = component;
		this.sender = sender;
		this.senderAddress = senderAddress;
		this.recipients = recipients;
		this.deferred = deferred;
		this.subfolder = subfolder;
		this.dialect = dialect;
		this.size = size;
		this.smtpIp = smtpIp;
		this.random = random;
	}

	boolean spam() {
		return this.component >= Timeline.FIRST_COMPROMISED;
	}

	static MessagePlan of(long index, long seed, Timeline timeline, Cast cast, Dialect[] dialects,
			int[] dialectWeights) {
		SplittableRandom random = new SplittableRandom(mix(seed + 0x9E3779B97F4A7C15L * (index + 1)));
		long epochSecond = timeline.epochSecond(index);
		int component = timeline.component(epochSecond, random);
		Cast.Account sender;
		int[] recipients;
		double deferChance;
		String smtpIp = null;
		switch (component) {
			case Timeline.LEGIT -> {
				sender = cast.pickHuman(random);
				int count = legitRecipientCount(random);
				recipients = new int[count];
				for (int i = 0; i < count; i++) {
					recipients[i] = (random.nextInt(4) > 0)
							? cast.humans[random.nextInt(cast.humans.length)].addresses[0]
							: cast.partners[random.nextInt(cast.partners.length)];
				}
				deferChance = 0.03;
			}
			case Timeline.NEWSLETTER -> {
				sender = cast.newsletter;
				recipients = pick(cast.subscribers, 1 + random.nextInt(3), random);
				deferChance = 0.05;
			}
			case Timeline.LEGIT_BURST -> {
				sender = cast.burstSender;
				recipients = pick(cast.customers, (random.nextInt(10) == 0) ? 2 : 1, random);
				deferChance = 0.04;
			}
			default -> {
				sender = cast.compromised[component - Timeline.FIRST_COMPROMISED];
				int count = 2 + (int) Math.min(28, Math.floor(-Math.log(1 - random.nextDouble()) * 6));
				recipients = new int[count];
				for (int i = 0; i < count; i++) {
					recipients[i] = cast.externalStart + random.nextInt(cast.externalCount);
				}
				deferChance = switch (sender.compromise) {
					case DEFERRED -> 0.85;
					case LOW_AND_SLOW -> 0.1;
					case BURST -> 0.15;
				};
				smtpIp = sender.attackerIps[random.nextInt(sender.attackerIps.length)];
			}
		}
		int senderAddress = (random.nextInt(10) == 0 && sender.addresses.length > 1) ? sender.addresses[1]
				: sender.addresses[0];
		boolean deferred = random.nextDouble() < deferChance;
		int roll = random.nextInt(100);
		int subfolder = (roll < 88) ? 0 : (roll < 94) ? 1 : (roll < 98) ? 2 : 3;
		int dialectRoll = random.nextInt(dialectWeights[dialectWeights.length - 1]);
		int d = 0;
		while (dialectRoll >= dialectWeights[d]) {
			d++;
		}
		return new MessagePlan(index, epochSecond, component, sender, senderAddress, recipients, deferred, subfolder,
				dialects[d], size(random), smtpIp, random);
	}

	private static int legitRecipientCount(SplittableRandom random) {
		int roll = random.nextInt(100);
		return (roll < 55) ? 1 : (roll < 75) ? 2 : (roll < 95) ? 3 + random.nextInt(3) : 6 + random.nextInt(7);
	}

	private static int[] pick(int[] from, int count, SplittableRandom random) {
		int[] picked = new int[count];
		for (int i = 0; i < count; i++) {
			picked[i] = from[random.nextInt(from.length)];
		}
		return picked;
	}

	/** Heavy tail: most messages are 1-4 KB, one in 2000 is 0.5-3.5 MB. */
	private static int size(SplittableRandom random) {
		double roll = random.nextDouble();
		if (roll < 0.92) {
			return 1024 + random.nextInt(3072);
		}
		if (roll < 0.9945) {
			return (int) (4096 * Math.pow(6, random.nextDouble()));
		}
		if (roll < 0.9995) {
			return (int) (24_576 * Math.pow(16, random.nextDouble()));
		}
		return 512 * 1024 + random.nextInt(3 * 1024 * 1024);
	}

	/**
	 * {@code 8 hex digits of the local epoch second . 3 base-36 characters}, unique per
	 * tree.
	 */
	String fileName(Timeline timeline) {
		long local = timeline.local(this.epochSecond);
		// Messages of one second are consecutive indices; the second pass through a local
		// hour
		// repeated at the end of daylight saving time takes its serials from the top of
		// the range.
		int serial = (int) (this.index - timeline.firstIndexAt(this.index, this.epochSecond));
		if (timeline.repeated(this.epochSecond)) {
			serial += NAMES_PER_SECOND - 36 * 36;
		}
		if (serial >= NAMES_PER_SECOND) {
			throw new IllegalStateException("more than " + NAMES_PER_SECOND + " messages in one second");
		}
		char[] name = new char[12];
		for (int i = 7; i >= 0; i--) {
			name[i] = Character.toUpperCase(Character.forDigit((int) (local >>> (4 * (7 - i))) & 0xF, 16));
		}
		name[8] = '.';
		for (int i = 11; i >= 9; i--) {
			name[i] = Character.toUpperCase(Character.forDigit(serial % 36, 36));
			serial /= 36;
		}
		return new String(name);
	}

	/** The SplitMix64 finaliser: neighbouring indices get unrelated streams. */
	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
