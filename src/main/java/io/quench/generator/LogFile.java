package io.quench.generator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * An agent log file {@code MMDD<agent>.NNN} ({@code NNN} counts up in hex-looking digits,
 * as in the field sample {@code 1028poa.00c}); on close its mtime becomes the time of its
 * last line.
 */
final class LogFile implements AutoCloseable {

	final String name;

	private final Path path;

	private final OutputStream out;

	private final Bytes line = new Bytes(512);

	private long lastEpoch;

	long written;

	LogFile(Path folder, LocalDate day, String agent, int counter, long openedEpoch) {
		this.name = String.format("%02d%02d%s.%03x", day.getMonthValue(), day.getDayOfMonth(), agent, counter);
		this.path = folder.resolve(this.name);
		this.lastEpoch = openedEpoch;
		try {
			this.out = new BufferedOutputStream(Files.newOutputStream(this.path), 1 << 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes {@code HH:MM:SS TID text}; {@code local} is local seconds since the epoch.
	 */
	void line(long epochSecond, long local, int threadId, String text) {
		start(epochSecond, local, threadId).ascii(text);
		end();
	}

	/**
	 * Starts a line with its time and thread id; append the text, then call
	 * {@link #end()}.
	 */
	Bytes start(long epochSecond, long local, int threadId) {
		Bytes b = this.line;
		b.reset();
		int second = (int) Math.floorMod(local, 86_400L);
		b.two(second / 3600).add(':').two(second / 60 % 60).add(':').two(second % 60).add(' ');
		b.hex(threadId, 3).add(' ');
		this.lastEpoch = Math.max(this.lastEpoch, epochSecond);
		return b;
	}

	void end() {
		Bytes b = this.line.lf();
		try {
			this.out.write(b.data, 0, b.length);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.written += b.length;
	}

	@Override
	public void close() {
		try {
			this.out.close();
			FileTime time = FileTime.from(this.lastEpoch, TimeUnit.SECONDS);
			Files.getFileAttributeView(this.path, BasicFileAttributeView.class).setTimes(time, time, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
