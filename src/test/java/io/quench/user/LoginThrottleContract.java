package io.quench.user;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.quench.support.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Login throttling against a real database (H2 and PostgreSQL subclasses), with a clock
 * the test moves. Each test uses its own user names and addresses, since failures are
 * committed as they happen.
 */
@Import({ LoginAttemptRepository.class, LoginThrottle.class, LoginThrottleContract.Config.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class LoginThrottleContract {

	@TestConfiguration
	static class Config {

		@Bean
		MutableClock clock() {
			return new MutableClock(Instant.parse("2026-12-04T09:00:00Z"));
		}

		@Bean
		LoginThrottleProperties loginThrottleProperties() {
			return new LoginThrottleProperties(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
		}

	}

	@Autowired
	LoginThrottle throttle;

	@Autowired
	MutableClock clock;

	private static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void fiveFailuresForOneUserLockItForFifteenMinutesFromAnyAddress() {
		String user = unique("u");
		for (int i = 0; i < 4; i++) {
			this.throttle.recordFailure(user, unique("10.0.0."));
			assertThatCode(() -> this.throttle.checkAllowed(user, "192.0.2.1")).doesNotThrowAnyException();
		}
		this.throttle.recordFailure(user, unique("10.0.0."));
		assertThatThrownBy(() -> this.throttle.checkAllowed(user, "192.0.2.77"))
			.isInstanceOf(LoginThrottledException.class);
		this.clock.advance(Duration.ofMinutes(14));
		assertThatThrownBy(() -> this.throttle.checkAllowed(user, "192.0.2.77"))
			.isInstanceOf(LoginThrottledException.class);
		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		assertThatCode(() -> this.throttle.checkAllowed(user, "192.0.2.77")).doesNotThrowAnyException();
	}

	@Test
	void fiveFailuresFromOneAddressLockThatAddressForEveryUser() {
		String address = unique("198.51.100.");
		for (int i = 0; i < 5; i++) {
			this.throttle.recordFailure(unique("spray"), address);
		}
		assertThatThrownBy(() -> this.throttle.checkAllowed(unique("other"), address))
			.isInstanceOf(LoginThrottledException.class);
		assertThatCode(() -> this.throttle.checkAllowed(unique("other"), unique("203.0.113.")))
			.doesNotThrowAnyException();
	}

	@Test
	void failuresOlderThanTheWindowDoNotCount() {
		String user = unique("slow");
		for (int i = 0; i < 4; i++) {
			this.throttle.recordFailure(user, null);
		}
		this.clock.advance(Duration.ofMinutes(16));
		this.throttle.recordFailure(user, null);
		assertThatCode(() -> this.throttle.checkAllowed(user, null)).doesNotThrowAnyException();
	}

	@Test
	void aSuccessfulLoginClearsTheUsersFailures() {
		String user = unique("ok");
		for (int i = 0; i < 4; i++) {
			this.throttle.recordFailure(user, null);
		}
		this.throttle.recordSuccess(user);
		this.throttle.recordFailure(user, null);
		assertThatCode(() -> this.throttle.checkAllowed(user, null)).doesNotThrowAnyException();
	}

	@Test
	void theLockoutSaysUntilWhen() {
		String user = unique("when");
		for (int i = 0; i < 5; i++) {
			this.throttle.recordFailure(user, null);
		}
		Instant expected = this.clock.instant().plus(Duration.ofMinutes(15));
		assertThatThrownBy(() -> this.throttle.checkAllowed(user, null)).isInstanceOfSatisfying(
				LoginThrottledException.class,
				(ex) -> org.assertj.core.api.Assertions.assertThat(ex.until()).isEqualTo(expected));
	}

}
