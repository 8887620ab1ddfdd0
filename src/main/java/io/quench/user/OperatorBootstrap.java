package io.quench.user;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can log in: the demo users in the demo profile, otherwise the first
 * admin. There is no default password: without {@code QUENCH_ADMIN_PASSWORD} a random one
 * is printed once and must be changed at first login.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OperatorBootstrap implements ApplicationRunner {

	static final String ADMIN = "admin";

	private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

	private final OperatorService operators;

	private final BootstrapProperties bootstrap;

	private final DemoProperties demo;

	OperatorBootstrap(OperatorService operators, BootstrapProperties bootstrap, DemoProperties demo) {
		this.operators = operators;
		this.bootstrap = bootstrap;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.demo.active()) {
			for (Role role : Role.values()) {
				this.operators.createIfAbsent(role.name().toLowerCase(java.util.Locale.ROOT), this.demo.password(),
						role, false);
			}
			log.info("Demo profile: users viewer, operator, approver and admin use the demo password");
			return;
		}
		if (this.operators.anyOperatorExists()) {
			return;
		}
		if (this.bootstrap.hasAdminPassword()) {
			if (this.operators.createIfAbsent(ADMIN, this.bootstrap.adminPassword(), Role.ADMIN, false)) {
				log.info("Created operator '{}' with the password from QUENCH_ADMIN_PASSWORD", ADMIN);
			}
			return;
		}
		String password = PasswordPolicy.generate();
		if (this.operators.createIfAbsent(ADMIN, password, Role.ADMIN, true)) {
			log.warn("""

					*****************************************************************
					  First start: created operator 'admin' with the one-time password

					      {}

					  It is shown only now. Log in and choose a new password.
					*****************************************************************""", password);
		}
	}

}
