package io.quench.source;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What an operator (or the configuration) says about a source.
 *
 * @param rescan time between automatic rescans, or null for manual only
 */
public record SourceDefinition(String name, SourceKind kind, Path path, ZoneId zone, Duration rescan) {

	/** Rescanning more often than this only loads the server. */
	static final Duration MIN_RESCAN = Duration.ofSeconds(10);

	public SourceDefinition {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(zone, "zone");
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new SourceRuleViolation("source.invalidName");
		}
		name = name.strip();
		if (!path.isAbsolute()) {
			path = path.toAbsolutePath();
		}
		path = path.normalize();
		if (rescan != null && rescan.compareTo(MIN_RESCAN) < 0) {
			throw new SourceRuleViolation("source.rescanTooShort");
		}
	}

}
