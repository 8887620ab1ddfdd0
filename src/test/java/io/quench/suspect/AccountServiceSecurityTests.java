package io.quench.suspect;

import java.util.List;

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

/** The package-private account service is guarded by method security. */
@SpringJUnitConfig
class AccountServiceSecurityTests {

	@Configuration
	@EnableMethodSecurity
	static class Config {

		@Bean
		AccountService accountService(DirectoryCache directory, AccountRepository repository, SuspectService suspects) {
			return new AccountService(directory, repository, suspects, RankingProperties.defaults(),
					java.time.Clock.systemUTC(), Runnable::run, null);
		}

	}

	@MockitoBean
	DirectoryCache directory;

	@MockitoBean
	AccountRepository repository;

	@MockitoBean
	SuspectService suspects;

	@Autowired
	AccountService accounts;

	@Test
	void withoutAnOperatorNothingIsRead() {
		assertThatExceptionOfType(AuthenticationCredentialsNotFoundException.class)
			.isThrownBy(() -> this.accounts.canonicalKey("jdoe"));
		assertThatExceptionOfType(AuthenticationCredentialsNotFoundException.class)
			.isThrownBy(() -> this.accounts.detail("jdoe", RankingQuery.all()));
		assertThatExceptionOfType(AuthenticationCredentialsNotFoundException.class)
			.isThrownBy(() -> this.accounts.log("jdoe", RankingQuery.all(), 0));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aViewerReads() {
		given(this.directory.directory()).willReturn(new DirectoryCache.Directory(
				List.of(new IdentityMap.DirectoryRow("jdoe", "john.doe", "john.doe@example.org", true)), IdentityMap
					.of(List.of(new IdentityMap.DirectoryRow("jdoe", "john.doe", "john.doe@example.org", true)))));
		assertThat(this.accounts.canonicalKey("John.Doe@example.org")).isEqualTo("jdoe");
	}

	@Test
	@WithMockUser(roles = "NOBODY")
	void anotherRoleIsRefused() {
		assertThatExceptionOfType(AuthorizationDeniedException.class)
			.isThrownBy(() -> this.accounts.canonicalKey("jdoe"));
	}

}
