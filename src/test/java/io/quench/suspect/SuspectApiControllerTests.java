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

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(SuspectApiController.class)
@WebSliceTest
class SuspectApiControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SuspectService suspects;

	@Test
	void anAnonymousClientGets401() throws Exception {
		this.mvc.perform(get("/api/v1/suspects")).andExpect(status().isUnauthorized());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aViewerGetsTheRankedSuspectsWithReasonsAndNumbers() throws Exception {
		SuspectEvidence evidence = new SuspectEvidence(18_230, 2_100, 0.115, 40_000, 39_000, 9_102, 0.96, 0.91,
				"Ihre Rechnung Nr. #", 240, Instant.parse("2026-11-28T08:00:00Z"),
				Instant.parse("2026-11-30T17:00:00Z"), 14_000, 47, 312, 31, 29, 0, 18_230, 0, List.of("imap", "soap"));
		given(this.suspects.ranking(any()))
			.willReturn(List.of(new Suspect("jdoe", true, List.of("john.doe@example.org"), 11, 6, 5, true, Verdict.NEW,
					List.of("peak 47 logins/min, 312 minutes above 10/min: not a human"), evidence)));

		this.mvc.perform(get("/api/v1/suspects").param("from", "2026-11-28T00:00:00Z"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].account").value("jdoe"))
			.andExpect(jsonPath("$[0].addresses[0]").value("john.doe@example.org"))
			.andExpect(jsonPath("$[0].score").value(11))
			.andExpect(jsonPath("$[0].likelyCompromised").value(true))
			.andExpect(jsonPath("$[0].verdict").value("NEW"))
			.andExpect(jsonPath("$[0].reasons[0]").value("peak 47 logins/min, 312 minutes above 10/min: not a human"))
			.andExpect(jsonPath("$[0].evidence.queued").value(18_230))
			.andExpect(jsonPath("$[0].evidence.peakLoginsPerMinute").value(47))
			.andExpect(jsonPath("$[0].evidence.firstQueued").value("2026-11-28T08:00:00Z"))
			.andExpect(jsonPath("$[0].provisional").value(false))
			.andExpect(jsonPath("$[0].suspect").doesNotExist());
		then(this.suspects).should().ranking(new RankingQuery(Instant.parse("2026-11-28T00:00:00Z"), null));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void duringAScanEverySuspectIsMarkedProvisional() throws Exception {
		given(this.suspects.ranking(any()))
			.willReturn(List.of(new Suspect("jdoe", true, List.of(), 6, 6, 0, false, Verdict.NEW, List.of(), null),
					new Suspect("asmith", true, List.of(), 1, 1, 0, false, Verdict.NEW, List.of(), null)));
		given(this.suspects.provisional()).willReturn(true);

		this.mvc.perform(get("/api/v1/suspects"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].account").value("jdoe"))
			.andExpect(jsonPath("$[0].provisional").value(true))
			.andExpect(jsonPath("$[1].provisional").value(true));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aWindowThatEndsBeforeItStartsIsABadRequest() throws Exception {
		this.mvc
			.perform(get("/api/v1/suspects").param("from", "2026-11-30T00:00:00Z").param("to", "2026-11-28T00:00:00Z"))
			.andExpect(status().isBadRequest());
	}

}
