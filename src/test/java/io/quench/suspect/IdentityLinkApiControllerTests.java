package io.quench.suspect;

import java.time.Instant;
import java.util.List;

import io.quench.web.WebSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(IdentityLinkApiController.class)
@WebSliceTest
class IdentityLinkApiControllerTests {

	static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	IdentityLinkService links;

	@Test
	@WithMockUser(roles = "VIEWER")
	void listsTheLinksWithTheirHistory() throws Exception {
		given(this.links.links()).willReturn(List.of(
				new IdentityLink(2, "kd.spam@freemail.example", "kdubois", "same campaign", "alice", T, null, null,
						null),
				new IdentityLink(1, "jd-phone", "jdoe", "his phone", "alice", T, "bob", T.plusSeconds(60), "wrong")));
		this.mvc.perform(get("/api/v1/identity-links"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].identifier").value("kd.spam@freemail.example"))
			.andExpect(jsonPath("$[0].account").value("kdubois"))
			.andExpect(jsonPath("$[0].active").value(true))
			.andExpect(jsonPath("$[0].linkedAt").value("2026-12-04T10:00:00Z"))
			.andExpect(jsonPath("$[1].active").value(false))
			.andExpect(jsonPath("$[1].removedBy").value("bob"))
			.andExpect(jsonPath("$[1].removalReason").value("wrong"));
	}

	@Test
	void withoutASessionIts401() throws Exception {
		this.mvc.perform(get("/api/v1/identity-links")).andExpect(status().isUnauthorized());
	}

}
