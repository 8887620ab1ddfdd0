package io.quench.user;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param password the shared password of the demo users; set only by the {@code demo}
 * profile
 */
@ConfigurationProperties("quench.demo")
public record DemoProperties(String password) {

	public boolean active() {
		return this.password != null && !this.password.isBlank();
	}

}
