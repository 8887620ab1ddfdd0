package io.quench.login;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts unmatched log lines by {@link LineShape shape}, so an operator sees which line
 * layouts the patterns miss ("<time> <thread> Processing scheduled event: ..." 120,000
 * times) with one sample each, and can add a pattern for a real capture. Memory is
 * bounded: at most {@code maxShapes} distinct shapes are kept; lines of further new
 * shapes go to the {@link #OTHER} bucket. Not thread-safe: one counter per reader thread,
 * or synchronise.
 */
public final class ShapeCounter {

	/**
	 * Default cap on distinct shapes. Ten thousand: agent logs have a few hundred line
	 * layouts, so reaching it means the normalisation failed on some variable part, and a
	 * full counter costs about 10,000 × ({@link #MAX_SHAPE_CHARS} +
	 * {@link #MAX_SAMPLE_CHARS}) characters, a few megabytes.
	 */
	public static final int DEFAULT_MAX_SHAPES = 10_000;

	/**
	 * Longest shape kept. 256 characters hold the distinguishing start of any agent line;
	 * longer lines are counted by their first 256 shape characters.
	 */
	public static final int MAX_SHAPE_CHARS = 256;

	/** Longest sample line kept: enough to read the line, bounded for the cap above. */
	public static final int MAX_SAMPLE_CHARS = 512;

	/** The shape of lines counted after {@code maxShapes} distinct shapes were seen. */
	public static final String OTHER = "<other>";

	private final int maxShapes;

	private final Map<String, Entry> entries = new HashMap<>();

	private final Entry other = new Entry(null);

	private long total;

	/** A counter with {@link #DEFAULT_MAX_SHAPES}. */
	public ShapeCounter() {
		this(DEFAULT_MAX_SHAPES);
	}

	/**
	 * A counter keeping at most {@code maxShapes} distinct shapes.
	 * @param maxShapes the cap, at least 1
	 */
	public ShapeCounter(int maxShapes) {
		if (maxShapes < 1) {
			throw new IllegalArgumentException("maxShapes must be >= 1");
		}
		this.maxShapes = maxShapes;
	}

	/**
	 * Counts one line.
	 * @param line the unmatched line, without its line end
	 */
	public void add(String line) {
		this.total++;
		String shape = LineShapes.shapeOf(line);
		Entry entry = this.entries.get(shape);
		if (entry == null) {
			if (this.entries.size() >= this.maxShapes) {
				entry = this.other;
			}
			else {
				entry = new Entry(cut(line));
				this.entries.put(shape, entry);
			}
		}
		if (entry.sample == null) {
			entry.sample = cut(line);
		}
		entry.count++;
	}

	/**
	 * The most frequent shapes, most frequent first (ties by shape). The {@link #OTHER}
	 * bucket is not among them: see {@link #other()}.
	 * @param n how many
	 * @return at most {@code n} shapes
	 */
	public List<LineShape> top(int n) {
		List<LineShape> all = new ArrayList<>(this.entries.size());
		this.entries.forEach((shape, entry) -> all.add(new LineShape(shape, entry.count, entry.sample)));
		all.sort(Comparator.comparingLong(LineShape::count).reversed().thenComparing(LineShape::shape));
		return List.copyOf(all.subList(0, Math.min(n, all.size())));
	}

	/**
	 * Lines whose shape was new after the cap was reached.
	 * @return the bucket, with count 0 and an empty sample if nothing overflowed
	 */
	public LineShape other() {
		return new LineShape(OTHER, this.other.count, (this.other.sample != null) ? this.other.sample : "");
	}

	/**
	 * Lines counted.
	 * @return the number of {@link #add} calls
	 */
	public long total() {
		return this.total;
	}

	/**
	 * Distinct shapes kept.
	 * @return at most {@code maxShapes}
	 */
	public int distinct() {
		return this.entries.size();
	}

	private static String cut(String line) {
		return (line.length() > MAX_SAMPLE_CHARS) ? line.substring(0, MAX_SAMPLE_CHARS) : line;
	}

	private static final class Entry {

		private long count;

		private String sample;

		Entry(String sample) {
			this.sample = sample;
		}

	}

}
