package io.quench.web;

import java.util.concurrent.atomic.AtomicInteger;

import io.quench.user.OperatorService;
import io.quench.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole application (H2) behind its real filter chain: what anonymous callers get,
 * headers, CSRF, roles on URLs and on service methods, and login throttling with real
 * passwords.
 */
@SpringBootTest(properties = "quench.bootstrap.admin-password=Bootstrap-Admin-Pw1")
@AutoConfigureMockMvc
class SecurityIntegrationTests {

	private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

	@Autowired
	MockMvc mvc;

	@Autowired
	OperatorService operators;

	/**
	 * Every test logs in from its own address, so address throttling never leaks between
	 * tests.
	 */
	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static String freshAddress() {
		return "10.77.0." + NEXT_ADDRESS.getAndIncrement();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/incidents", "/suspects", "/queues", "/logins", "/approvals", "/audit", "/sources",
			"/admin/users", "/account/password" })
	void everyPageRedirectsAnAnonymousBrowserToLogin(String path) throws Exception {
		this.mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/suspects", "/api/v1/anything" })
	void theApiAnswers401InsteadOfRedirecting(String path) throws Exception {
		this.mvc.perform(get(path)).andExpect(status().isUnauthorized());
	}

	@Test
	void anAnonymousHtmxRequestMakesThePageReloadInsteadOfSwappingTheLoginForm() throws Exception {
		this.mvc.perform(get("/suspects").header("HX-Request", "true"))
			.andExpect(header().string("HX-Refresh", "true"))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("<form"))));
	}

	@Test
	void anHtmxPostWhoseSessionExpiredAlsoReloadsThePage() throws Exception {
		this.mvc.perform(post("/admin/users/1/password").header("HX-Request", "true"))
			.andExpect(status().isForbidden())
			.andExpect(header().string("HX-Refresh", "true"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/login", "/css/quench.css", "/js/quench.js", "/webjars/htmx.org/dist/htmx.min.js",
			"/actuator/health" })
	void theLoginPageItsAssetsAndHealthAreOpen(String path) throws Exception {
		this.mvc.perform(get(path)).andExpect(status().isOk());
	}

	@Test
	void responsesCarryTheContentSecurityPolicyAndOtherHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
		assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).doesNotContain("unsafe-inline", "unsafe-eval");
	}

	@Test
	void aPostWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/login").param("username", "admin").param("password", "Bootstrap-Admin-Pw1"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/logout")).andExpect(status().isForbidden());
	}

	@Test
	void theBootstrapAdminLogsInWithTheConfiguredPasswordAndIsNotForcedToChangeIt() throws Exception {
		MvcResult login = this.mvc
			.perform(post("/login").param("username", "admin")
				.param("password", "Bootstrap-Admin-Pw1")
				.with(csrf())
				.with(from(freshAddress())))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) login.getRequest().getSession();
		this.mvc.perform(get("/suspects").session(session)).andExpect(status().isOk());
		this.mvc.perform(get("/admin/users").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("admin")));
	}

	@Test
	void theSixthAttemptAfterFiveWrongPasswordsIsRefusedEvenWithTheRightPassword() throws Exception {
		// an admin
		String victim = "victim" + NEXT_ADDRESS.get();
		String password = createOperator(victim);
		for (int i = 0; i < 5; i++) {
			this.mvc
				.perform(post("/login").param("username", victim)
					.param("password", "wrong-" + i)
					.with(csrf())
					.with(from(freshAddress())))
				.andExpect(redirectedUrl("/login?error"));
		}
		MvcResult refused = this.mvc
			.perform(post("/login").param("username", victim)
				.param("password", password)
				.with(csrf())
				.with(from(freshAddress())))
			.andExpect(redirectedUrl("/login?error"))
			.andReturn();
		this.mvc.perform(get("/login").param("error", "").session((MockHttpSession) refused.getRequest().getSession()))
			.andExpect(content().string(containsString("Too many failed logins")));
	}

	@Test
	void fiveFailuresFromOneAddressRefuseThatAddressForOtherUsers() throws Exception {
		String sprayer = freshAddress();
		String innocent = "innocent" + NEXT_ADDRESS.get();
		String password = createOperator(innocent);
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(post("/login").param("username", "sprayed" + i)
				.param("password", "guess")
				.with(csrf())
				.with(from(sprayer)));
		}
		this.mvc.perform(
				post("/login").param("username", innocent).param("password", password).with(csrf()).with(from(sprayer)))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc
			.perform(post("/login").param("username", innocent)
				.param("password", password)
				.with(csrf())
				.with(from(freshAddress())))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void aWrongPasswordSaysSoWithoutTellingWhetherTheUserExists() throws Exception {
		MvcResult unknown = this.mvc
			.perform(post("/login").param("username", "nobody-here")
				.param("password", "whatever-password")
				.with(csrf())
				.with(from(freshAddress())))
			.andReturn();
		MvcResult known = this.mvc
			.perform(post("/login").param("username", "admin")
				.param("password", "whatever-password")
				.with(csrf())
				.with(from(freshAddress())))
			.andReturn();
		String unknownPage = this.mvc
			.perform(get("/login").param("error", "").session((MockHttpSession) unknown.getRequest().getSession()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String knownPage = this.mvc
			.perform(get("/login").param("error", "").session((MockHttpSession) known.getRequest().getSession()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(unknownPage).contains("Wrong user name or password.");
		assertThat(knownPage).contains("Wrong user name or password.");
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aViewerCallingAnAdminServiceMethodIsRefused() {
		assertThatThrownBy(() -> this.operators.create("sneaky", Role.ADMIN, "viewer"))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	@WithMockUser(roles = "APPROVER")
	void anApproverCallingAnAdminServiceMethodIsRefused() {
		assertThatThrownBy(() -> this.operators.list()).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aViewerCallingAnAdminEndpointGets403() throws Exception {
		String name = "viewer" + NEXT_ADDRESS.get();
		String temporary = asAdmin(() -> this.operators.create(name, Role.VIEWER, "admin").password());
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(post("/login").param("username", name)
				.param("password", temporary)
				.with(csrf())
				.with(from(freshAddress())))
			.andReturn()
			.getRequest()
			.getSession();
		session = (MockHttpSession) this.mvc
			.perform(post("/account/password").session(session)
				.param("currentPassword", temporary)
				.param("newPassword", "Viewer-Chosen-Pw-7")
				.param("confirmPassword", "Viewer-Chosen-Pw-7")
				.with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession();
		this.mvc.perform(get("/suspects").session(session)).andExpect(status().isOk());
		this.mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/admin/users").session(session).param("username", "x2").param("role", "ADMIN").with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void logoutIsAPostThatEndsTheSession() throws Exception {
		MvcResult login = this.mvc
			.perform(post("/login").param("username", "admin")
				.param("password", "Bootstrap-Admin-Pw1")
				.with(csrf())
				.with(from(freshAddress())))
			.andReturn();
		MockHttpSession session = (MockHttpSession) login.getRequest().getSession();
		this.mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void theSessionIdChangesAtLogin() throws Exception {
		MockHttpSession before = new MockHttpSession();
		String idBefore = before.getId();
		MvcResult login = this.mvc
			.perform(post("/login").session(before)
				.param("username", "admin")
				.param("password", "Bootstrap-Admin-Pw1")
				.with(csrf())
				.with(from(freshAddress())))
			.andReturn();
		assertThat(login.getRequest().getSession().getId()).isNotEqualTo(idBefore);
	}

	@Test
	void disablingAnOperatorEndsTheirOpenSessionAndARoleChangeAppliesAtOnce() throws Exception {
		String name = "session" + NEXT_ADDRESS.get();
		String password = createOperator(name);
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(post("/login").param("username", name)
				.param("password", password)
				.with(csrf())
				.with(from(freshAddress())))
			.andReturn()
			.getRequest()
			.getSession();
		long id = asAdmin(() -> this.operators.list()
			.stream()
			.filter((op) -> op.username().equals(name))
			.findFirst()
			.orElseThrow()
			.id());
		asAdmin(() -> {
			this.operators.changeRole(id, Role.ADMIN, "admin");
			return null;
		});
		// The temporary password still has to be changed first; the role is already the
		// new one.
		MockHttpSession changed = (MockHttpSession) this.mvc
			.perform(post("/account/password").session(session)
				.param("currentPassword", password)
				.param("newPassword", "Session-Test-Pw-42")
				.param("confirmPassword", "Session-Test-Pw-42")
				.with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession();
		this.mvc.perform(get("/admin/users").session(changed)).andExpect(status().isOk());

		asAdmin(() -> {
			this.operators.setEnabled(id, false, "admin");
			return null;
		});
		changed.removeAttribute(OperatorStatusFilter.class.getName() + ".checkedAt");
		this.mvc.perform(get("/suspects").session(changed)).andExpect(redirectedUrl("/login?disabled"));
		assertThat(changed.isInvalid()).isTrue();
	}

	private <T> T asAdmin(java.util.function.Supplier<T> action) {
		org.springframework.security.core.context.SecurityContextHolder.getContext()
			.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
				.authenticated("admin", null, java.util.List
					.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ADMIN"))));
		try {
			return action.get();
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}

	private String createOperator(String username) {
		org.springframework.security.core.context.SecurityContextHolder.getContext()
			.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
				.authenticated("admin", null, java.util.List
					.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ADMIN"))));
		try {
			return this.operators.create(username, Role.OPERATOR, "admin").password();
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}

}
