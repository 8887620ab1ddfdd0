package io.quench.source;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The "add a source" form as typed: every field a string, so that a wrong value comes
 * back as a message on the page rather than a binding error.
 *
 * @param rescan {@code manual} (or empty) or a number of seconds
 */
record SourceForm(String name, String kind, String path, String zone, String rescan) {

	/** What the form shows before anything is typed. */
	static SourceForm blank() {
		return new SourceForm("", SourceKind.QUEUE.name(), "", ZoneId.systemDefault().getId(), "manual");
	}

	/** The definition the form describes; throws {@link SourceRuleViolation} if none. */
	SourceDefinition definition() {
		return new SourceDefinition(this.name, parseKind(), parsePath(), parseZone(), parseRescan());
	}

	private SourceKind parseKind() {
		try {
			return SourceKind.valueOf(this.kind == null ? "" : this.kind.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new SourceRuleViolation("source.invalidKind");
		}
	}

	private Path parsePath() {
		if (this.path == null || this.path.isBlank()) {
			throw new SourceRuleViolation("source.invalidPath");
		}
		try {
			return Path.of(this.path.strip());
		}
		catch (InvalidPathException ex) {
			throw new SourceRuleViolation("source.invalidPath");
		}
	}

	private ZoneId parseZone() {
		if (this.zone == null || this.zone.isBlank()) {
			return ZoneId.systemDefault();
		}
		try {
			return ZoneId.of(this.zone.strip());
		}
		catch (DateTimeException ex) {
			throw new SourceRuleViolation("source.invalidZone");
		}
	}

	private Duration parseRescan() {
		String text = (this.rescan == null) ? "" : this.rescan.strip();
		if (text.isEmpty() || "manual".equalsIgnoreCase(text)) {
			return null;
		}
		if (!text.matches("[0-9]{1,9}")) {
			throw new SourceRuleViolation("source.invalidRescan");
		}
		return Duration.ofSeconds(Long.parseLong(text));
	}

}
