package io.quench.suspect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quench.suspect.AccountDetail.DomainCount;
import io.quench.suspect.AccountDetail.IpUsage;
import io.quench.suspect.AccountDetail.LogLine;
import io.quench.suspect.AccountDetail.LogPage;
import io.quench.suspect.AccountDetail.LoginBucket;
import io.quench.suspect.AccountDetail.QueueBucket;
import io.quench.suspect.AccountDetail.QueuedMessage;
import io.quench.suspect.AccountDetail.SubjectCount;
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
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ AccountController.class, AccountApiController.class, SuspectController.class })
@WebSliceTest
class AccountControllerTests {

	static final Instant T = Instant.parse("2026-12-04T14:03:00Z");

	static final String HOSTILE = "<script>alert(1)</script>";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AccountService accounts;

	@MockitoBean
	SuspectService suspects;

	static AccountDetail detail() {
		return new AccountDetail("jdoe", true, "jdoe", "john.doe", List.of("john.doe@example.org", "jd@example.org"),
				11, 6, 5, true, Verdict.CONFIRMED_COMPROMISED,
				List.of(new VerdictRecorded("jdoe", Verdict.CONFIRMED_COMPROMISED, "47 logins a minute", "alice", T)),
				List.of("peak 47 logins/min, 12 minutes above 10/min: not a human"), List.of("jdoe", "JDOE"),
				List.of("john.doe@example.org"), 60,
				List.of(new LoginBucket(T.minusSeconds(120), 3,
						0), new LoginBucket(T, 47, 2), new LoginBucket(T.plusSeconds(60), 0, 5)),
				List.of(new LoginBucket(T, 4, 1)),
				List.of(new IpUsage("203.0.113.5", 40, 1, 4, 0, T.minusSeconds(120), T.plusSeconds(60),
						List.of("imap", "soap"), false),
						new IpUsage("192.0.2.9", 12, 0, 0, 0, T, T, List.of("soap"), true)),
				0, 3600, List.of(new QueueBucket(T, 120, 30)), 120, 30,
				List.of(new SubjectCount("Invoice # due " + HOSTILE, 140)),
				List.of(new DomainCount("x.example", 90, true), new DomainCount("example.org", 3, false)), 2,
				List.of(new QueuedMessage(4711, "defer", "Invoice 42 due", T, 3)));
	}

	static LogPage logPage(int page, boolean hasNext) {
		return new LogPage(
				List.of(new LogLine(T, "LOGIN_SUCCESS", "1204poa.001", 812,
						"14:03:00 C/S Login imap Net Id=john.doe :: GW Id=jdoe :: 203.0.113.5 " + HOSTILE)),
				page, hasNext);
	}

