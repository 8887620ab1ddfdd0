package io.quench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Quench: the incident console for compromised accounts relaying spam through a GroupWise
 * Internet Agent. Without arguments (or with Spring options) it starts the web console;
 * the first argument may instead name a command-line tool that runs without the web
 * console (see {@link Commands}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QuenchApplication {

	public static void main(String[] args) {
		if (Commands.isCommand(args)) {
			System.exit(Commands.run(args));
		}
		SpringApplication.run(QuenchApplication.class, args);
	}

}
