package io.quench.login;

import java.util.Objects;

/**
 * A family of unmatched log lines that differ only in their variable parts.
 *
 * @param shape the line with variable parts replaced by placeholders: {@code <time>},
 * {@code <thread>}, {@code <n>} (digits), {@code <hex>}, {@code <ip>}, {@code <email>},
 * {@code <str>} (a quoted string), {@code <v>} (the value of a {@code key=value} pair);
 * or {@link ShapeCounter#OTHER} for lines counted after the distinct-shape cap was
 * reached
 * @param count how many lines had this shape
 * @param sample the first such line, cut to {@link ShapeCounter#MAX_SAMPLE_CHARS}
 */
public record LineShape(String shape, long count, String sample) {

	/** Checks the fields. */
	public LineShape {
		Objects.requireNonNull(shape, "shape");
		Objects.requireNonNull(sample, "sample");
		if (count < 0) {
			throw new IllegalArgumentException("count must be >= 0");
		}
	}

}
