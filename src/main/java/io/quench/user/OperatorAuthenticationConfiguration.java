package io.quench.user;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class OperatorAuthenticationConfiguration {

	/**
	 * Delegating encoder: bcrypt today, with the algorithm id stored so it can change
	 * later.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationProvider operatorAuthenticationProvider(OperatorRepository operators, PasswordEncoder passwordEncoder,
			LoginThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new OperatorDetailsService(operators));
		passwords.setPasswordEncoder(passwordEncoder);
		return new ThrottlingAuthenticationProvider(passwords, throttle);
	}

}
