package io.quench.sender;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.quench.census.KbCounts;
import io.quench.source.Source;
import io.quench.source.SourceKind;
import io.quench.source.SourceService;
import io.quench.web.WebSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(KbCountController.class)
@WebSliceTest
class KbCountControllerTests {

	static final String HOSTILE = "<script>alert(1)</script>@evil.example";

	static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

	static final Source QUEUE = new Source(3, "GWIA queue", SourceKind.QUEUE, Path.of("/srv/gwia"), ZoneOffset.UTC,
			null, false, true);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	KbCountService counts;

	@MockitoBean
	SourceService sources;

	static KbCounts sample() {
		return KbCounts.of(Map.of("spam@a.example", 17_030L, "victim@b.example", 3L, HOSTILE, 1L),
				Map.of("spam@a.example", 1_200L, "=cmd@c.example", 2L), 18_236, 1);
	}

	static KbState counted() {
		return new KbState(QUEUE, false, false, 0, 18_236, T, sample(), T.plusSeconds(20), null);
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theKbViewShowsSendDeferAndBothPerAddressHighestFirstEscapedAndExplained() throws Exception {
		given(this.counts.queueSources()).willReturn(List.of(QUEUE));
		given(this.counts.state(QUEUE)).willReturn(counted());

		this.mvc.perform(get("/senders").param("counts", "kb"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("aria-current=\"page\">KB &lt;EmailAddress&gt; counts</a>")))
			.andExpect(content().string(containsString("recipients too")))
			.andExpect(content().string(stringContainsInOrder("spam@a.example", "17,030", "1,200", "18,230",
					"victim@b.example", "3", "0", "3", "=cmd@c.example", "&lt;script&gt;")))
			.andExpect(content().string(containsString("4 addresses, page 1 of 1")))
			.andExpect(content().string(containsString("href=\"/senders.csv?counts=kb&amp;source=3\"")))
			.andExpect(content().string(containsString("id=\"provisional\"")))
			.andExpect(content().string(not(containsString("hx-trigger=\"every 2s\""))))
			.andExpect(content().string(not(containsString(HOSTILE))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void whileCountingThePanelShowsProgressAndPollsItself() throws Exception {
		given(this.counts.queueSources()).willReturn(List.of(QUEUE));
		given(this.counts.state(QUEUE))
			.willReturn(new KbState(QUEUE, true, true, 120_000, 1_000_000, T, null, null, null));

		this.mvc.perform(get("/senders").param("counts", "kb").param("source", "3").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("Counting: 120,000 of ~1,000,000 files read")))
			.andExpect(content().string(containsString("hx-trigger=\"every 2s\"")))
			.andExpect(content().string(containsString("hx-get=\"/senders?counts=kb&amp;source=3\"")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theDomainFilterAndPagingApplyToTheCountedAddresses() throws Exception {
		given(this.counts.queueSources()).willReturn(List.of(QUEUE));
		given(this.counts.state(QUEUE)).willReturn(counted());

		this.mvc.perform(get("/senders").param("counts", "kb").param("domain", "B.EX").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("victim@b.example")))
			.andExpect(content().string(not(containsString("spam@a.example"))))
			.andExpect(content().string(containsString("1 addresses, page 1 of 1")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void anUnknownSourceIsABadRequest() throws Exception {
		given(this.counts.queueSources()).willReturn(List.of(QUEUE));

		this.mvc.perform(get("/senders").param("counts", "kb").param("source", "99"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("No such queue source")));
		then(this.counts).should(never()).state(any());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theCsvHasEveryMatchingAddressAndGuardsFormulas() throws Exception {
		given(this.counts.queueSources()).willReturn(List.of(QUEUE));
		given(this.counts.state(QUEUE)).willReturn(counted());

		this.mvc.perform(get("/senders.csv").param("counts", "kb"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(content().string(stringContainsInOrder("address,send,defer,total\r\n",
					"\"spam@a.example\",\"17030\",\"1200\",\"18230\"\r\n", "\"'=cmd@c.example\",\"0\",\"2\",\"2\"")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theCsvOfACountNotFinishedIsAConflict() throws Exception {
		given(this.counts.queueSources()).willReturn(List.of(QUEUE));
		given(this.counts.state(QUEUE)).willReturn(new KbState(QUEUE, true, true, 10, 100, T, null, null, null));

		this.mvc.perform(get("/senders.csv").param("counts", "kb")).andExpect(status().isConflict());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aRefreshNeedsTheCsrfToken() throws Exception {
		this.mvc.perform(post("/senders/kb-counts/refresh").param("source", "3")).andExpect(status().isForbidden());
		then(this.counts).should(never()).refresh(3);
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aRefreshDropsTheCountsAndRedirectsBack() throws Exception {
		given(this.sources.get(3)).willReturn(QUEUE);

		this.mvc.perform(post("/senders/kb-counts/refresh").param("source", "3").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/senders?counts=kb&source=3"));
		then(this.counts).should().refresh(3);
	}

}
