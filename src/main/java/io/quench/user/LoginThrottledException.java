package io.quench.user;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/**
 * A login attempt refused without checking the password, because the user name or the
 * client address failed too often recently.
 */
public class LoginThrottledException extends AuthenticationException {

	private final Instant until;

	LoginThrottledException(Instant until) {
		super("Too many failed logins; refused until " + until);
		this.until = until;
	}

	public Instant until() {
		return this.until;
	}

}
