package io.quench.suspect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
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

@WebMvcTest(SuspectController.class)
@WebSliceTest
class SuspectControllerTests {

	static final String HOSTILE = "<script>alert(1)</script>";

	static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SuspectService suspects;

	/**
	 * The page asks with a bounded wait; by default the mock answers with whatever the
	 * test gave the plain {@code ranking(query)}, as evidence collected at {@link #T}.
	 */
	@BeforeEach
	void evidenceReady() {
		given(this.suspects.ranking(any(RankingQuery.class), any(Duration.class)))
			.willAnswer((call) -> new SuspectService.Ranking(this.suspects.ranking(call.<RankingQuery>getArgument(0)),
					T, null, Duration.ofMillis(120)));
	}

	static SuspectEvidence evidence(long queued, long deferred, long peak, long ips) {
		return new SuspectEvidence(queued, deferred, (queued > 0) ? (double) deferred / queued : 0, queued, queued, 3,
				0.5, 0.9, "Invoice #", 10, T, T, 100, peak, 2, ips, 2, 0, 0, 0, List.of("Windows"));
	}

	static Suspect suspect(String account, int score, boolean likely, Verdict verdict, String... reasons) {
		return new Suspect(account, true, List.of(account + "@example.com", "alias." + account + "@example.com"), score,
				score - 10, 10, likely, verdict, List.of(reasons), evidence(18230, 1200, 47, 31));
	}

