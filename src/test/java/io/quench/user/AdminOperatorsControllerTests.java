package io.quench.user;

import java.time.Instant;
import java.util.List;

import io.quench.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AdminOperatorsController.class)
@WebSliceTest
class AdminOperatorsControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OperatorService operators;

	@BeforeEach
	void someOperators() {
		WebSliceTest.SliceBeans.signedInOperatorsStayActive(this.operators);
		Instant t = Instant.parse("2026-12-04T10:00:00Z");
		given(this.operators.list()).willReturn(List.of(new OperatorView(1, "admin", Role.ADMIN, true, false, t, t),
				new OperatorView(2, "<b>eve</b>", Role.VIEWER, false, true, t, t)));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void anAdminGetsTheFullPageWithLayoutAndEscapedNames() throws Exception {
		this.mvc.perform(get("/admin/users"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("<nav")))
			.andExpect(content().string(containsString("&lt;b&gt;eve&lt;/b&gt;")))
			.andExpect(content().string(not(containsString("<b>eve</b>"))));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void anHtmxRequestGetsOnlyThePanelFragment() throws Exception {
		this.mvc.perform(get("/admin/users").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"operators-panel\"")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(not(containsString("<nav"))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aViewerIsRefused() throws Exception {
		this.mvc.perform(get("/admin/users")).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/users").param("username", "x1").param("role", "ADMIN").with(csrf()))
			.andExpect(status().isForbidden());
		then(this.operators).should(never()).create(any(), any(), any());
	}

	@Test
	@WithMockUser(roles = "APPROVER")
	void anApproverIsRefusedToo() throws Exception {
		this.mvc.perform(get("/admin/users")).andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void aPostWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/admin/users").param("username", "newbie").param("role", "VIEWER"))
			.andExpect(status().isForbidden());
		then(this.operators).should(never()).create(any(), any(), any());
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void creatingOverHtmxShowsTheTemporaryPasswordOnceInThePanel() throws Exception {
		given(this.operators.create("newbie", Role.OPERATOR, "admin"))
			.willReturn(new OperatorService.TemporaryPassword("newbie", "Temp0rary-Secret"));
		this.mvc
			.perform(post("/admin/users").param("username", "newbie")
				.param("role", "OPERATOR")
				.header("HX-Request", "true")
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Temp0rary-Secret")))
			.andExpect(content().string(containsString("Operator added.")));
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void creatingWithAPlainFormRedirectsBackWithAFlash() throws Exception {
		given(this.operators.create("newbie", Role.VIEWER, "admin"))
			.willReturn(new OperatorService.TemporaryPassword("newbie", "Temp0rary-Secret"));
		this.mvc.perform(post("/admin/users").param("username", "newbie").param("role", "VIEWER").with(csrf()))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("flashKey", "operator.created"));
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void aBrokenRuleIsShownAsAnErrorWithStatus400() throws Exception {
		given(this.operators.create(eq("admin"), any(), any()))
			.willThrow(new OperatorRuleViolation("operator.duplicate"));
		this.mvc
			.perform(post("/admin/users").param("username", "admin")
				.param("role", "VIEWER")
				.header("HX-Request", "true")
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("exists already")));
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void disablingAndResettingCallTheService() throws Exception {
		given(this.operators.resetPassword(2, "admin"))
			.willReturn(new OperatorService.TemporaryPassword("eve", "N3w-Temporary-Pw"));
		this.mvc.perform(post("/admin/users/2/enabled").param("enabled", "false").with(csrf()))
			.andExpect(redirectedUrl("/admin/users"));
		then(this.operators).should().setEnabled(2, false, "admin");
		this.mvc.perform(post("/admin/users/2/password").header("HX-Request", "true").with(csrf()))
			.andExpect(content().string(containsString("N3w-Temporary-Pw")));
		this.mvc.perform(post("/admin/users/2/role").param("role", "APPROVER").with(csrf()))
			.andExpect(redirectedUrl("/admin/users"));
		then(this.operators).should().changeRole(2, Role.APPROVER, "admin");
	}

	@Test
	void anAnonymousHtmxRequestMakesThePageReload() throws Exception {
		this.mvc.perform(get("/admin/users").header("HX-Request", "true"))
			.andExpect(header().string("HX-Refresh", "true"));
	}

}
