package io.quench.generator;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One content thread: builds the bytes of every {@code stride}-th block of {@link #BLOCK}
 * messages into pooled buffers for the {@link QueueWriter}, and counts what it built.
 * Each message draws from its own random stream, so the bytes do not depend on which
 * thread builds them.
 */
final class ContentBuilder implements Runnable {

	/** Indices per block; blocks alternate between the builders. */
	static final int BLOCK = 1024;

	/** Buffers in flight per builder. */
	private static final int POOL = 128;

	/** A buffer that grew past this for a large message is not kept in the pool. */
	private static final int KEEP_BYTES = 256 << 10;

	/** A built file; a null plan marks the end of a builder's work. */
	record Built(MessagePlan plan, String name, Bytes bytes, ContentBuilder builder) {
	}

	/**
	 * Where built files go: one queue per {@link QueueWriter}, chosen by target folder.
	 */
	private final List<BlockingQueue<Built>> outputs;

	private final BlockingQueue<Bytes> free = new ArrayBlockingQueue<>(POOL);

	private final Plans plans;

	private final MessageContent content;

	private final int first;

	private final int stride;

	/** Per address: {@code <EmailAddress>} occurrences written. */
	final long[] kbCounts;

	/** Per address: messages sent from it into send/ ([2a]) and defer/ ([2a+1]). */
	final long[] senderCounts;

	ContentBuilder(Plans plans, MessageContent content, int first, int stride, List<BlockingQueue<Built>> outputs) {
		this.plans = plans;
		this.outputs = outputs;
		this.content = content;
		this.first = first;
		this.stride = stride;
		int addresses = plans.cast().addresses.size();
		this.kbCounts = new long[addresses];
		this.senderCounts = new long[addresses * 2];
		for (int i = 0; i < POOL; i++) {
			this.free.add(new Bytes(1 << 14));
		}
	}

	@Override
	public void run() {
		long n = this.plans.messages();
		try {
			for (long block = this.first; block * BLOCK < n; block += this.stride) {
				long end = Math.min(n, (block + 1) * BLOCK);
				for (long i = block * BLOCK; i < end; i++) {
					MessagePlan plan = this.plans.plan(i);
					Bytes bytes = this.free.take();
					this.content.build(plan, bytes);
					count(plan);
					this.outputs.get(QueueWriter.writerFor(plan))
						.put(new Built(plan, plan.fileName(this.plans.timeline()), bytes, this));
				}
			}
			for (BlockingQueue<Built> output : this.outputs) {
				output.put(new Built(null, null, null, this));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	void recycle(Bytes bytes) {
		this.free.add((bytes.data.length > KEEP_BYTES) ? new Bytes(1 << 14) : bytes);
	}

	private void count(MessagePlan plan) {
		this.senderCounts[plan.senderAddress * 2 + (plan.deferred ? 1 : 0)]++;
		if (plan.dialect == Dialect.A || plan.dialect == Dialect.B) {
			this.kbCounts[plan.senderAddress]++;
			for (int recipient : plan.recipients) {
				this.kbCounts[recipient]++;
			}
		}
	}

}
