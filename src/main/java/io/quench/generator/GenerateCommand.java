package io.quench.generator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code generate --out DIR --messages N --days D --seed S [--dialects a,b,c,d] [--end YYYY-MM-DD]
 * [--zone Europe/Berlin]}: writes a synthetic incident (see {@link IncidentGenerator})
 * and reports the rate.
 */
public final class GenerateCommand {

	private static final String USAGE = "usage: generate --out DIR --messages N --days D --seed S [--dialects a,b,c,d]"
			+ " [--end YYYY-MM-DD] [--zone Europe/Berlin]";

	private GenerateCommand() {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		Path dir = null;
		Long messages = null;
		Integer days = null;
		Long seed = null;
		Set<Dialect> dialects = EnumSet.allOf(Dialect.class);
		LocalDate end = null;
		ZoneId zone = null;
		try {
			for (int i = 0; i < args.length; i++) {
				String option = args[i];
				if (option.equals("-h") || option.equals("--help")) {
					out.println(USAGE);
					return 0;
				}
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException(option + " needs a value");
				}
				String value = args[++i];
				switch (option) {
					case "--out" -> dir = Path.of(value);
					case "--messages" -> messages = Long.parseLong(value);
					case "--days" -> days = Integer.parseInt(value);
					case "--seed" -> seed = Long.parseLong(value);
					case "--dialects" -> {
						dialects = EnumSet.noneOf(Dialect.class);
						for (String letter : value.split(",")) {
							dialects.add(Dialect.of(letter));
						}
					}
					case "--end" -> end = LocalDate.parse(value);
					case "--zone" -> zone = ZoneId.of(value);
					default -> throw new IllegalArgumentException("unknown option " + option);
				}
			}
			if (dir == null || messages == null || days == null || seed == null) {
				throw new IllegalArgumentException("--out, --messages, --days and --seed are required");
			}
			GeneratorSettings settings = new GeneratorSettings(dir, messages, days, seed, dialects, end, zone);
			long started = System.nanoTime();
			Manifest manifest = IncidentGenerator.generate(settings);
			double seconds = (System.nanoTime() - started) / 1e9;
			out.printf("generated %d queue files in %.1f s (%.0f files/s) into %s%n", manifest.messages(), seconds,
					manifest.messages() / seconds, dir);
			out.println("compromised: " + String.join(", ", manifest.compromised()));
			return 0;
		}
		catch (RuntimeException ex) {
			err.println("generate: " + ex.getMessage());
			err.println(USAGE);
			return 2;
		}
	}

}
