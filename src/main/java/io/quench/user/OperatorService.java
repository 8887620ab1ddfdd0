package io.quench.user;

import java.time.Clock;
import java.util.List;

import io.quench.user.OperatorAccountChanged.Change;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing operator accounts. Admin operations are guarded here as well as on their URLs.
 */
@Service
public class OperatorService {

	private final OperatorRepository operators;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OperatorService(OperatorRepository operators, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
			Clock clock) {
		this.operators = operators;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A new account or a reset password, with the temporary password to hand over once.
	 */
	public record TemporaryPassword(String username, String password) {
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<OperatorView> list() {
		return this.operators.findAll().stream().map(Operator::view).toList();
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public TemporaryPassword create(String username, Role role, String actor) {
		String name = Usernames.normalize(username);
		if (!Usernames.isValid(name)) {
			throw new OperatorRuleViolation("operator.invalidUsername");
		}
		String password = PasswordPolicy.generate();
		try {
			this.operators.insert(name, this.passwordEncoder.encode(password), role, true, this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new OperatorRuleViolation("operator.duplicate");
		}
		publish(name, Change.CREATED, "role " + role, actor);
		return new TemporaryPassword(name, password);
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public TemporaryPassword resetPassword(long id, String actor) {
		Operator operator = find(id);
		String password = PasswordPolicy.generate();
		this.operators.updatePassword(id, this.passwordEncoder.encode(password), true, this.clock.instant());
		publish(operator.username(), Change.PASSWORD_RESET, "temporary password, change forced", actor);
		return new TemporaryPassword(operator.username(), password);
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public void changeRole(long id, Role role, String actor) {
		Operator operator = find(id);
		if (operator.role() == role) {
			return;
		}
		if (operator.role() == Role.ADMIN && operator.enabled() && this.operators.countEnabledAdmins() <= 1) {
			throw new OperatorRuleViolation("operator.lastAdmin");
		}
		this.operators.updateRole(id, role, this.clock.instant());
		publish(operator.username(), Change.ROLE_CHANGED, operator.role() + " -> " + role, actor);
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public void setEnabled(long id, boolean enabled, String actor) {
		Operator operator = find(id);
		if (operator.enabled() == enabled) {
			return;
		}
		if (!enabled && operator.username().equals(Usernames.normalize(actor))) {
			throw new OperatorRuleViolation("operator.disableSelf");
		}
		if (!enabled && operator.role() == Role.ADMIN && this.operators.countEnabledAdmins() <= 1) {
			throw new OperatorRuleViolation("operator.lastAdmin");
		}
		this.operators.updateEnabled(id, enabled, this.clock.instant());
		publish(operator.username(), enabled ? Change.ENABLED : Change.DISABLED, "", actor);
	}

	/**
	 * An operator changes their own password; the current one must be given again.
	 */
	@PreAuthorize("isAuthenticated() and #username == authentication.name")
	@Transactional
	public void changeOwnPassword(String username, String currentPassword, String newPassword) {
		Operator operator = this.operators.findByUsername(Usernames.normalize(username))
			.orElseThrow(() -> new OperatorRuleViolation("password.currentWrong"));
		if (!this.passwordEncoder.matches(currentPassword, operator.passwordHash())) {
			throw new OperatorRuleViolation("password.currentWrong");
		}
		if (currentPassword.equals(newPassword)) {
			throw new OperatorRuleViolation("password.unchanged");
		}
		String violation = PasswordPolicy.violation(operator.username(), newPassword);
		if (violation != null) {
			throw new OperatorRuleViolation(violation);
		}
		this.operators.updatePassword(operator.id(), this.passwordEncoder.encode(newPassword), false,
				this.clock.instant());
		publish(operator.username(), Change.PASSWORD_CHANGED, "", operator.username());
	}

	/**
	 * Creates an account unless one with that name exists (start-up tasks; several app
	 * instances may race on one database). Returns true when this call created it.
	 */
	@Transactional
	boolean createIfAbsent(String username, String password, Role role, boolean mustChangePassword) {
		if (this.operators.findByUsername(username).isPresent()) {
			return false;
		}
		try {
			this.operators.insert(username, this.passwordEncoder.encode(password), role, mustChangePassword,
					this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
		publish(username, Change.CREATED, "role " + role + " (start-up)", "system");
		return true;
	}

	/**
	 * The current role of an enabled operator, or empty when the account is disabled or
	 * gone: signed-in sessions re-check this, so disabling an operator or changing a role
	 * takes effect at once.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Role> activeRole(String username) {
		return this.operators.findByUsername(Usernames.normalize(username))
			.filter(Operator::enabled)
			.map(Operator::role);
	}

	@Transactional(readOnly = true)
	boolean anyOperatorExists() {
		return this.operators.count() > 0;
	}

	private Operator find(long id) {
		return this.operators.findById(id).orElseThrow(() -> new OperatorNotFoundException(id));
	}

	private void publish(String username, Change change, String detail, String actor) {
		this.events.publishEvent(new OperatorAccountChanged(username, change, detail, actor, this.clock.instant()));
	}

}
