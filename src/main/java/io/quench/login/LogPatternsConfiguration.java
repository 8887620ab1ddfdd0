package io.quench.login;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The log line patterns: the shipped defaults, overridden or extended by
 * {@code quench.log-patterns.<kind>.<event type>[.<label>]=<regex>} (a blank value
 * removes a default), so a real capture can be supported by configuration.
 */
@Configuration(proxyBeanMethods = false)
class LogPatternsConfiguration {

	@ConfigurationProperties("quench")
	record LogPatternProperties(Map<String, String> logPatterns) {

		LogPatternProperties {
			logPatterns = (logPatterns == null) ? Map.of() : Map.copyOf(logPatterns);
		}

	}

	@Bean
	LogPatterns logPatterns(LogPatternProperties properties) {
		return LogPatterns.defaults().withOverrides(properties.logPatterns());
	}

}
