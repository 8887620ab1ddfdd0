package io.quench.user;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator account as stored. The password hash never leaves this package.
 */
record Operator(long id, String username, String passwordHash, Role role, boolean enabled, boolean mustChangePassword,
		Instant createdAt, Instant updatedAt) {

	Operator {
		Objects.requireNonNull(username);
		Objects.requireNonNull(passwordHash);
		Objects.requireNonNull(role);
	}

	OperatorView view() {
		return new OperatorView(this.id, this.username, this.role, this.enabled, this.mustChangePassword,
				this.createdAt, this.updatedAt);
	}

}
