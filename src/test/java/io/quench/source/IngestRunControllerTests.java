package io.quench.source;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import io.quench.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(IngestRunController.class)
@WebSliceTest
class IngestRunControllerTests {

	static final String HOSTILE = "<script>alert(1)</script>";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SourceService sources;

	@BeforeEach
	void aSource() {
		given(this.sources.get(1)).willReturn(new Source(1, "GWIA queue", SourceKind.QUEUE, Path.of("/srv/gwia"),
				ZoneId.of("UTC"), null, false, true));
	}

	static IngestRun running(boolean cancelRequested) {
		Instant started = Instant.now().minusSeconds(10);
		return new IngestRun(5, 1, IngestRun.Status.RUNNING, "operator", started, null, started, cancelRequested, 40,
				12, 4 * 1048576L, 1048576L, 10, 1, 1, 0, 0, "120 spammer@example.org\n7 " + HOSTILE, null);
	}

	static IngestRun finished() {
		Instant started = Instant.parse("2026-12-04T10:00:00Z");
		return new IngestRun(5, 1, IngestRun.Status.SUCCEEDED, "system", started, started.plusSeconds(65),
				started.plusSeconds(65), false, 40, 40, 4 * 1048576L, 4 * 1048576L, 38, 2, 0, 0, 0,
				"120 spammer@example.org", null);
	}

	static List<IngestError> errors(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> new IngestError("send/file" + i + ".001", "Truncated envelope " + i, Instant.EPOCH))
			.toList();
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aPlainRequestGetsTheFullRunPageWithProgressText() throws Exception {
		given(this.sources.run(5)).willReturn(running(false));
		given(this.sources.errors(5, 0, 51)).willReturn(List.of());
		this.mvc.perform(get("/sources/runs/5"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("Scan 5 of GWIA queue")))
			.andExpect(content().string(containsString("<progress id=\"run-progress\" max=\"100\" value=\"25\"")))
			.andExpect(content().string(containsString("12 of 40 files, 1.0 of 4.0 MiB")))
			.andExpect(content().string(containsString("aria-valuetext=\"12 of 40 files")))
			.andExpect(content().string(containsString("spammer@example.org")))
			.andExpect(content().string(containsString("No problems.")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theFragmentOfARunningScanPollsItselfEverySecond() throws Exception {
		given(this.sources.run(5)).willReturn(running(false));
		given(this.sources.errors(5, 0, 51)).willReturn(List.of());
		this.mvc.perform(get("/sources/runs/5").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("id=\"run-panel\"")))
			.andExpect(content().string(containsString("hx-get=\"/sources/runs/5\"")))
			.andExpect(content().string(containsString("hx-trigger=\"every 1s\"")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theFragmentOfAFinishedScanNoLongerPolls() throws Exception {
		given(this.sources.run(5)).willReturn(finished());
		given(this.sources.errors(5, 0, 51)).willReturn(List.of());
		this.mvc.perform(get("/sources/runs/5").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"run-panel\"")))
			.andExpect(content().string(containsString("finished")))
			.andExpect(content().string(containsString("0:01:05")))
			.andExpect(content().string(not(containsString("hx-trigger"))))
			.andExpect(content().string(not(containsString("hx-get"))))
			.andExpect(content().string(not(containsString("Cancel scan"))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void errorsComeFiftyToAPageWithLinksToTheNeighbours() throws Exception {
		given(this.sources.run(5)).willReturn(finished());
		given(this.sources.errors(5, 50, 51)).willReturn(errors(51));
		this.mvc.perform(get("/sources/runs/5").param("errorsPage", "2"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Truncated envelope 49")))
			.andExpect(content().string(not(containsString("Truncated envelope 50"))))
			.andExpect(content().string(containsString("Page 2")))
			.andExpect(content().string(containsString("href=\"/sources/runs/5?errorsPage=1\"")))
			.andExpect(content().string(containsString("href=\"/sources/runs/5?errorsPage=3\"")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theLastPageOfErrorsHasNoNextLinkAndARunningScanKeepsThePageWhilePolling() throws Exception {
		given(this.sources.run(5)).willReturn(running(false));
		given(this.sources.errors(5, 100, 51)).willReturn(errors(3));
		this.mvc.perform(get("/sources/runs/5").param("errorsPage", "3").header("HX-Request", "true"))
			.andExpect(content().string(containsString("hx-get=\"/sources/runs/5?errorsPage=3\"")))
			.andExpect(content().string(containsString("errorsPage=2")))
			.andExpect(content().string(not(containsString("errorsPage=4"))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void hostileErrorReasonsAndSendersComeOutEscaped() throws Exception {
		given(this.sources.run(5)).willReturn(running(false));
		given(this.sources.errors(5, 0, 51))
			.willReturn(List.of(new IngestError("send/" + HOSTILE, HOSTILE, Instant.EPOCH)));
		this.mvc.perform(get("/sources/runs/5"))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString(HOSTILE))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aViewerSeesNoCancelButtonAndCannotCancel() throws Exception {
		given(this.sources.run(5)).willReturn(running(false));
		given(this.sources.errors(5, 0, 51)).willReturn(List.of());
		willThrow(new AccessDeniedException("Access Denied")).given(this.sources).cancel(anyLong(), anyString());
		this.mvc.perform(get("/sources/runs/5")).andExpect(content().string(not(containsString("Cancel scan"))));
		this.mvc.perform(post("/sources/runs/5/cancel").with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(username = "operator", roles = "OPERATOR")
	void anOperatorCancelsARunningScan() throws Exception {
		given(this.sources.run(5)).willReturn(running(false), running(true));
		given(this.sources.errors(5, 0, 51)).willReturn(List.of());
		this.mvc.perform(get("/sources/runs/5").header("HX-Request", "true"))
			.andExpect(content().string(containsString("hx-post=\"/sources/runs/5/cancel\"")));
		this.mvc.perform(post("/sources/runs/5/cancel").header("HX-Request", "true").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Cancelling")))
			.andExpect(content().string(not(containsString("Cancel scan"))));
		then(this.sources).should().cancel(5, "operator");
		this.mvc.perform(post("/sources/runs/5/cancel").with(csrf())).andExpect(redirectedUrl("/sources/runs/5"));
	}

	@Test
	@WithMockUser(username = "operator", roles = "OPERATOR")
	void cancellingWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/sources/runs/5/cancel")).andExpect(status().isForbidden());
		then(this.sources).should(never()).cancel(anyLong(), anyString());
	}

	@Test
	void topSenderLinesBecomeAddressesWithCounts() {
		assertThat(IngestRunController.topSenders("120 a@example.org\n7 b@example.org\nbroken\n"))
			.containsExactly(new SenderCount("a@example.org", 120), new SenderCount("b@example.org", 7));
	}

}
