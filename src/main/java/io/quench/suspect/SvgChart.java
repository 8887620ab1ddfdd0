package io.quench.suspect;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a two-series bar chart that the account page draws as inline SVG
 * (Thymeleaf writes the elements; no script). Each bucket holds two bars side by side:
 * the first series solid, the second hatched and outlined, so they differ without colour.
 * Text (title, description, legend) comes from the template's messages; this holds only
 * coordinates, axis labels (UTC times) and the numbers the summary line shows. Plain
 * Java.
 *
 * @param id element id prefix, unique on the page
 * @param first bars of the first series (solid)
 * @param second bars of the second series (hatched)
 * @param ticks labelled times on the x axis
 * @param max the y axis top (the largest bucket value)
 * @param bucketMinutes bucket width in minutes
 * @param peak the first series' largest bucket
 * @param peakAt when that bucket starts (null when the series is empty)
 * @param secondPeak the second series' largest bucket
 * @param secondPeakAt when that bucket starts
 * @param firstTotal the first series' sum
 * @param secondTotal the second series' sum
 */
public record SvgChart(String id, List<Bar> first, List<Bar> second, List<Tick> ticks, long max, long bucketMinutes,
		long peak, Instant peakAt, long secondPeak, Instant secondPeakAt, long firstTotal, long secondTotal) {

	static final int WIDTH = 900;

	static final int HEIGHT = 220;

	static final int LEFT = 56;

	static final int RIGHT = 12;

	static final int TOP = 12;

	static final int BOTTOM = 36;

	static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;

	static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

	static final double MAX_BAR_WIDTH = 24;

	/** Labelled ticks at most: more overlap at 900 pixels. */
	static final int MAX_TICKS = 6;

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("MM-dd HH:mm")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	/**
	 * One bar, in SVG user units.
	 *
	 * @param at start of its bucket
	 * @param value its count
	 */
	public record Bar(double x, double y, double width, double height, Instant at, long value) {
	}

	public record Tick(double x, String label) {
	}

	/** One bucket: its start and the two series' values. */
	public record Point(Instant at, long first, long second) {
	}

	public SvgChart {
		first = List.copyOf(first);
		second = List.copyOf(second);
		ticks = List.copyOf(ticks);
	}

	/** The bucket's unit for the summary: minute, minutes, hour or hours. */
	public String bucketUnit() {
		if (this.bucketMinutes % 60 == 0) {
			return (this.bucketMinutes == 60) ? "hour" : "hours";
		}
		return (this.bucketMinutes == 1) ? "minute" : "minutes";
	}

	/** How many of {@link #bucketUnit()} one bucket is. */
	public long bucketCount() {
		return (this.bucketMinutes % 60 == 0) ? this.bucketMinutes / 60 : this.bucketMinutes;
	}

	public boolean empty() {
		return this.first.isEmpty() && this.second.isEmpty();
	}

	public int width() {
		return WIDTH;
	}

	public int height() {
		return HEIGHT;
	}

	public int left() {
		return LEFT;
	}

	public int top() {
		return TOP;
	}

	public int bottom() {
		return TOP + PLOT_HEIGHT;
	}

	public int right() {
		return LEFT + PLOT_WIDTH;
	}

	/** A chart of sparse points (buckets without events left out), oldest first. */
	static SvgChart of(String id, List<Point> points, long bucketSeconds) {
		long bucketMinutes = Math.max(1, bucketSeconds / 60);
		if (points.isEmpty()) {
			return new SvgChart(id, List.of(), List.of(), List.of(), 0, bucketMinutes, 0, null, 0, null, 0, 0);
		}
		long firstSlot = Math.floorDiv(points.get(0).at().getEpochSecond(), bucketSeconds);
		long lastSlot = Math.floorDiv(points.get(points.size() - 1).at().getEpochSecond(), bucketSeconds);
		long slots = lastSlot - firstSlot + 1;
		double slotWidth = (double) PLOT_WIDTH / slots;
		// Two bars per slot, never wider than a finger: one bucket does not fill the
		// chart.
		double barWidth = Math.min(MAX_BAR_WIDTH, Math.max(0.5, slotWidth * 0.45));
		long max = 1;
		for (Point point : points) {
			max = Math.max(max, Math.max(point.first(), point.second()));
		}
		List<Bar> first = new ArrayList<>();
		List<Bar> second = new ArrayList<>();
		long peak = 0;
		Instant peakAt = null;
		long secondPeak = 0;
		Instant secondPeakAt = null;
		long firstTotal = 0;
		long secondTotal = 0;
		for (Point point : points) {
			double x = LEFT + (Math.floorDiv(point.at().getEpochSecond(), bucketSeconds) - firstSlot) * slotWidth;
			if (point.first() > 0) {
				first.add(bar(x + slotWidth / 2 - barWidth, barWidth, point.first(), max, point.at()));
				firstTotal += point.first();
				if (point.first() > peak) {
					peak = point.first();
					peakAt = point.at();
				}
			}
			if (point.second() > 0) {
				second.add(bar(x + slotWidth / 2, barWidth, point.second(), max, point.at()));
				secondTotal += point.second();
				if (point.second() > secondPeak) {
					secondPeak = point.second();
					secondPeakAt = point.at();
				}
			}
		}
		List<Tick> ticks = new ArrayList<>();
		long step = Math.max(1, -Math.floorDiv(-slots, MAX_TICKS));
		DateTimeFormatter format = (bucketSeconds >= 86_400) ? DAYS : MINUTES;
		for (long slot = 0; slot < slots; slot += step) {
			ticks.add(new Tick(round(LEFT + slot * slotWidth),
					format.format(Instant.ofEpochSecond((firstSlot + slot) * bucketSeconds))));
		}
		return new SvgChart(id, first, second, ticks, max, bucketMinutes, peak, peakAt, secondPeak, secondPeakAt,
				firstTotal, secondTotal);
	}

	private static Bar bar(double x, double width, long value, long max, Instant at) {
		double height = Math.max(1, (double) value / max * PLOT_HEIGHT);
		return new Bar(round(x), round(TOP + PLOT_HEIGHT - height), round(width), round(height), at, value);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
