package io.quench.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * What to generate. The same settings always give a byte-identical tree.
 *
 * @param out the folder to write into (created; must be empty if it exists)
 * @param messages queue files to write
 * @param days simulated days, ending with {@code end}
 * @param seed the seed of every random choice
 * @param dialects the queue-file dialects to use
 * @param end the last simulated day
 * @param zone the GroupWise server's time zone (log lines and file names are local time)
 */
public record GeneratorSettings(Path out, long messages, int days, long seed, Set<Dialect> dialects, LocalDate end,
		ZoneId zone) {

	/** Fewer messages leave no room for the decoys and the compromised kinds. */
	public static final long MIN_MESSAGES = 100;

	/**
	 * The timeline holds per-minute rates for every day; a quarter of a year is plenty.
	 */
	public static final int MAX_DAYS = 92;

	/**
	 * A fixed default, not today, so that the same arguments give the same tree on any
	 * day.
	 */
	public static final LocalDate DEFAULT_END = LocalDate.of(2026, 11, 30);

	public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Berlin");

	public GeneratorSettings {
		if (out == null) {
			throw new IllegalArgumentException("out is required");
		}
		if (messages < MIN_MESSAGES) {
			throw new IllegalArgumentException("messages must be at least " + MIN_MESSAGES);
		}
		if (days < 1 || days > MAX_DAYS) {
			throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS);
		}
		dialects = (dialects == null || dialects.isEmpty()) ? EnumSet.allOf(Dialect.class) : EnumSet.copyOf(dialects);
		end = (end != null) ? end : DEFAULT_END;
		zone = (zone != null) ? zone : DEFAULT_ZONE;
	}

	/** All dialects, the default end day and zone. */
	public static GeneratorSettings of(Path out, long messages, int days, long seed) {
		return new GeneratorSettings(out, messages, days, seed, null, null, null);
	}

	public GeneratorSettings withDialects(Set<Dialect> dialects) {
		return new GeneratorSettings(this.out, this.messages, this.days, this.seed, dialects, this.end, this.zone);
	}

}
