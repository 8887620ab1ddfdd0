package io.quench.source;

import java.time.Instant;
import java.util.List;

import io.quench.web.WebSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(IngestingController.class)
@WebSliceTest
class IngestingControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SourceService sources;

	@Test
	@WithMockUser(roles = "VIEWER")
	void whileAScanRunsTheBannerSaysTheNumbersAreProvisionalAndKeepsPolling() throws Exception {
		given(this.sources.running()).willReturn(List.of(new RunningIngest(1, "<b>GWIA</b> queue", SourceKind.QUEUE, 9,
				120_000, 0, Instant.parse("2026-12-04T10:00:00Z"))));

		this.mvc.perform(get("/sources/ingesting").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"Provisional: ingesting &lt;b&gt;GWIA&lt;/b&gt; queue (120,000 files so far) \u2014 numbers will change.")))
			.andExpect(content().string(containsString("hx-trigger=\"every 5s\"")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void withoutAScanTheBannerIsEmptyButStillPolls() throws Exception {
		given(this.sources.running()).willReturn(List.of());

		this.mvc.perform(get("/sources/ingesting").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Provisional"))))
			.andExpect(content().string(containsString("hx-trigger=\"every 5s\"")));
	}

	@Test
	void anAnonymousHtmxPollIsToldToReload() throws Exception {
		this.mvc.perform(get("/sources/ingesting").header("HX-Request", "true"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("HX-Refresh", "true"));
	}

}
