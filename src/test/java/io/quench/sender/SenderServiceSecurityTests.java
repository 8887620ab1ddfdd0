package io.quench.sender;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;

/** The package-private service methods are still guarded by method security. */
@SpringJUnitConfig
class SenderServiceSecurityTests {

	@Configuration
	@EnableMethodSecurity
	static class Config {

		@Bean
		SenderService senderService(SenderRepository repository) {
			return new SenderService(
					new SenderCache(repository::table, java.time.Clock.systemUTC(), Runnable::run, null));
		}

	}

	@MockitoBean
	SenderRepository repository;

	@Autowired
	SenderService senders;

	@Test
	void withoutAnOperatorNothingIsRead() {
		assertThatExceptionOfType(AuthenticationCredentialsNotFoundException.class)
			.isThrownBy(() -> this.senders.page(SenderQuery.all()));
		assertThatExceptionOfType(AuthenticationCredentialsNotFoundException.class)
			.isThrownBy(() -> this.senders.export(SenderQuery.all()));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aViewerReads() {
		given(this.repository.table(SenderQuery.all())).willReturn(List.of());
		assertThat(this.senders.page(SenderQuery.all()).totalSenders()).isZero();
	}

	@Test
	@WithMockUser(roles = "NOBODY")
	void anotherRoleIsRefused() {
		assertThatExceptionOfType(org.springframework.security.authorization.AuthorizationDeniedException.class)
			.isThrownBy(() -> this.senders.page(SenderQuery.all()));
	}

}
