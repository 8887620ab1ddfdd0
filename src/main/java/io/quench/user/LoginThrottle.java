package io.quench.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import io.quench.user.LoginAttemptRepository.SubjectKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refuses login attempts for a user name or a client address that failed too often
 * recently. A refused attempt is not counted as a failure, so a lockout ends
 * {@code lockout} after it started.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final LoginAttemptRepository attempts;

	private final LoginThrottleProperties properties;

	private final Clock clock;

	LoginThrottle(LoginAttemptRepository attempts, LoginThrottleProperties properties, Clock clock) {
		this.attempts = attempts;
		this.properties = properties;
		this.clock = clock;
	}

	/** Throws when either the user name or the address is locked out now. */
	@Transactional(readOnly = true)
	public void checkAllowed(String username, String address) {
		Instant now = this.clock.instant();
		Optional<Instant> until = Stream
			.of(this.attempts.lockedUntil(SubjectKind.USER, username, now),
					address == null ? Optional.<Instant>empty()
							: this.attempts.lockedUntil(SubjectKind.IP, address, now))
			.flatMap(Optional::stream)
			.max(Comparator.naturalOrder());
		if (until.isPresent()) {
			throw new LoginThrottledException(until.get());
		}
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFailure(String username, String address) {
		Instant now = this.clock.instant();
		countAndMaybeLock(SubjectKind.USER, username, now);
		if (address != null) {
			countAndMaybeLock(SubjectKind.IP, address, now);
		}
	}

	@Transactional
	public void recordSuccess(String username) {
		this.attempts.clearFailures(SubjectKind.USER, username);
	}

	/** Old rows have no effect on decisions; keep the tables small. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@Transactional
	public void purge() {
		Duration keep = this.properties.window().compareTo(this.properties.lockout()) > 0 ? this.properties.window()
				: this.properties.lockout();
		this.attempts.purgeBefore(this.clock.instant().minus(keep));
	}

	private void countAndMaybeLock(SubjectKind kind, String subject, Instant now) {
		this.attempts.recordFailure(kind, subject, now);
		long recent = this.attempts.countFailuresSince(kind, subject, now.minus(this.properties.window()));
		if (recent >= this.properties.maxFailures()) {
			Instant until = now.plus(this.properties.lockout());
			this.attempts.lock(kind, subject, until);
			this.attempts.clearFailures(kind, subject);
			log.warn("Login throttled: {} {} after {} failures; refused until {}", kind, subject, recent, until);
		}
	}

}
