package io.quench.source;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Declared sources are created and scanned at start-up; sources with a rescan interval
 * are scanned again when it has passed since their last scan ended; runs of dead
 * instances are failed and their sources freed (at once at start-up on an embedded
 * database, else when their heartbeat is stale).
 */
@Component
class SourceScheduler {

	private static final Logger log = LoggerFactory.getLogger(SourceScheduler.class);

	private final SourcesProperties properties;

	private final SourceService service;

	private final SourceRepository sources;

	private final IngestRunRepository runs;

	private final IngestCoordinator coordinator;

	private final Clock clock;

	SourceScheduler(SourcesProperties properties, SourceService service, SourceRepository sources,
			IngestRunRepository runs, IngestCoordinator coordinator, Clock clock) {
		this.properties = properties;
		this.service = service;
		this.sources = sources;
		this.runs = runs;
		this.coordinator = coordinator;
		this.clock = clock;
	}

	/**
	 * Runs before the other start-up listeners (the ranking's warm-up looks whether scans
	 * are running).
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void scanDeclaredSources() {
		this.coordinator.failOrphanedRuns();
		this.coordinator.failStaleRuns();
		List<SourceDefinition> declared = this.properties.sources()
			.stream()
			.map(SourcesProperties.Declared::definition)
			.toList();
		for (Source source : this.service.syncDeclared(declared)) {
			if (source.enabled()) {
				startQuietly(source, "system");
			}
		}
		if (!declared.isEmpty()) {
			log.info("Declared sources: {}", declared.stream().map(SourceDefinition::name).toList());
		}
	}

	/**
	 * Another instance may have started the same source a moment earlier: that is fine.
	 */
	private void startQuietly(Source source, String actor) {
		try {
			this.coordinator.start(source, actor);
		}
		catch (SourceRuleViolation ex) {
			log.debug("Source '{}' not started: {}", source.name(), ex.messageKey());
		}
	}

	@Scheduled(fixedDelayString = "${quench.ingest.tick:5s}", initialDelayString = "${quench.ingest.tick:5s}")
	void rescanDueSources() {
		this.coordinator.failStaleRuns();
		Instant now = this.clock.instant();
		for (Source source : this.sources.findAll()) {
			if (!source.enabled() || source.rescan() == null || this.sources.runningRunId(source.id()).isPresent()) {
				continue;
			}
			boolean due = this.runs.lastFinished(source.id())
				.map((finished) -> !finished.plus(source.rescan()).isAfter(now))
				.orElse(true);
			if (due) {
				startQuietly(source, "schedule");
			}
		}
	}

}
