package io.quench.suspect;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quench.web.WebSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(RankingSettingsController.class)
@WebSliceTest
class RankingSettingsControllerTests {

	static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	RankingSettings settings;

	static List<RankingSettings.Setting> sample() {
		return List.of(new RankingSettings.Setting("human-logins-per-minute", "5", "10", true, "1", "10000", true),
				new RankingSettings.Setting("external-share", "0.9", "0.9", false, "0", "1", false));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void anAdminSeesEveryThresholdWithValueDefaultAndMeaning() throws Exception {
		given(this.settings.settings()).willReturn(sample());

		this.mvc.perform(get("/settings/ranking"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("aria-current=\"page\">Ranking settings</a>")))
			.andExpect(content().string(stringContainsInOrder("human-logins-per-minute",
					"More successful logins than this in one minute", "value=\"5\"", "10", "(changed)",
					"Reset human-logins-per-minute to default", "external-share", "value=\"0.9\"")));
	}

	@Test
	@WithMockUser(roles = "APPROVER")
	void nobodyButAnAdminSeesTheThresholds() throws Exception {
		this.mvc.perform(get("/settings/ranking")).andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aViewerCannotChangeAThreshold() throws Exception {
		this.mvc.perform(post("/settings/ranking").param("human-logins-per-minute", "5").with(csrf()))
			.andExpect(status().isForbidden());
		then(this.settings).should(never()).change(anyMap(), anyString());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void aChangeWithoutTheCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/settings/ranking").param("human-logins-per-minute", "5"))
			.andExpect(status().isForbidden());
		then(this.settings).should(never()).change(anyMap(), anyString());
	}

	@Test
	@WithMockUser(username = "root", roles = "ADMIN")
	void aChangeIsSavedByTheSignedInAdminAndShownAfterTheRedirect() throws Exception {
		RankingThresholdsChanged changed = new RankingThresholdsChanged("root",
				List.of(new RankingThresholdsChanged.Change("human-logins-per-minute", "10", "5", false)), T);
		given(this.settings.change(any(), any())).willReturn(changed);

		this.mvc
			.perform(post("/settings/ranking").param("human-logins-per-minute", "5")
				.param("external-share", "0.9")
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/settings/ranking"))
			.andExpect(flash().attribute("changes", changed.changes()));
		then(this.settings).should().change(Map.of("human-logins-per-minute", "5", "external-share", "0.9"), "root");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void aValueOutOfRangeIsABadRequestThatSaysTheRange() throws Exception {
		given(this.settings.change(any(), any()))
			.willThrow(new InvalidThresholdException(RankingThreshold.HUMAN_LOGINS_PER_MINUTE, "0"));
		given(this.settings.settings()).willReturn(sample());

		this.mvc
			.perform(post("/settings/ranking").param("human-logins-per-minute", "0")
				.header("HX-Request", "true")
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content()
				.string(containsString("human-logins-per-minute must be a number from 1 to 10000; nothing was saved.")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(containsString("value=\"0\"")));
	}

	@Test
	@WithMockUser(username = "root", roles = "ADMIN")
	void aResetPutsTheDefaultBack() throws Exception {
		RankingThresholdsChanged reset = new RankingThresholdsChanged("root",
				List.of(new RankingThresholdsChanged.Change("human-logins-per-minute", "5", "10", true)), T);
		given(this.settings.reset("human-logins-per-minute", "root")).willReturn(reset);
		given(this.settings.settings()).willReturn(sample());

		this.mvc
			.perform(post("/settings/ranking/reset").param("threshold", "human-logins-per-minute")
				.header("HX-Request", "true")
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("human-logins-per-minute: 5 \u2192 10 (reset to default)")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void resettingAnUnknownThresholdIsABadRequest() throws Exception {
		given(this.settings.reset(any(), any())).willThrow(new InvalidRankingQueryException("unknown threshold"));
		given(this.settings.settings()).willReturn(sample());

		this.mvc.perform(post("/settings/ranking/reset").param("threshold", "nope").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("There is no such threshold.")));
	}

}