	void aRanking() {
		given(this.suspects.ranking(any()))
			.willReturn(List.of(suspect("j.doe", 90, true, Verdict.NEW, "peak 47 logins/min from 31 IPs"),
					suspect("m.roe", 70, true, Verdict.CONFIRMED_COMPROMISED,
							"one subject template in 91%: " + HOSTILE),
					suspect("news.letter", 20, false, Verdict.FALSE_POSITIVE, "18,230 queued"),
					new Suspect("unknown@elsewhere.example", false, List.of(), 1, 0, 1, false, Verdict.NEW, List.of(),
							evidence(3, 0, 0, 0))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aPlainRequestGetsTheFullPageWithTheRankingInOrderAndTheLineBetweenFlaggedAndNot() throws Exception {
		aRanking();
		this.mvc.perform(get("/suspects"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("<nav")))
			.andExpect(content().string(containsString("type=\"datetime-local\"")))
			.andExpect(content().string(stringContainsInOrder("j.doe", "likely compromised", "j.doe@example.com",
					"alias.j.doe@example.com", "m.roe", "likely compromised", "Likely compromised above this line (2)",
					"news.letter", "unknown@elsewhere.example")))
			.andExpect(content().string(containsString("accounts 1-4 of 4 ranked, 2 likely compromised")))
			.andExpect(content().string(containsString("login 80 + queue 10")))
			.andExpect(content().string(containsString("send 17,030 / defer 1,200")))
			.andExpect(content().string(containsString("unmapped")))
			.andExpect(content().string(containsString("confirmed compromised")))
			.andExpect(content().string(containsString("false positive")));
		then(this.suspects).should().ranking(RankingQuery.all());
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void anUnmappedRowLinksToTheIdentityLinksPagePrefilledAndAMappedRowDoesNot() throws Exception {
		aRanking();
		this.mvc.perform(get("/suspects"))
			.andExpect(content().string(containsString("href=\"/suspects/links?from=unknown@elsewhere.example\"")))
			.andExpect(content().string(not(containsString("/suspects/links?from=j.doe"))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aViewerGetsNoLinkAffordance() throws Exception {
		aRanking();
		this.mvc.perform(get("/suspects")).andExpect(content().string(not(containsString("/suspects/links?from="))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theLineIsDrawnExactlyOnceAfterTheLastLikelyCompromisedRow() throws Exception {
		aRanking();
		String body = this.mvc.perform(get("/suspects"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int line = body.indexOf("class=\"compromised-line\"");
		assertThat(line).isPositive();
		assertThat(body.indexOf("class=\"compromised-line\"", line + 1)).isNegative();
		assertThat(body.indexOf("id=\"suspect-2\"")).isLessThan(line);
		assertThat(body.indexOf("id=\"suspect-3\"")).isGreaterThan(line);
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void reasonsAreShownAsAListAndEscaped() throws Exception {
		aRanking();
		this.mvc.perform(get("/suspects"))
			.andExpect(content().string(containsString("<li>peak 47 logins/min from 31 IPs</li>")))
			.andExpect(content()
				.string(containsString("one subject template in 91%: &lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString(HOSTILE))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void anHtmxRequestWithAWindowGetsOnlyThePanelRankedOverThatWindowInUtc() throws Exception {
		aRanking();
		this.mvc
			.perform(get("/suspects").param("from", "2026-12-04T08:00")
				.param("to", "2026-12-04T10:30")
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("id=\"suspects-panel\"")))
			.andExpect(content().string(containsString("j.doe")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(not(containsString("<nav"))))
			.andExpect(content().string(not(containsString("type=\"datetime-local\""))));
		then(this.suspects).should()
			.ranking(new RankingQuery(Instant.parse("2026-12-04T08:00:00Z"), Instant.parse("2026-12-04T10:30:00Z")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void anEmptyFilterFieldMeansNoBoundAndAWindowEndingBeforeItStartsIsA400WithTheMessage() throws Exception {
		given(this.suspects.ranking(any())).willReturn(List.of());
		this.mvc.perform(get("/suspects").param("from", "").param("to", "")).andExpect(status().isOk());
		then(this.suspects).should().ranking(RankingQuery.all());
		this.mvc
			.perform(get("/suspects").param("from", "2026-12-04T10:00")
				.param("to", "2026-12-04T09:00")
				.header("HX-Request", "true"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The window must start before it ends.")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aHistoryRestoreOfThePushedFilterUrlGetsTheFullPage() throws Exception {
		aRanking();
		this.mvc
			.perform(get("/suspects").param("from", "2026-12-04T08:00")
				.header("HX-Request", "true")
				.header("HX-History-Restore-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("value=\"2026-12-04T08:00\"")));
	}

	@Test
	@WithMockUser(username = "alice", roles = "OPERATOR")
	void afterAPlainVerdictThePageShowsWhoAndWhen() throws Exception {
		aRanking();
		this.mvc
			.perform(get("/suspects").flashAttr("recorded",
					new VerdictRecorded("j.doe", Verdict.FALSE_POSITIVE, "newsletter", "alice", T)))
			.andExpect(status().isOk())
			.andExpect(content().string(
					containsString("Verdict on j.doe: false positive, recorded by alice at 2026-12-04 10:00:00 UTC.")))
			.andExpect(content().string(containsString("by alice, 2026-12-04 10:00 UTC")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void anEmptyRankingShowsTheEmptyState() throws Exception {
		given(this.suspects.ranking(any())).willReturn(List.of());
		this.mvc.perform(get("/suspects"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No suspects yet")))
			.andExpect(content().string(not(containsString("<table"))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void whileTheFirstCollectionRunsThePageSaysSoAndPollsInsteadOfHanging() throws Exception {
		given(this.suspects.ranking(any(RankingQuery.class), any(Duration.class)))
			.willReturn(new SuspectService.Ranking(null, null, T, Duration.ofMillis(17_033)));
		this.mvc.perform(get("/suspects").param("from", "2026-12-04T08:00").param("page", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Collecting evidence")))
			.andExpect(content().string(containsString("Started at 10:00:00 UTC")))
			.andExpect(content().string(containsString("The last collection took 17.0 s.")))
			// The panel asks again by itself, for the same window and page.
			.andExpect(content().string(containsString("hx-get=\"/suspects?from=2026-12-04T08:00&amp;page=1\"")))
			.andExpect(content().string(containsString("hx-trigger=\"load delay:2s\"")))
			.andExpect(content().string(not(containsString("No suspects yet"))))
			.andExpect(content().string(not(containsString("<table"))));
		then(this.suspects).should()
			.ranking(eq(new RankingQuery(Instant.parse("2026-12-04T08:00:00Z"), null)), any(Duration.class));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void olderEvidenceShownWhileANewerCollectionRunsCarriesItsTime() throws Exception {
		given(this.suspects.ranking(any(RankingQuery.class), any(Duration.class)))
			.willReturn(new SuspectService.Ranking(List.of(suspect("j.doe", 90, true, Verdict.NEW, "peak 47")),
					Instant.parse("2026-12-04T09:58:07Z"), T, Duration.ofSeconds(3)));
		this.mvc.perform(get("/suspects"))
			.andExpect(status().isOk())
			.andExpect(
					content().string(containsString("Numbers as of 09:58:07 UTC; newer evidence is being collected.")))
			.andExpect(content().string(containsString("j.doe")))
			.andExpect(content().string(not(containsString("Collecting evidence"))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void whenNobodyIsFlaggedTheLineSitsAboveTheFirstRow() throws Exception {
		given(this.suspects.ranking(any()))
			.willReturn(List.of(suspect("news.letter", 20, false, Verdict.NEW, "18,230 queued")));
		this.mvc.perform(get("/suspects"))
			.andExpect(content()
				.string(stringContainsInOrder("No account is above the likely compromised line", "news.letter")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aViewerSeesNoVerdictForm() throws Exception {
		aRanking();
		this.mvc.perform(get("/suspects"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/verdict"))))
			.andExpect(content().string(not(containsString("name=\"reason\""))));
	}

	@Test
	@WithMockUser(username = "viewer", roles = "VIEWER")
	void aViewerPostingAVerdictIsRefusedWith403() throws Exception {
		given(this.suspects.recordVerdict(anyString(), any(), anyString(), anyString()))
			.willThrow(new AccessDeniedException("Access Denied"));
		this.mvc
			.perform(post("/suspects/j.doe/verdict").param("verdict", "CONFIRMED_COMPROMISED")
				.param("reason", "spam")
				.header("HX-Request", "true")
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void anOperatorSeesAVerdictFormPerRowPostingToTheWholeAccountKey() throws Exception {
		aRanking();
		this.mvc.perform(get("/suspects"))
			.andExpect(content().string(containsString("hx-post=\"/suspects/j.doe/verdict\"")))
			.andExpect(content().string(containsString("action=\"/suspects/unknown@elsewhere.example/verdict\"")))
			.andExpect(content().string(containsString("<option value=\"CONFIRMED_COMPROMISED\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	@WithMockUser(username = "alice", roles = "OPERATOR")
	void anHtmxVerdictAnswersThePanelWithWhoAndWhen() throws Exception {
		aRanking();
		given(this.suspects.recordVerdict("unknown@elsewhere.example", Verdict.CONTAINED, "logins disabled", "alice"))
			.willReturn(
					new VerdictRecorded("unknown@elsewhere.example", Verdict.CONTAINED, "logins disabled", "alice", T));
		this.mvc
			.perform(post("/suspects/unknown@elsewhere.example/verdict").param("verdict", "CONTAINED")
				.param("reason", "logins disabled")
				.param("from", "2026-12-04T08:00")
				.header("HX-Request", "true")
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"suspects-panel\"")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString(
					"Verdict on unknown@elsewhere.example: contained, recorded by alice at 2026-12-04 10:00:00 UTC.")))
			.andExpect(content().string(containsString("by alice, 2026-12-04 10:00 UTC")))
			.andExpect(content().string(containsString("name=\"from\" value=\"2026-12-04T08:00\"")));
		then(this.suspects).should().ranking(new RankingQuery(Instant.parse("2026-12-04T08:00:00Z"), null));
	}

	@Test
	@WithMockUser(username = "alice", roles = "OPERATOR")
	void aPlainVerdictRedirectsBackToTheSameWindow() throws Exception {
		given(this.suspects.recordVerdict("j.doe", Verdict.CONFIRMED_COMPROMISED, "47 logins/min", "alice"))
			.willReturn(new VerdictRecorded("j.doe", Verdict.CONFIRMED_COMPROMISED, "47 logins/min", "alice", T));
		this.mvc
			.perform(post("/suspects/j.doe/verdict").param("verdict", "CONFIRMED_COMPROMISED")
				.param("reason", "47 logins/min")
				.param("from", "2026-12-04T08:00")
				.with(csrf()))
			.andExpect(redirectedUrl("/suspects?from=2026-12-04T08%3A00"))
			.andExpect(flash().attributeExists("recorded"));
		then(this.suspects).should().recordVerdict("j.doe", Verdict.CONFIRMED_COMPROMISED, "47 logins/min", "alice");
	}

	@Test
	@WithMockUser(username = "alice", roles = "OPERATOR")
	void aPostWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc
			.perform(post("/suspects/j.doe/verdict").param("verdict", "CONFIRMED_COMPROMISED")
				.param("reason", "spam")
				.header("HX-Request", "true"))
			.andExpect(status().isForbidden());
		then(this.suspects).should(never()).recordVerdict(any(), any(), any(), any());
	}

	@Test
	@WithMockUser(username = "alice", roles = "OPERATOR")
	void aBlankReasonIsA400WithTheMessageInThePanel() throws Exception {
		aRanking();
		this.mvc
			.perform(post("/suspects/j.doe/verdict").param("verdict", "CONFIRMED_COMPROMISED")
				.param("reason", "  ")
				.header("HX-Request", "true")
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"suspects-panel\"")))
			.andExpect(content()
				.string(containsString("A verdict on j.doe needs a verdict and a reason of 1 to 1000 characters.")));
		then(this.suspects).should(never()).recordVerdict(any(), any(), any(), any());
	}

	@Test
	@WithMockUser(username = "alice", roles = "OPERATOR")
	void aReasonTheServiceRefusesIsAlsoA400InThePanel() throws Exception {
		aRanking();
		given(this.suspects.recordVerdict(anyString(), any(), anyString(), anyString()))
			.willThrow(new InvalidRankingQueryException("a reason of 1 to 1000 characters is required"));
		this.mvc
			.perform(post("/suspects/j.doe/verdict").param("verdict", "FALSE_POSITIVE")
				.param("reason", "x")
				.header("HX-Request", "true")
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("A verdict on j.doe needs")));
	}

	/**
	 * A ranking of {@code count} accounts, the first {@code flagged} likely compromised.
	 */
	void aLongRanking(int count, int flagged) {
		List<Suspect> ranking = new java.util.ArrayList<>();
		for (int i = 1; i <= count; i++) {
			ranking.add(suspect("acct" + i, 1000 - i, i <= flagged, Verdict.NEW, "reason " + i));
		}
		given(this.suspects.ranking(any())).willReturn(ranking);
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theFirstPageShowsTheTop50FromTheTopWithTheLineAndTheTotal() throws Exception {
		aLongRanking(120, 12);
		String body = this.mvc.perform(get("/suspects"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("accounts 1-50 of 120 ranked, 12 likely compromised")))
			.andExpect(content().string(containsString("Likely compromised above this line (12)")))
			.andExpect(content().string(containsString("href=\"/suspects?page=1\"")))
			.andExpect(content().string(not(containsString("rel=\"prev\""))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("id=\"suspect-1\"", "id=\"suspect-50\"")
			.doesNotContain("id=\"suspect-51\"", ">acct51<");
		assertThat(body.indexOf("id=\"suspect-12\"")).isLessThan(body.indexOf("class=\"compromised-line\""));
		assertThat(body.indexOf("id=\"suspect-13\"")).isGreaterThan(body.indexOf("class=\"compromised-line\""));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void page2ShowsThe51stAccountWithItsRankAndSaysHowManyAreAboveTheLine() throws Exception {
		aLongRanking(120, 12);
		String body = this.mvc.perform(get("/suspects").param("page", "1").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("accounts 51-100 of 120 ranked, 12 likely compromised")))
			.andExpect(content()
				.string(containsString("All 12 likely compromised accounts are on earlier pages; none on this page.")))
			.andExpect(content().string(not(containsString("class=\"compromised-line\""))))
			.andExpect(content().string(containsString("hx-post=\"/suspects/acct51/verdict\"")))
			.andExpect(content().string(containsString("name=\"page\" value=\"1\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body.indexOf("id=\"suspect-51\"")).isPositive();
		assertThat(body).contains(">acct51<", ">51<").doesNotContain(">acct50<", "id=\"suspect-101\"");
		assertThat(body).contains("href=\"/suspects\"", "href=\"/suspects?page=2\"");
		then(this.suspects).should().ranking(RankingQuery.all());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void whenTheFlaggedAccountsFillTheFirstPageItSaysTheLineContinues() throws Exception {
		aLongRanking(120, 70);
		this.mvc.perform(get("/suspects"))
			.andExpect(content().string(containsString(
					"70 accounts are above the likely compromised line in total; it continues after this page.")))
			.andExpect(content().string(not(containsString("class=\"compromised-line\""))));
		this.mvc.perform(get("/suspects").param("page", "1"))
			.andExpect(content()
				.string(stringContainsInOrder("acct70", "Likely compromised above this line (70)", "acct71")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void anOutOfRangePageIsAnEmptyPageNotAnError() throws Exception {
		aLongRanking(120, 12);
		this.mvc.perform(get("/suspects").param("page", "9"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No accounts on this page: the ranking has 120.")))
			.andExpect(content().string(containsString("href=\"/suspects\"")))
			.andExpect(content().string(containsString("href=\"/suspects?page=2\"")))
			.andExpect(content().string(containsString("rel=\"prev\"")))
			.andExpect(content().string(not(containsString("<table"))))
			.andExpect(content().string(not(containsString("No suspects yet"))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aSizeAbove200OrANegativeOrNonNumericPageIsA400WithTheMessage() throws Exception {
		aLongRanking(120, 12);
		for (String[] bad : new String[][] { { "size", "201" }, { "size", "0" }, { "page", "-1" }, { "page", "x" } }) {
			this.mvc.perform(get("/suspects").param(bad[0], bad[1]).header("HX-Request", "true"))
				.andExpect(status().isBadRequest())
				.andExpect(
						content().string(containsString("The page must be 0 or more and the size 1 to 200 accounts.")))
				.andExpect(content().string(not(containsString("<table"))));
		}
		this.mvc.perform(get("/suspects").param("size", "200")).andExpect(status().isOk());
		then(this.suspects).should().ranking(RankingQuery.all());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void thePagingLinksKeepTheWindowAndTheSize() throws Exception {
		aLongRanking(120, 12);
		this.mvc
			.perform(get("/suspects").param("from", "2026-12-04T08:00")
				.param("to", "2026-12-04T10:30")
				.param("page", "1")
				.param("size", "20"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("accounts 21-40 of 120")))
			.andExpect(content().string(
					containsString("hx-get=\"/suspects?from=2026-12-04T08:00&amp;to=2026-12-04T10:30&amp;size=20\"")))
			.andExpect(content().string(containsString(
					"href=\"/suspects?from=2026-12-04T08:00&amp;to=2026-12-04T10:30&amp;page=2&amp;size=20\"")))
			.andExpect(content().string(containsString("name=\"size\" value=\"20\"")));
		then(this.suspects).should()
			.ranking(new RankingQuery(Instant.parse("2026-12-04T08:00:00Z"), Instant.parse("2026-12-04T10:30:00Z")));
	}

	@Test
	@WithMockUser(username = "alice", roles = "OPERATOR")
	void aPlainVerdictFromPage2RedirectsBackToThatPage() throws Exception {
		given(this.suspects.recordVerdict("acct51", Verdict.CONTAINED, "disabled", "alice"))
			.willReturn(new VerdictRecorded("acct51", Verdict.CONTAINED, "disabled", "alice", T));
		this.mvc
			.perform(post("/suspects/acct51/verdict").param("verdict", "CONTAINED")
				.param("reason", "disabled")
				.param("page", "1")
				.with(csrf()))
			.andExpect(redirectedUrl("/suspects?page=1"));
	}

}
