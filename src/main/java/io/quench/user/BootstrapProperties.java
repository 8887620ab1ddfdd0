package io.quench.user;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminPassword the first admin's password (from {@code QUENCH_ADMIN_PASSWORD});
 * empty means generate one and print it once
 */
@ConfigurationProperties("quench.bootstrap")
record BootstrapProperties(String adminPassword) {

	boolean hasAdminPassword() {
		return this.adminPassword != null && !this.adminPassword.isBlank();
	}

}
