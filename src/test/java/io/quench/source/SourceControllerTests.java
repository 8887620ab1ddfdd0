package io.quench.source;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.quench.web.WebSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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

@WebMvcTest(SourceController.class)
@WebSliceTest
class SourceControllerTests {

	static final String HOSTILE = "<script>alert(1)</script>";

	static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SourceService sources;

	static Source source(long id, String name, SourceKind kind, boolean declared) {
		return new Source(id, name, kind, Path.of("/srv/gwia/" + id), ZoneId.of("Europe/Amsterdam"),
				(id % 2 == 0) ? Duration.ofSeconds(60) : null, declared, true);
	}

	static IngestRun finishedRun(long id, long sourceId) {
		return new IngestRun(id, sourceId, IngestRun.Status.SUCCEEDED, "operator", T, T.plusSeconds(65),
				T.plusSeconds(65), false, 12, 12, 4096, 4096, 10, 1, 2, 0, 0, "", null);
	}

	void someSources() {
		given(this.sources.overview())
			.willReturn(List.of(new SourceOverview(source(1, HOSTILE, SourceKind.QUEUE, false), finishedRun(7, 1)),
					new SourceOverview(source(2, "POA logs", SourceKind.POA_LOG, true), null)));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aPlainRequestGetsTheFullPageWithTheSourcesAndEscapedNames() throws Exception {
		someSources();
		this.mvc.perform(get("/sources"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("<nav")))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString(HOSTILE))))
			.andExpect(content().string(containsString("every 60 s")))
			.andExpect(content().string(containsString("manual")))
			.andExpect(content().string(containsString("declared")))
			.andExpect(content().string(containsString("never scanned")))
			.andExpect(content().string(containsString("12/12 files, 10 stored, 1 failed")))
			.andExpect(content().string(containsString("href=\"/sources/runs/7\"")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void anHtmxRequestGetsOnlyThePanelFragment() throws Exception {
		someSources();
		this.mvc.perform(get("/sources").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("id=\"sources-panel\"")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(not(containsString("<nav"))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void withoutSourcesTheEmptyStateSaysHowToAddOne() throws Exception {
		given(this.sources.overview()).willReturn(List.of());
		this.mvc.perform(get("/sources"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No sources configured")))
			.andExpect(content().string(containsString("quench.sources")))
			.andExpect(content().string(not(containsString("<table"))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aViewerSeesNeitherTheAddFormNorAnyButton() throws Exception {
		someSources();
		this.mvc.perform(get("/sources"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Add a source"))))
			.andExpect(content().string(not(containsString("Scan now"))))
			.andExpect(content().string(not(containsString("Remove"))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void anOperatorSeesScanNowButNotTheAdminControls() throws Exception {
		someSources();
		this.mvc.perform(get("/sources"))
			.andExpect(content().string(containsString("Scan now")))
			.andExpect(content().string(not(containsString("Add a source"))))
			.andExpect(content().string(not(containsString("Remove"))));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void anAdminSeesTheAddFormAndRemoveOnlyForSourcesAddedInTheConsole() throws Exception {
		someSources();
		this.mvc.perform(get("/sources"))
			.andExpect(content().string(containsString("Add a source")))
			.andExpect(content().string(containsString("Scan now")))
			.andExpect(content().string(containsString("hx-post=\"/sources/1/remove\"")))
			.andExpect(content().string(containsString("hx-confirm=\"Remove the source &lt;script&gt;")))
			.andExpect(content().string(not(containsString("/sources/2/remove"))))
			.andExpect(content().string(containsString("read-only")))
			.andExpect(content().string(containsString("<label for=\"source-zone\"")));
	}

	@Test
	@WithMockUser(username = "viewer", roles = "VIEWER")
	void aViewerPostingANewSourceIsRefusedWith403() throws Exception {
		given(this.sources.add(any(), anyString())).willThrow(new AccessDeniedException("Access Denied"));
		this.mvc
			.perform(post("/sources").param("name", "queue")
				.param("kind", "QUEUE")
				.param("path", "/srv/gwia")
				.param("zone", "UTC")
				.param("rescan", "manual")
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void aPostWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/sources").param("name", "queue").param("kind", "QUEUE").param("path", "/srv/gwia"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/sources/1/scan")).andExpect(status().isForbidden());
		then(this.sources).should(never()).add(any(), any());
		then(this.sources).should(never()).scan(anyLong(), any());
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void addingOverHtmxAnswersThePanelWithAConfirmation() throws Exception {
		someSources();
		this.mvc
			.perform(post("/sources").param("name", "queue")
				.param("kind", "QUEUE")
				.param("path", "/srv/gwia")
				.param("zone", "Europe/Amsterdam")
				.param("rescan", "60")
				.header("HX-Request", "true")
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Source added.")))
			.andExpect(content().string(not(containsString("<html"))));
		then(this.sources).should()
			.add(new SourceDefinition("queue", SourceKind.QUEUE, Path.of("/srv/gwia"), ZoneId.of("Europe/Amsterdam"),
					Duration.ofSeconds(60)), "admin");
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void addingWithAPlainFormRedirectsBackWithAFlash() throws Exception {
		this.mvc
			.perform(post("/sources").param("name", "queue")
				.param("kind", "GWIA_LOG")
				.param("path", "/srv/gwia/000.prc")
				.param("zone", "UTC")
				.param("rescan", "manual")
				.with(csrf()))
			.andExpect(redirectedUrl("/sources"))
			.andExpect(flash().attribute("flashKey", "source.added"));
		then(this.sources).should()
			.add(new SourceDefinition("queue", SourceKind.GWIA_LOG, Path.of("/srv/gwia/000.prc"), ZoneId.of("UTC"),
					null), "admin");
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void aRuleTheServiceEnforcesIsShownInThePanelWithStatus400() throws Exception {
		someSources();
		given(this.sources.add(any(), anyString())).willThrow(new SourceRuleViolation("source.queueNotFolder"));
		this.mvc
			.perform(post("/sources").param("name", "queue")
				.param("kind", "QUEUE")
				.param("path", "/nowhere")
				.param("zone", "UTC")
				.param("rescan", "manual")
				.header("HX-Request", "true")
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("must be an existing folder")))
			.andExpect(content().string(containsString("value=\"/nowhere\"")));
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void aBadZoneATooShortRescanAndAMissingNameAreRefusedWithTheirMessages() throws Exception {
		someSources();
		this.mvc
			.perform(post("/sources").param("name", "queue")
				.param("kind", "QUEUE")
				.param("path", "/srv/gwia")
				.param("zone", "Mars/Olympus")
				.param("rescan", "manual")
				.header("HX-Request", "true")
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Unknown time zone")));
		this.mvc
			.perform(post("/sources").param("name", "queue")
				.param("kind", "QUEUE")
				.param("path", "/srv/gwia")
				.param("zone", "UTC")
				.param("rescan", "5")
				.header("HX-Request", "true")
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("at least 10 seconds apart")));
		this.mvc
			.perform(post("/sources").param("name", " ")
				.param("kind", "QUEUE")
				.param("path", "/srv/gwia")
				.header("HX-Request", "true")
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("1 to 100 characters")));
		then(this.sources).should(never()).add(any(), any());
	}

	@Test
	@WithMockUser(username = "operator", roles = "OPERATOR")
	void anOperatorStartingAScanIsRedirectedToTheRunPage() throws Exception {
		given(this.sources.scan(1, "operator")).willReturn(42L);
		this.mvc.perform(post("/sources/1/scan").with(csrf())).andExpect(redirectedUrl("/sources/runs/42"));
	}

	@Test
	@WithMockUser(username = "operator", roles = "OPERATOR")
	void anHtmxScanAnswersWithAnHxRedirectToTheRunPage() throws Exception {
		given(this.sources.scan(1, "operator")).willReturn(42L);
		this.mvc.perform(post("/sources/1/scan").header("HX-Request", "true").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Redirect", "/sources/runs/42"));
	}

	@Test
	@WithMockUser(username = "operator", roles = "OPERATOR")
	void aRefusedHtmxScanShowsTheReasonInTheFlashRegionWithStatus400() throws Exception {
		given(this.sources.scan(1, "operator")).willThrow(new SourceRuleViolation("source.disabled"));
		this.mvc.perform(post("/sources/1/scan").header("HX-Request", "true").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("HX-Retarget", "#flash"))
			.andExpect(content().string(containsString("This source is disabled")));
	}

	@Test
	@WithMockUser(username = "viewer", roles = "VIEWER")
	void aViewerStartingAScanIsRefusedWith403() throws Exception {
		given(this.sources.scan(anyLong(), anyString())).willThrow(new AccessDeniedException("Access Denied"));
		this.mvc.perform(post("/sources/1/scan").header("HX-Request", "true").with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void removingADeclaredSourceIsRefusedAndEnablingCallsTheService() throws Exception {
		someSources();
		given(this.sources.overview()).willReturn(List.of());
		org.mockito.BDDMockito.willThrow(new SourceRuleViolation("source.declaredReadOnly"))
			.given(this.sources)
			.remove(2, "admin");
		this.mvc.perform(post("/sources/2/remove").header("HX-Request", "true").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("change it there")));
		this.mvc.perform(post("/sources/2/enabled").param("enabled", "false").with(csrf()))
			.andExpect(redirectedUrl("/sources"))
			.andExpect(flash().attribute("flashKey", "source.disabledDone"));
		then(this.sources).should().setEnabled(2, false, "admin");
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theSourcePageShowsDefinitionHistoryAndEscapedUnmatchedLines() throws Exception {
		given(this.sources.get(2)).willReturn(source(2, "POA logs", SourceKind.POA_LOG, true));
		given(this.sources.runs(2, SourceController.HISTORY)).willReturn(List.of(finishedRun(7, 2)));
		given(this.sources.unmatchedShapes(2, SourceController.SHAPES))
			.willReturn(List.of(new UnmatchedShape("<n> " + HOSTILE, 3, "12 " + HOSTILE)));
		this.mvc.perform(get("/sources/2"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(allOf(containsString("Europe/Amsterdam"), containsString("every 60 s"),
					containsString("Latest scans"), containsString("0:01:05"),
					containsString("Unrecognised log lines"))))
			.andExpect(content().string(containsString("12 &lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString(HOSTILE))))
			.andExpect(content().string(not(containsString("Scan now"))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void theSourcePageAsFragmentForHtmx() throws Exception {
		given(this.sources.get(1)).willReturn(source(1, "queue", SourceKind.QUEUE, false));
		given(this.sources.runs(1, SourceController.HISTORY)).willReturn(List.of());
		this.mvc.perform(get("/sources/1").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"source-panel\"")))
			.andExpect(content().string(containsString("Scan now")))
			.andExpect(content().string(containsString("Not scanned yet.")))
			.andExpect(content().string(not(containsString("Unrecognised log lines"))))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void anUnknownSourceIs404() throws Exception {
		given(this.sources.get(99)).willThrow(new SourceNotFoundException(99));
		this.mvc.perform(get("/sources/99")).andExpect(status().isNotFound());
	}

}
