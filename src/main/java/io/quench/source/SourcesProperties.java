package io.quench.source;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sources declared in configuration ({@code quench.sources[i].name}, {@code .kind},
 * {@code .path}, {@code .zone}, {@code .rescan}); they are created or updated at start-up
 * and scanned then.
 */
@ConfigurationProperties("quench")
record SourcesProperties(List<Declared> sources) {

	SourcesProperties {
		sources = (sources == null) ? List.of() : List.copyOf(sources);
	}

	/**
	 * @param rescan a duration such as {@code 60s}, or {@code manual}
	 */
	record Declared(String name, SourceKind kind, String path, String zone, String rescan) {

		SourceDefinition definition() {
			ZoneId zoneId = (this.zone == null || this.zone.isBlank()) ? ZoneId.systemDefault() : ZoneId.of(this.zone);
			return new SourceDefinition(this.name, this.kind, Path.of(this.path), zoneId, parseRescan(this.rescan));
		}

	}

	static Duration parseRescan(String rescan) {
		if (rescan == null || rescan.isBlank() || "manual".equalsIgnoreCase(rescan.strip())) {
			return null;
		}
		return org.springframework.boot.convert.DurationStyle.detectAndParse(rescan.strip());
	}

}
