package io.quench.suspect;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The thresholds the ranking uses: the configured ones ({@code quench.ranking.*}) with
 * the values an admin changed at run time on top, stored in the database so that every
 * instance uses them. Read on every ranking (one query of a table of at most 14 rows), so
 * a change re-ranks from the next request on, on every instance.
 */
@Service
class RankingSettings {

	private static final Logger log = LoggerFactory.getLogger(RankingSettings.class);

	private final RankingProperties configured;

	private final RankingThresholdRepository repository;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RankingSettings(RankingProperties configured, RankingThresholdRepository repository,
			ApplicationEventPublisher events, Clock clock) {
		this.configured = configured;
		this.repository = repository;
		this.events = events;
		this.clock = clock;
	}

	/** One threshold as the settings page shows it. */
	record Setting(String name, String value, String defaultValue, boolean changed, String min, String max,
			boolean integer) {
	}

	/** The thresholds the ranking uses now. */
	RankingProperties effective() {
		return RankingThreshold.apply(this.configured, stored());
	}

	/** Every threshold with its current and default value. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	List<Setting> settings() {
		Map<RankingThreshold, String> stored = stored();
		RankingProperties effective = RankingThreshold.apply(this.configured, stored);
		List<Setting> settings = new ArrayList<>();
		for (RankingThreshold threshold : RankingThreshold.values()) {
			settings
				.add(new Setting(threshold.property(), threshold.valueIn(effective), threshold.valueIn(this.configured),
						stored.containsKey(threshold), threshold.min(), threshold.max(), threshold.integer()));
		}
		return settings;
	}

	/**
	 * Sets the given thresholds (property name to value text; unknown names and blank
	 * values are ignored, values equal to the current ones change nothing). All are
	 * checked before any is stored.
	 * @return the event published, or null when nothing changed
	 * @throws InvalidThresholdException for the first value out of range
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	RankingThresholdsChanged change(Map<String, String> values, String actor) {
		Map<RankingThreshold, String> parsed = new EnumMap<>(RankingThreshold.class);
		for (RankingThreshold threshold : RankingThreshold.values()) {
			String text = values.get(threshold.property());
			if (text != null && !text.isBlank()) {
				parsed.put(threshold, threshold.parse(text));
			}
		}
		RankingProperties current = effective();
		Instant now = this.clock.instant();
		List<RankingThresholdsChanged.Change> changes = new ArrayList<>();
		parsed.forEach((threshold, value) -> {
			String before = threshold.valueIn(current);
			if (!before.equals(value)) {
				this.repository.save(threshold.property(), value, actor, now);
				changes.add(new RankingThresholdsChanged.Change(threshold.property(), before, value, false));
			}
		});
		return publish(actor, changes, now);
	}

	/**
	 * Puts a threshold back to its configured value.
	 * @return the event published, or null when it had not been changed
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	RankingThresholdsChanged reset(String name, String actor) {
		RankingThreshold threshold = RankingThreshold.byProperty(name)
			.orElseThrow(() -> new InvalidRankingQueryException("unknown threshold"));
		String before = threshold.valueIn(effective());
		if (!this.repository.delete(threshold.property())) {
			return null;
		}
		Instant now = this.clock.instant();
		return publish(actor, List.of(new RankingThresholdsChanged.Change(threshold.property(), before,
				threshold.valueIn(this.configured), true)), now);
	}

	private RankingThresholdsChanged publish(String actor, List<RankingThresholdsChanged.Change> changes, Instant now) {
		if (changes.isEmpty()) {
			return null;
		}
		RankingThresholdsChanged changed = new RankingThresholdsChanged(actor, changes, now);
		this.events.publishEvent(changed);
		return changed;
	}

	/** Stored values by threshold; a stored value no longer valid is ignored (logged). */
	private Map<RankingThreshold, String> stored() {
		Map<RankingThreshold, String> stored = new EnumMap<>(RankingThreshold.class);
		this.repository.all().forEach((name, value) -> RankingThreshold.byProperty(name).ifPresent((threshold) -> {
			try {
				stored.put(threshold, threshold.parse(value));
			}
			catch (InvalidThresholdException ex) {
				log.warn("Ignoring the stored ranking threshold {}={}: {}", name, value, ex.getMessage());
			}
		}));
		return stored;
	}

}
