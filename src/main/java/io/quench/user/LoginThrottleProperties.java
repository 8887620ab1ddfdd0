package io.quench.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * After {@code maxFailures} failed logins for one user name or one client address within
 * {@code window}, further attempts are refused for {@code lockout}.
 */
@ConfigurationProperties("quench.login-throttle")
record LoginThrottleProperties(int maxFailures, Duration window, Duration lockout) {

	LoginThrottleProperties {
		if (maxFailures < 1) {
			throw new IllegalArgumentException("quench.login-throttle.max-failures must be at least 1");
		}
		if (window == null || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("quench.login-throttle.window must be positive");
		}
		if (lockout == null || lockout.isNegative() || lockout.isZero()) {
			throw new IllegalArgumentException("quench.login-throttle.lockout must be positive");
		}
	}

}
