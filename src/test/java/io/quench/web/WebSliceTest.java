package io.quench.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;

import io.quench.user.DemoProperties;
import io.quench.user.OperatorService;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * For {@code @WebMvcTest} slices of any feature: the real security configuration (URL
 * rules, CSRF, headers, entry points) and the beans the layout needs. Logins are refused;
 * tests sign in with {@code @WithMockUser}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import({ SecurityConfiguration.class, WebSliceTest.SliceBeans.class })
public @interface WebSliceTest {

	@TestConfiguration
	class SliceBeans {

		/**
		 * Makes a mocked {@link OperatorService} report the signed-in test user as
		 * enabled with the role it signed in with, so the session check in the filter
		 * chain lets {@code @WithMockUser} through.
		 */
		public static OperatorService signedInOperatorsStayActive(OperatorService mock) {
			org.mockito.BDDMockito.given(mock.activeRole(org.mockito.ArgumentMatchers.anyString()))
				.willAnswer((invocation) -> java.util.Optional
					.ofNullable(org.springframework.security.core.context.SecurityContextHolder.getContext()
						.getAuthentication())
					.flatMap((auth) -> auth.getAuthorities()
						.stream()
						.map(org.springframework.security.core.GrantedAuthority::getAuthority)
						.filter((a) -> a.startsWith("ROLE_"))
						.map((a) -> io.quench.user.Role.valueOf(a.substring(5)))
						.findFirst()));
			return mock;
		}

		@Bean
		DemoProperties demoProperties() {
			return new DemoProperties(null);
		}

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

		@Bean
		OperatorService operatorService() {
			return signedInOperatorsStayActive(org.mockito.Mockito.mock(OperatorService.class));
		}

		@Bean
		AuthenticationProvider operatorAuthenticationProvider() {
			return new AuthenticationProvider() {
				@Override
				public Authentication authenticate(Authentication authentication) {
					throw new BadCredentialsException("slice tests sign in with @WithMockUser");
				}

				@Override
				public boolean supports(Class<?> authentication) {
					return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
				}
			};
		}

	}

}
