package io.quench.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;

import io.quench.user.DemoProperties;

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

		@Bean
		DemoProperties demoProperties() {
			return new DemoProperties(null);
		}

		@Bean
		Clock clock() {
			return Clock.systemUTC();
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
