package io.quench.login;

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
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(LoginEventsController.class)
@WebSliceTest
class LoginEventsControllerTests {

	static final String HOSTILE = "09:00:00 1A2 C/S Login <script>alert(1)</script> User: jdoe";

	static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	LoginBrowseService logins;

	@MockitoBean
	LogUploadService uploads;

	static LoginEventPage events(LoginCursor next) {
		return new LoginEventPage(List.of(
				new LoginEventRow(12, T, "POA", "LOGIN_SUCCESS", "jdoe", "jdoe.net", null, "10.1.2.3", "winnt", null,
						"1204poa.001", 812, HOSTILE),
				new LoginEventRow(11, T.minusSeconds(1), "POA", "LOGIN_FAILURE", "bob", null, null, "10.1.2.4", null,
						"D019", "1204poa.001", 811, "x".repeat(130) + "<b>TAIL</b>")),
				next);
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aPlainRequestGetsTheEventsNewestFirstWithTheRawLinesEscaped() throws Exception {
		LoginCursor next = new LoginCursor(T.minusSeconds(1), 11);
		given(this.logins.events(any())).willReturn(events(next));
		this.mvc.perform(get("/logins"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("aria-current=\"page\">Logins</a>")))
			.andExpect(content().string(stringContainsInOrder("2026-12-04 10:00:00 UTC", "Login",
					"href=\"/logins?account=jdoe\"", "href=\"/logins?ip=10.1.2.3\"", "winnt", "1204poa.001:812",
					"C/S Login &lt;script&gt;alert(1)&lt;/script&gt; User: jdoe", "2026-12-04 09:59:59 UTC",
					"Failed login", "D019", "<details>", "<summary>", "xxx…", "&lt;b&gt;TAIL&lt;/b&gt;")))
			.andExpect(content().string(not(containsString("<script>alert"))))
			.andExpect(content().string(not(containsString("<b>TAIL"))))
			.andExpect(content().string(containsString("href=\"/logins?cursor=" + next.token() + "\"")))
			.andExpect(content().string(not(containsString("Newest events"))))
			// Viewers browse; only operators upload.
			.andExpect(content().string(not(containsString("action=\"/logins/upload\""))));
		then(this.logins).should().events(LoginQuery.all());
	}

	@Test
	@WithMockUser(roles = "OPERATOR")
	void operatorsAlsoGetTheUploadFormBelowTheBrowser() throws Exception {
		given(this.logins.events(any())).willReturn(events(null));
		this.mvc.perform(get("/logins"))
			.andExpect(status().isOk())
			.andExpect(content().string(stringContainsInOrder("id=\"logins-panel\"", "action=\"/logins/upload\"")))
			.andExpect(content().string(not(containsString("rel=\"next\""))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void anHtmxRequestGetsThePanelForTheFiltersAndTheCursor() throws Exception {
		LoginCursor cursor = new LoginCursor(T, 99);
		LoginCursor next = new LoginCursor(T.minusSeconds(1), 11);
		given(this.logins.events(any())).willReturn(events(next));
		this.mvc
			.perform(get("/logins").param("account", "jdoe")
				.param("ip", "10.1.2.0/24")
				.param("type", "login_success")
				.param("kind", "poa")
				.param("from", "2026-12-04T08:00")
				.param("to", "2026-12-04T10:30")
				.param("cursor", cursor.token())
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"logins-panel\"")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(not(containsString("/logins/upload"))))
			.andExpect(content().string(containsString(
					"href=\"/logins?account=jdoe&amp;ip=10.1.2.0/24&amp;type=login_success&amp;kind=poa&amp;from=2026-12-04T08:00&amp;to=2026-12-04T10:30&amp;cursor="
							+ next.token() + "\"")))
			.andExpect(content().string(containsString("Newest events")));
		then(this.logins).should()
			.events(new LoginQuery("jdoe", new IpFilter(null, "10.1.2."), Outcome.LOGIN_SUCCESS, LogKind.POA,
					Instant.parse("2026-12-04T08:00:00Z"), Instant.parse("2026-12-04T10:30:00Z"), cursor));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void badFiltersAre400NotErrors() throws Exception {
		this.mvc.perform(get("/logins").param("ip", "10.1.2.0/23").header("HX-Request", "true"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The filter is not valid")));
		this.mvc.perform(get("/logins").param("type", "everything")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/logins").param("kind", "mta")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/logins").param("cursor", "not-a-cursor")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/logins").param("from", "2026-12-04T10:00").param("to", "2026-12-04T09:00"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/logins").param("to", "tomorrow")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/logins/ips").param("ip", "10.1.2.%")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/logins/ips").param("page", "x")).andExpect(status().isBadRequest());
		then(this.logins).should(never()).events(any());
		then(this.logins).should(never()).ips(any(), anyInt());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void noEventsAtAllShowsTheEmptyStateAndNoMatchSaysSo() throws Exception {
		given(this.logins.events(any())).willReturn(new LoginEventPage(List.of(), null));
		this.mvc.perform(get("/logins"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No login events yet")));
		this.mvc.perform(get("/logins").param("account", "nobody"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No event matches these filters.")))
			.andExpect(content().string(not(containsString("No login events yet"))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theIpViewPutsTheSprayAddressFirstWithABadgeAndLinksToItsEvents() throws Exception {
		IpRow spray = new IpRow("10.9.9.9", 12, 40, 3, T, T.plusSeconds(600),
				List.of("u00", "u01", "u02", "u03", "u04", "u05", "u06", "u07", "u08", "<script>x"));
		IpRow single = new IpRow("10.1.2.3", 1, 9, 0, T, T, List.of("jdoe"));
		given(this.logins.ips(any(), anyInt())).willReturn(new IpPage(List.of(spray, single), 0, 2, 5));
		this.mvc.perform(get("/logins/ips"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(stringContainsInOrder("class=\"ip spray\"", "href=\"/logins?ip=10.9.9.9\"",
					"spray: 5+ accounts", "12", "40", "3", "2026-12-04 10:00:00", "2026-12-04 10:10:00",
					"href=\"/logins?account=u00&amp;ip=10.9.9.9\"", "&lt;script&gt;x", "and 2 more", "class=\"ip\"",
					"10.1.2.3")))
			.andExpect(content().string(not(containsString("<script>x"))))
			.andExpect(content().string(containsString("one IP, many accounts is the spray pattern")));
		then(this.logins).should().ips(LoginQuery.all(), 0);
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theIpViewFragmentKeepsTheFiltersInItsPages() throws Exception {
		given(this.logins.ips(any(), anyInt()))
			.willReturn(new IpPage(List.of(new IpRow("10.1.2.3", 1, 9, 0, T, T, List.of("jdoe"))), 1, 120, 5));
		this.mvc.perform(get("/logins/ips").param("kind", "gwia").param("page", "1").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"ips-panel\"")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("120 addresses, page 2 of 3")))
			.andExpect(content().string(containsString("href=\"/logins/ips?kind=gwia&amp;page=2\"")))
			.andExpect(content().string(containsString("href=\"/logins/ips?kind=gwia\"")));
		then(this.logins).should().ips(new LoginQuery(null, null, null, LogKind.GWIA, null, null, null), 1);
	}

	@Test
	void anAnonymousRequestIsNotServed() throws Exception {
		this.mvc.perform(get("/logins")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/logins/ips")).andExpect(status().is3xxRedirection());
		then(this.logins).should(never()).events(any());
	}

}
