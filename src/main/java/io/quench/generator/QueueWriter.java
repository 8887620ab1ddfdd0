package io.quench.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One writer thread: writes the messages of every {@code stride}-th block of
 * {@link #BLOCK} indices, and counts what it wrote. Each message draws from its own
 * random stream, so the files do not depend on which thread writes them.
 */
final class QueueWriter implements Runnable {

	/** Indices per block; blocks alternate between the writer threads. */
	static final int BLOCK = 1024;

	private static final Set<StandardOpenOption> CREATE = EnumSet.of(StandardOpenOption.CREATE_NEW,
			StandardOpenOption.WRITE);

	private final Plans plans;

	private final MessageContent content;

	private final Path[][] folders;

	private final int first;

	private final int stride;

	/** Per address: {@code <EmailAddress>} occurrences written. */
	final long[] kbCounts;

	/** Per address: messages sent from it into send/ ([2a]) and defer/ ([2a+1]). */
	final long[] senderCounts;

	long bytes;

	QueueWriter(Plans plans, MessageContent content, Path[][] folders, int first, int stride, int addresses) {
		this.plans = plans;
		this.content = content;
		this.folders = folders;
		this.first = first;
		this.stride = stride;
		this.kbCounts = new long[addresses];
		this.senderCounts = new long[addresses * 2];
	}

	@Override
	public void run() {
		long n = this.plans.messages();
		for (long block = this.first; block * BLOCK < n; block += this.stride) {
			long end = Math.min(n, (block + 1) * BLOCK);
			for (long i = block * BLOCK; i < end; i++) {
				write(this.plans.plan(i));
			}
		}
	}

	private void write(MessagePlan plan) {
		Bytes out = this.content.build(plan);
		Path file = this.folders[plan.deferred ? 1 : 0][plan.subfolder].resolve(plan.fileName(this.plans.timeline()));
		try (FileChannel channel = FileChannel.open(file, CREATE)) {
			ByteBuffer buffer = ByteBuffer.wrap(out.data, 0, out.length);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			FileTime time = FileTime.from(plan.epochSecond, TimeUnit.SECONDS);
			Files.getFileAttributeView(file, BasicFileAttributeView.class).setTimes(time, time, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.bytes += out.length;
		this.senderCounts[plan.senderAddress * 2 + (plan.deferred ? 1 : 0)]++;
		if (plan.dialect == Dialect.A || plan.dialect == Dialect.B) {
			this.kbCounts[plan.senderAddress]++;
			for (int recipient : plan.recipients) {
				this.kbCounts[recipient]++;
			}
		}
	}

}
