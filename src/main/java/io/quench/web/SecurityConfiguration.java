package io.quench.web;

import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import io.quench.user.OperatorService;
import io.quench.user.PasswordChange;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Who may reach what. Pages need a signed-in operator (roles VIEWER < OPERATOR < APPROVER
 * < ADMIN); {@code /api/**} answers 401 instead of redirecting; an htmx request whose
 * session expired makes the page reload (and so land on the login page) instead of
 * swapping the login form into a panel.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * No inline or eval script; our own origin only; nobody may frame the console.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-src 'self'; frame-ancestors 'none'";

	/**
	 * A queued message's sanitized HTML body, framed by its message page in a sandbox: no
	 * script, nothing fetched (only data: images), inline styles, framed by the console
	 * only.
	 */
	static final String MESSAGE_HTML_CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; "
			+ "style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'";

	/** The one URL that is framed, and so served with its own headers. */
	static final String MESSAGE_HTML_PATH = "/messages/*/html";

	private static final RequestMatcher HTMX = new RequestHeaderRequestMatcher("HX-Request", "true");

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy("""
				ROLE_ADMIN > ROLE_APPROVER
				ROLE_APPROVER > ROLE_OPERATOR
				ROLE_OPERATOR > ROLE_VIEWER
				""");
	}

	/**
	 * The message HTML document: the same sign-in and roles as every page, but its own
	 * headers instead of the console's ({@code frame-ancestors 'none'} and
	 * {@code X-Frame-Options: DENY} would forbid the message page to frame it). Without a
	 * session it answers 401 (a login page cannot show in the frame).
	 */
	@Bean
	@Order(1)
	SecurityFilterChain messageHtmlFilterChain(HttpSecurity http, AuthenticationProvider operatorAuthenticationProvider,
			OperatorService operators, Clock clock) throws Exception {
		http.securityMatcher(MESSAGE_HTML_PATH)
			.authenticationProvider(operatorAuthenticationProvider)
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().hasRole("VIEWER"))
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(), HTMX)
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						(request) -> true)
				.accessDeniedHandler(new HtmxAccessDeniedHandler()))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(MESSAGE_HTML_CONTENT_SECURITY_POLICY))
				.frameOptions((frame) -> frame.sameOrigin())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.cacheControl((cache) -> cache.disable())
				.addHeaderWriter(new StaticHeadersWriter("Cache-Control", "no-store")))
			.addFilterAfter(new OperatorStatusFilter(operators, clock), BasicAuthenticationFilter.class)
			.addFilterAfter(new PasswordChangeRequiredFilter(PasswordChange.REQUIRED_AUTHORITY, PasswordChange.PATH),
					BasicAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationProvider operatorAuthenticationProvider,
			OperatorService operators, Clock clock) throws Exception {
		RequestMatcher api = pathPattern("/api/**");
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		// Only remember plain page requests to return to after login, never htmx
		// fragments or API calls.
		requestCache
			.setRequestMatcher(new AndRequestMatcher(pathPattern(org.springframework.http.HttpMethod.GET, "/**"),
					new NegatedRequestMatcher(HTMX), new NegatedRequestMatcher(api)));
		http.authenticationProvider(operatorAuthenticationProvider)
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error",
						"/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/admin/**", "/settings/**")
				.hasRole("ADMIN")
				.anyRequest()
				.hasRole("VIEWER"))
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.requestCache((cache) -> cache.requestCache(requestCache))
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
				.defaultAuthenticationEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(), HTMX)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), (request) -> true)
				.accessDeniedHandler(new HtmxAccessDeniedHandler()))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.addFilterAfter(new OperatorStatusFilter(operators, clock), BasicAuthenticationFilter.class)
			.addFilterAfter(new PasswordChangeRequiredFilter(PasswordChange.REQUIRED_AUTHORITY, PasswordChange.PATH),
					BasicAuthenticationFilter.class);
		return http.build();
	}

}