	@BeforeEach
	void anAccount() {
		given(this.accounts.canonicalKey(anyString())).willAnswer((invocation) -> invocation.getArgument(0));
		given(this.accounts.detail(anyString(), any())).willReturn(detail());
		given(this.accounts.log(anyString(), any(), anyInt()))
			.willAnswer((invocation) -> logPage(invocation.getArgument(2), true));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aViewerGetsTheFullPageWithIdentityVerdictReasonsAndEverySection() throws Exception {
		this.mvc.perform(get("/accounts/jdoe"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("<html")))
			.andExpect(content()
				.string(stringContainsInOrder("jdoe", "likely compromised", "john.doe", "john.doe@example.org",
						"preferred", "jd@example.org", "11", "login 6 + queue 5", "confirmed compromised",
						"peak 47 logins/min, 12 minutes above 10/min: not a human", "alice", "47 logins a minute")))
			.andExpect(content().string(containsString(
					"peak 47 logins per minute at 2026-12-04 14:03 UTC; 50 successful and 7 failed logins in all.")))
			.andExpect(content().string(containsString("peak 4 SMTP AUTH logins per minute at 2026-12-04 14:03 UTC")))
			.andExpect(content().string(containsString("peak 120 messages per hour at 2026-12-04 14:03 UTC")))
			.andExpect(content()
				.string(stringContainsInOrder("203.0.113.5", "40", "imap, soap", "192.0.2.9", "trusted host")))
			.andExpect(content().string(containsString("In the queue now: 120 in send/, 30 in defer/.")))
			.andExpect(content().string(containsString("Invoice # due &lt;script&gt;")))
			.andExpect(content().string(stringContainsInOrder("x.example", "90", "external", "example.org", "local")))
			.andExpect(content().string(containsString("href=\"/messages/4711\"")))
			.andExpect(content().string(containsString("href=\"/messages/samples?sender=john.doe@example.org\"")))
			.andExpect(content().string(stringContainsInOrder("1204poa.001", "812", "GW Id=jdoe")))
			.andExpect(content().string(not(containsString(HOSTILE))));
		then(this.accounts).should().detail("jdoe", RankingQuery.all());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theChartsAreSvgWithATitleADescriptionAndTwoSeriesThatDifferByPatternNotOnlyColour() throws Exception {
		String body = this.mvc.perform(get("/accounts/jdoe"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String svg = element(body, "<svg[^>]*id=\"logins-chart\"[^>]*>", "</svg>");
		assertThat(svg).contains("role=\"img\"")
			.contains("aria-labelledby=\"logins-chart-title logins-chart-desc\"")
			.contains("<title id=\"logins-chart-title\">POA logins</title>")
			.contains("<desc id=\"logins-chart-desc\">peak 47 logins per minute")
			.contains("<pattern id=\"logins-chart-hatch\"");
		String solid = element(svg, "<g class=\"series series-solid\"[^>]*>", "</g>");
		String hatched = element(svg, "<g class=\"series series-hatched\"[^>]*>", "</g>");
		List<String> solidBars = rects(solid);
		List<String> hatchedBars = rects(hatched);
		// Successes in 2 buckets, failures in 2: zero buckets draw no bar.
		assertThat(solidBars).hasSize(2).allMatch((r) -> r.contains("fill=\"currentColor\""));
		assertThat(hatchedBars).hasSize(2)
			.allMatch((r) -> r.contains("fill=\"url(#logins-chart-hatch)\"") && r.contains("stroke=\"currentColor\""))
			.noneMatch((r) -> r.contains("fill=\"currentColor\""));
		assertThat(solid).contains("<title>47 successful at 2026-12-04 14:03 UTC</title>");
		assertThat(svg).contains(">12-04 14:01<");
		assertThat(body).contains("solid bars: successful").contains("hatched bars: failed");
		assertThat(body).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bar-chart\"");
		assertThat(element(body, "<svg[^>]*id=\"queue-chart\"[^>]*>", "</svg>"))
			.contains("<title id=\"queue-chart-title\">Messages queued (by file time)</title>")
			.contains("fill=\"url(#queue-chart-hatch)\"");
	}

	private static String element(String text, String open, String close) {
		Matcher matcher = Pattern.compile(open).matcher(text);
		assertThat(matcher.find()).as(open).isTrue();
		int end = text.indexOf(close, matcher.start());
		return text.substring(matcher.start(), end + close.length());
	}

	private static List<String> rects(String group) {
		return Pattern.compile("<rect[^>]*>").matcher(group).results().map(java.util.regex.MatchResult::group).toList();
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aKeyWithDotsAndAnAtSignReachesTheServiceWholeAndAWindowIsPassedInUtc() throws Exception {
		given(this.accounts.canonicalKey("unknown@elsewhere.example")).willReturn("unknown@elsewhere.example");
		this.mvc.perform(get("/accounts/unknown@elsewhere.example").param("from", "2026-12-04T08:00"))
			.andExpect(status().isOk());
		then(this.accounts).should()
			.detail("unknown@elsewhere.example", new RankingQuery(Instant.parse("2026-12-04T08:00:00Z"), null));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void anAddressOfAMappedAccountRedirectsToItsGroupWiseId() throws Exception {
		given(this.accounts.canonicalKey("john.doe@example.org")).willReturn("jdoe");
		this.mvc.perform(get("/accounts/john.doe@example.org").param("from", "2026-12-04T08:00"))
			.andExpect(redirectedUrl("/accounts/jdoe?from=2026-12-04T08:00"));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theWayBackToSuspectsKeepsTheWindow() throws Exception {
		this.mvc.perform(get("/accounts/jdoe").param("to", "2026-12-04T09:00"))
			.andExpect(content().string(containsString("href=\"/suspects?to=2026-12-04T09:00\"")));
		this.mvc.perform(get("/accounts/jdoe")).andExpect(content().string(containsString("href=\"/suspects\"")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theLogPagerIsAnHtmxFragmentOfTheSameUrlWithTheRawLinesEscaped() throws Exception {
		this.mvc
			.perform(get("/accounts/jdoe").param("page", "2")
				.header("HX-Request", "true")
				.header("HX-Target", "account-log"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("id=\"account-log\"")))
			.andExpect(content().string(containsString("Lines 101 to 101, newest first")))
			.andExpect(content().string(containsString("hx-get=\"/accounts/jdoe?page=1\"")))
			.andExpect(content().string(containsString("hx-get=\"/accounts/jdoe?page=3\"")))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString(HOSTILE))))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(not(containsString("logins-chart"))));
		then(this.accounts).should().log("jdoe", RankingQuery.all(), 2);
		then(this.accounts).should(org.mockito.Mockito.never()).detail(anyString(), any());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aPlainRequestForALogPageGetsTheWholePageAtThatPage() throws Exception {
		this.mvc.perform(get("/accounts/jdoe").param("page", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("Lines 51 to 51, newest first")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void anUnknownAccountIsA404OnThePageAndTheApi() throws Exception {
		given(this.accounts.canonicalKey("nobody")).willThrow(new AccountNotFoundException("nobody"));
		this.mvc.perform(get("/accounts/nobody")).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/accounts/nobody")).andExpect(status().isNotFound());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aWindowEndingBeforeItStartsIsA400() throws Exception {
		this.mvc.perform(get("/accounts/jdoe").param("from", "2026-12-04T10:00").param("to", "2026-12-04T09:00"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anAnonymousVisitorIsSentToTheLoginPageAndTheApiAnswers401() throws Exception {
		this.mvc.perform(get("/accounts/jdoe")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/api/v1/accounts/jdoe")).andExpect(status().isUnauthorized());
		then(this.accounts).shouldHaveNoInteractions();
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void whatTheServiceRefusesForARoleIsA403() throws Exception {
		given(this.accounts.canonicalKey("jdoe")).willThrow(new AccessDeniedException("Access Denied"));
		this.mvc.perform(get("/accounts/jdoe")).andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aViewerSeesNoVerdictForm() throws Exception {
		this.mvc.perform(get("/accounts/jdoe"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/verdict"))))
			.andExpect(content().string(not(containsString("name=\"reason\""))));
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void anOperatorSeesTheVerdictFormPostingToTheSuspectsVerdictUrlAndComingBack() throws Exception {
		this.mvc.perform(get("/accounts/jdoe").param("from", "2026-12-04T08:00"))
			.andExpect(content().string(containsString("action=\"/suspects/jdoe/verdict\"")))
			.andExpect(content().string(containsString("name=\"back\" value=\"account\"")))
			.andExpect(content().string(containsString("name=\"from\" value=\"2026-12-04T08:00\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	@WithMockUser(username = "alice", roles = "OPERATOR")
	void aVerdictFromTheAccountPageRedirectsBackToItWithTheWindowAndShowsWhoAndWhen() throws Exception {
		VerdictRecorded recorded = new VerdictRecorded("unknown@elsewhere.example", Verdict.CONFIRMED_COMPROMISED,
				"spam run", "alice", T);
		given(this.suspects.recordVerdict("unknown@elsewhere.example", Verdict.CONFIRMED_COMPROMISED, "spam run",
				"alice"))
			.willReturn(recorded);
		this.mvc
			.perform(post("/suspects/unknown@elsewhere.example/verdict").param("verdict", "CONFIRMED_COMPROMISED")
				.param("reason", "spam run")
				.param("back", "account")
				.param("from", "2026-12-04T08:00")
				.with(csrf()))
			.andExpect(redirectedUrl("/accounts/unknown@elsewhere.example?from=2026-12-04T08:00"))
			.andExpect(flash().attribute("recorded", recorded));

		given(this.accounts.canonicalKey("jdoe")).willReturn("jdoe");
		this.mvc.perform(get("/accounts/jdoe").flashAttr("recorded", recorded))
			.andExpect(content().string(containsString(
					"Verdict on unknown@elsewhere.example: confirmed compromised, recorded by alice at 2026-12-04 14:03:00 UTC.")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theApiAnswersTheAccountWithItsSeriesAndLists() throws Exception {
		this.mvc.perform(get("/api/v1/accounts/jdoe").param("from", "2026-12-04T00:00:00Z"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.account").value("jdoe"))
			.andExpect(jsonPath("$.addresses[0]").value("john.doe@example.org"))
			.andExpect(jsonPath("$.mapped").value(true))
			.andExpect(jsonPath("$.score").value(11))
			.andExpect(jsonPath("$.likelyCompromised").value(true))
			.andExpect(jsonPath("$.verdict").value("CONFIRMED_COMPROMISED"))
			.andExpect(jsonPath("$.reasons[0]").value("peak 47 logins/min, 12 minutes above 10/min: not a human"))
			.andExpect(jsonPath("$.loginBucketSeconds").value(60))
			.andExpect(jsonPath("$.loginsPerMinute[1].at").value("2026-12-04T14:03:00Z"))
			.andExpect(jsonPath("$.loginsPerMinute[1].successes").value(47))
			.andExpect(jsonPath("$.loginsPerMinute[1].failures").value(2))
			.andExpect(jsonPath("$.ips[1].trusted").value(true))
			.andExpect(jsonPath("$.ips[0].firstSeen").value("2026-12-04T14:01:00Z"))
			.andExpect(jsonPath("$.queueSeries[0].defer").value(30))
			.andExpect(jsonPath("$.subjects[0].messages").value(140))
			.andExpect(jsonPath("$.recipientDomains[0].external").value(true))
			.andExpect(jsonPath("$.latestMessages[0].id").value(4711))
			.andExpect(jsonPath("$.latestMessages[0].queue").value("defer"))
			.andExpect(jsonPath("$.latestMessages[0].mtime").value("2026-12-04T14:03:00Z"));
		then(this.accounts).should()
			.detail(eq("jdoe"), eq(new RankingQuery(Instant.parse("2026-12-04T00:00:00Z"), null)));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void eachSuspectLinksToItsAccountPageKeepingTheWindow() throws Exception {
		given(this.suspects.ranking(any(RankingQuery.class), any(Duration.class)))
			.willReturn(
					new SuspectService.Ranking(
							List.of(SuspectControllerTests.suspect("j.doe", 90, true, Verdict.NEW, "x"),
									new Suspect("unknown@elsewhere.example", false, List.of(), 1, 0, 1, false,
											Verdict.NEW, List.of(), SuspectControllerTests.evidence(3, 0, 0, 0))),
							T, null, null));
		this.mvc.perform(get("/suspects"))
			.andExpect(content().string(containsString("href=\"/accounts/j.doe\"")))
			.andExpect(content().string(containsString("href=\"/accounts/unknown@elsewhere.example\"")));
		this.mvc.perform(get("/suspects").param("from", "2026-12-04T08:00"))
			.andExpect(content().string(containsString("href=\"/accounts/j.doe?from=2026-12-04T08:00\"")));
		this.mvc.perform(get("/suspects").param("from", "2026-12-04T08:00").param("to", "2026-12-04T09:00"))
			.andExpect(content()
				.string(containsString("href=\"/accounts/j.doe?from=2026-12-04T08:00&amp;to=2026-12-04T09:00\"")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theApiPagesTheRawLines() throws Exception {
		this.mvc.perform(get("/api/v1/accounts/jdoe/log").param("page", "3"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(3))
			.andExpect(jsonPath("$.hasNext").value(true))
			.andExpect(jsonPath("$.lines[0].lineNumber").value(812))
			.andExpect(jsonPath("$.lines[0].fileName").value("1204poa.001"));
	}

}
