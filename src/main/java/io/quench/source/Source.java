package io.quench.source;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A configured source.
 *
 * @param rescan time between automatic rescans, or null for manual scans only
 * @param declared whether it comes from configuration ({@code quench.sources}) rather
 * than the UI
 */
public record Source(long id, String name, SourceKind kind, Path path, ZoneId zone, Duration rescan, boolean declared,
		boolean enabled) {

	public Source {
		Objects.requireNonNull(name);
		Objects.requireNonNull(kind);
		Objects.requireNonNull(path);
		Objects.requireNonNull(zone);
	}

}
