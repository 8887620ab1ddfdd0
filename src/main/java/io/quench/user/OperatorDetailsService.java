package io.quench.user;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads operators for Spring Security. An operator who must change their password also
 * gets the {@value #PASSWORD_CHANGE_REQUIRED} authority, which keeps them on the password
 * page.
 */
class OperatorDetailsService implements UserDetailsService {

	static final String PASSWORD_CHANGE_REQUIRED = PasswordChange.REQUIRED_AUTHORITY;

	private final OperatorRepository operators;

	OperatorDetailsService(OperatorRepository operators) {
		this.operators = operators;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Operator operator = this.operators.findByUsername(Usernames.normalize(username))
			.orElseThrow(() -> new UsernameNotFoundException("unknown operator"));
		return User.withUsername(operator.username())
			.password(operator.passwordHash())
			.authorities(authorities(operator))
			.disabled(!operator.enabled())
			.build();
	}

	static List<GrantedAuthority> authorities(Operator operator) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(operator.role().authority()));
		if (operator.mustChangePassword()) {
			authorities.add(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
		}
		return authorities;
	}

}
