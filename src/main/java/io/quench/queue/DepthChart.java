package io.quench.queue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the queue depth chart: a step line per folder (send/ solid with round
 * markers, defer/ dashed with square markers), so the two series differ without colour.
 * Coordinates only; the template draws them, the text comes from the message bundle.
 *
 * @param width view box width
 * @param height view box height
 * @param series one per folder that has points
 * @param yTicks value labels on the left axis
 * @param xTicks time labels on the bottom axis
 */
public record DepthChart(int width, int height, List<Series> series, List<Tick> yTicks, List<Tick> xTicks) {

	static final int WIDTH = 720;

	static final int HEIGHT = 240;

	static final int LEFT = 70;

	static final int RIGHT = 16;

	static final int TOP = 12;

	static final int BOTTOM = 36;

	/** Most markers drawn per series: more would blur into a line. */
	static final int MAX_MARKERS = 48;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	/** The chart for these points (ordered by time), or null when there are none. */
	static DepthChart of(List<DepthPoint> points) {
		if (points.isEmpty()) {
			return null;
		}
		Instant t0 = points.get(0).at();
		Instant t1 = points.get(points.size() - 1).at();
		long max = Math.max(1, points.stream().mapToLong(DepthPoint::messages).max().orElse(1));
		long top = niceCeiling(max);
		double plotWidth = WIDTH - LEFT - RIGHT;
		double plotHeight = HEIGHT - TOP - BOTTOM;
		long span = Math.max(1, t1.toEpochMilli() - t0.toEpochMilli());
		boolean single = t0.equals(t1);
		List<Series> series = new ArrayList<>();
		for (String folder : List.of("SEND", "DEFER")) {
			List<DepthPoint> mine = points.stream().filter((p) -> p.folder().equals(folder)).toList();
			if (mine.isEmpty()) {
				continue;
			}
			StringBuilder path = new StringBuilder();
			List<Marker> markers = new ArrayList<>();
			int every = Math.max(1, (mine.size() + MAX_MARKERS - 1) / MAX_MARKERS);
			double previousY = 0;
			for (int i = 0; i < mine.size(); i++) {
				DepthPoint p = mine.get(i);
				double x = single ? LEFT + plotWidth / 2
						: LEFT + plotWidth * (p.at().toEpochMilli() - t0.toEpochMilli()) / span;
				double y = TOP + plotHeight - plotHeight * p.messages() / top;
				if (i == 0) {
					path.append("M").append(fmt(x)).append(' ').append(fmt(y));
				}
				else {
					path.append(" H").append(fmt(x)).append(" V").append(fmt(y));
				}
				previousY = y;
				if (i % every == 0 || i == mine.size() - 1) {
					markers.add(new Marker(fmt(x), fmt(y), p.messages(), TIME.format(p.at())));
				}
			}
			if (single) {
				path.append(" H").append(fmt(LEFT + plotWidth)).append(" V").append(fmt(previousY));
			}
			series.add(new Series(folder, path.toString(), "DEFER".equals(folder), markers));
		}
		List<Tick> yTicks = List.of(new Tick(fmt(TOP + plotHeight), 0L), new Tick(fmt(TOP + plotHeight / 2), top / 2),
				new Tick(fmt(TOP), top));
		List<Tick> xTicks = new ArrayList<>();
		xTicks.add(new Tick(fmt(single ? LEFT + plotWidth / 2 : LEFT), TIME.format(t0)));
		if (!single) {
			xTicks.add(new Tick(fmt(LEFT + plotWidth), TIME.format(t1)));
		}
		return new DepthChart(WIDTH, HEIGHT, series, yTicks, xTicks);
	}

	/** The x of the plot's left edge and right edge, the y of its bottom. */
	public int left() {
		return LEFT;
	}

	public int right() {
		return WIDTH - RIGHT;
	}

	public int bottom() {
		return HEIGHT - BOTTOM;
	}

	public int top() {
		return TOP;
	}

	/** 1, 2 or 5 times a power of ten, at least {@code value}. */
	static long niceCeiling(long value) {
		long power = 1;
		while (true) {
			for (long step : new long[] { 1, 2, 5 }) {
				if (step * power >= value) {
					return step * power;
				}
			}
			power *= 10;
		}
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/**
	 * One folder's line.
	 *
	 * @param folder {@code SEND} or {@code DEFER}
	 * @param path the SVG path of the step line
	 * @param dashed drawn dashed (defer/)
	 * @param markers the points marked on it
	 */
	public record Series(String folder, String path, boolean dashed, List<Marker> markers) {
	}

	/**
	 * A marked point, with its value and time for the tooltip.
	 */
	public record Marker(String x, String y, long messages, String at) {
	}

	/** An axis label at a coordinate. */
	public record Tick(String position, Object label) {
	}

}
