package io.quench.generator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo profile's incident: generated into {@code <data-dir>/demo} on the first start
 * (ending today, so it looks current), then read through the sources that the demo
 * profile declares. A later start keeps the folder as it is.
 */
@Component
@Profile("demo")
class DemoScenario implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoScenario.class);

	private final Path folder;

	private final long messages;

	private final int days;

	private final long seed;

	private final ZoneId zone;

	private final Clock clock;

	DemoScenario(@Value("${quench.data-dir}") Path dataDir, @Value("${quench.demo.messages:20000}") long messages,
			@Value("${quench.demo.days:5}") int days, @Value("${quench.demo.seed:2026}") long seed,
			@Value("${quench.demo.zone:Europe/Berlin}") ZoneId zone, Clock clock) {
		this.folder = dataDir.resolve("demo");
		this.messages = messages;
		this.days = days;
		this.seed = seed;
		this.zone = zone;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (Files.exists(this.folder.resolve("manifest.json"))) {
			log.info("Demo incident already in {}", this.folder);
			return;
		}
		long started = System.nanoTime();
		LocalDate today = LocalDate.now(this.clock.withZone(this.zone));
		Manifest manifest = IncidentGenerator
			.generate(new GeneratorSettings(this.folder, this.messages, this.days, this.seed, null, today, this.zone));
		log.info("Generated the demo incident in {} ({} messages, compromised: {}) in {} ms", this.folder,
				manifest.messages(), manifest.compromised(), (System.nanoTime() - started) / 1_000_000);
	}

}
