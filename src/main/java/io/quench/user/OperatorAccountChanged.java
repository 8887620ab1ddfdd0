package io.quench.user;

import java.time.Instant;

/**
 * Published whenever an operator account is created or changed, for the audit trail.
 *
 * @param username the account that changed
 * @param change what happened
 * @param detail a short human-readable detail (never a password)
 * @param actor who did it ({@code system} for start-up tasks)
 * @param at when
 */
public record OperatorAccountChanged(String username, Change change, String detail, String actor, Instant at) {

	public enum Change {

		CREATED, ROLE_CHANGED, PASSWORD_RESET, PASSWORD_CHANGED, DISABLED, ENABLED

	}

}
