package io.quench.user;

import java.time.Instant;

/**
 * What other features and pages may know about an operator.
 */
public record OperatorView(long id, String username, Role role, boolean enabled, boolean mustChangePassword,
		Instant createdAt, Instant updatedAt) {
}
