package io.quench.login;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;

/** The package-private service methods are still guarded by method security. */
@SpringJUnitConfig
class LoginBrowseServiceSecurityTests {

	@Configuration
	@EnableMethodSecurity
	static class Config {

		@Bean
		LoginBrowseService loginBrowseService(LoginBrowseRepository repository) {
			return new LoginBrowseService(repository, new LoginBrowseProperties(7),
					new IpCountCache(repository::ipCounts, java.time.Clock.systemUTC(), Runnable::run, null));
		}

	}

	@MockitoBean
	LoginBrowseRepository repository;

	@Autowired
	LoginBrowseService logins;

	@Test
	void withoutAnOperatorNothingIsRead() {
		assertThatExceptionOfType(AuthenticationCredentialsNotFoundException.class)
			.isThrownBy(() -> this.logins.events(LoginQuery.all()));
		assertThatExceptionOfType(AuthenticationCredentialsNotFoundException.class)
			.isThrownBy(() -> this.logins.ips(LoginQuery.all(), 0));
	}

	@Test
	@WithMockUser(roles = "NOBODY")
	void anotherRoleIsRefused() {
		assertThatExceptionOfType(AuthorizationDeniedException.class)
			.isThrownBy(() -> this.logins.events(LoginQuery.all()));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aViewerReadsAHundredEventsAPageAndTheIpViewWithTheConfiguredThreshold() {
		given(this.repository.events(LoginQuery.all(), 100)).willReturn(new LoginEventPage(java.util.List.of(), null));
		assertThat(this.logins.events(LoginQuery.all()).rows()).isEmpty();
		given(this.repository.ipCounts(LoginQuery.all())).willReturn(java.util.List.of());
		given(this.repository.page(java.util.List.of(), LoginQuery.all(), 0, 7))
			.willReturn(new IpPage(java.util.List.of(), 0, 0, 7));
		assertThat(this.logins.ips(LoginQuery.all(), 0).sprayAccounts()).isEqualTo(7);
		assertThatExceptionOfType(InvalidLoginQueryException.class)
			.isThrownBy(() -> this.logins.ips(LoginQuery.all(), -1));
	}

}
