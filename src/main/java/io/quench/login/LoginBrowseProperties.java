package io.quench.login;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Logins pages.
 *
 * @param sprayAccounts a client address that logged into at least this many distinct
 * accounts is badged as the spray pattern on the IP view
 */
@ConfigurationProperties("quench.logins")
record LoginBrowseProperties(@DefaultValue("5") int sprayAccounts) {

	LoginBrowseProperties {
		if (sprayAccounts < 2) {
			throw new IllegalArgumentException("quench.logins.spray-accounts must be at least 2");
		}
	}

}
