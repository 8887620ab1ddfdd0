package io.quench.suspect;

import java.time.Instant;
import java.util.List;

import io.quench.web.WebSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
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

@WebMvcTest(IdentityLinkController.class)
@WebSliceTest
class IdentityLinkControllerTests {

	static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

	static final String HOSTILE = "<script>alert(1)</script>";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	IdentityLinkService links;

	void someLinks() {
		given(this.links.links()).willReturn(List.of(
				new IdentityLink(2, "kd.spam@freemail.example", "kdubois", "same campaign " + HOSTILE, "alice", T, null,
						null, null),
				new IdentityLink(1, "jd-phone", "jdoe", "his phone", "alice", T, "bob", T.plusSeconds(3600),
						"wrong person")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aViewerSeesTheLinksWithTheirHistoryButNoForms() throws Exception {
		someLinks();
		this.mvc.perform(get("/suspects/links"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("<html")))
			.andExpect(content()
				.string(stringContainsInOrder("kd.spam@freemail.example", "kdubois", "alice, 2026-12-04 10:00 UTC",
						"active", "jd-phone", "jdoe", "removed by bob, 2026-12-04 11:00 UTC: wrong person")))
			.andExpect(content().string(containsString("same campaign &lt;script&gt;")))
			.andExpect(content().string(not(containsString(HOSTILE))))
			.andExpect(content().string(not(containsString("name=\"identifier\""))))
			.andExpect(content().string(not(containsString("/remove"))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void anOperatorGetsTheFormPrefilledFromTheSuspectsListAndARemoveFormPerActiveLink() throws Exception {
		someLinks();
		this.mvc.perform(get("/suspects/links").param("from", "kd.spam@freemail.example"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"identifier\"")))
			.andExpect(content().string(containsString("value=\"kd.spam@freemail.example\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("hx-post=\"/suspects/links/2/remove\"")))
			.andExpect(content().string(not(containsString("/suspects/links/1/remove"))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void anHtmxRequestGetsOnlyThePanel() throws Exception {
		someLinks();
		this.mvc.perform(get("/suspects/links").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"links-panel\"")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	@WithMockUser(username = "alice", roles = "OPERATOR")
	void aPlainLinkRedirectsBackWithWhoAndWhen() throws Exception {
		given(this.links.link("kd.spam@freemail.example", "kdubois", "same campaign", "alice"))
			.willReturn(new IdentityLinked(3, "kd.spam@freemail.example", "kdubois", "same campaign", "alice", T));
		this.mvc
			.perform(post("/suspects/links").param("identifier", "kd.spam@freemail.example")
				.param("account", "kdubois")
				.param("reason", "same campaign")
				.with(csrf()))
			.andExpect(redirectedUrl("/suspects/links"))
			.andExpect(flash().attributeExists("linked"));
		someLinks();
		this.mvc
			.perform(get("/suspects/links").flashAttr("linked",
					new IdentityLinked(3, "kd.spam@freemail.example", "kdubois", "same campaign", "alice", T)))
			.andExpect(content().string(
					containsString("kd.spam@freemail.example linked to kdubois by alice at 2026-12-04 10:00:00 UTC.")));
	}

	@Test
	@WithMockUser(username = "alice", roles = "OPERATOR")
	void anHtmxLinkAnswersThePanel() throws Exception {
		someLinks();
		given(this.links.link("jd", "jdoe", "phone", "alice"))
			.willReturn(new IdentityLinked(3, "jd", "jdoe", "phone", "alice", T));
		this.mvc
			.perform(post("/suspects/links").param("identifier", "jd")
				.param("account", "jdoe")
				.param("reason", "phone")
				.header("HX-Request", "true")
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"links-panel\"")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("jd linked to jdoe by alice")));
	}

	@Test
	@WithMockUser(username = "alice", roles = "OPERATOR")
	void anInvalidLinkIsA400WithTheMessageAndTheTypedValues() throws Exception {
		someLinks();
		given(this.links.link(anyString(), anyString(), anyString(), anyString()))
			.willThrow(new InvalidIdentityLinkException("links.invalid.unknownAccount", "no such account"));
		this.mvc
			.perform(post("/suspects/links").param("identifier", "x@spam.example")
				.param("account", "nobody")
				.param("reason", "why")
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("The directory has no account with that GroupWise id")))
			.andExpect(content().string(containsString("value=\"nobody\"")))
			.andExpect(content().string(containsString("value=\"x@spam.example\"")));
	}

	@Test
	@WithMockUser(username = "alice", roles = "OPERATOR")
	void removingALinkWithoutAReasonIsA400InThePanelAndAnUnknownLinkIs404() throws Exception {
		someLinks();
		given(this.links.unlink(2, null, "alice"))
			.willThrow(new InvalidIdentityLinkException("links.invalid.reason", "reason"));
		given(this.links.unlink(99, "why", "alice")).willThrow(new IdentityLinkNotFoundException(99));
		this.mvc.perform(post("/suspects/links/2/remove").header("HX-Request", "true").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("A reason of 1 to 1000 characters is required.")));
		this.mvc.perform(post("/suspects/links/99/remove").param("reason", "why").with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	@WithMockUser(username = "bob", roles = "OPERATOR")
	void aPlainRemovalRedirectsBack() throws Exception {
		given(this.links.unlink(2, "wrong person", "bob"))
			.willReturn(new IdentityUnlinked(2, "kd.spam@freemail.example", "kdubois", "wrong person", "bob", T));
		this.mvc.perform(post("/suspects/links/2/remove").param("reason", "wrong person").with(csrf()))
			.andExpect(redirectedUrl("/suspects/links"))
			.andExpect(flash().attributeExists("unlinked"));
	}

	@Test
	@WithMockUser(username = "viewer", roles = "VIEWER")
	void aViewerChangingALinkIsRefusedWith403() throws Exception {
		given(this.links.link(anyString(), anyString(), anyString(), anyString()))
			.willThrow(new AccessDeniedException("Access Denied"));
		given(this.links.unlink(anyLong(), anyString(), anyString()))
			.willThrow(new AccessDeniedException("Access Denied"));
		this.mvc
			.perform(post("/suspects/links").param("identifier", "x@spam.example")
				.param("account", "jdoe")
				.param("reason", "why")
				.header("HX-Request", "true")
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/suspects/links/2/remove").param("reason", "why").with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(username = "alice", roles = "OPERATOR")
	void aPostWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc
			.perform(post("/suspects/links").param("identifier", "x@spam.example")
				.param("account", "jdoe")
				.param("reason", "why"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/suspects/links/2/remove").param("reason", "why")).andExpect(status().isForbidden());
		then(this.links).should(never()).link(any(), any(), any(), any());
		then(this.links).should(never()).unlink(anyLong(), any(), any());
	}

}
