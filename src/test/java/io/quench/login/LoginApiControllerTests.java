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

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(LoginApiController.class)
@WebSliceTest
class LoginApiControllerTests {

	static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	LoginBrowseService logins;

	@Test
	void anAnonymousClientGets401() throws Exception {
		this.mvc.perform(get("/api/v1/logins")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/logins/ips")).andExpect(status().isUnauthorized());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void eventsComeWithTheFieldsAndTheNextCursor() throws Exception {
		LoginCursor next = new LoginCursor(T, 12);
		given(this.logins.events(any()))
			.willReturn(new LoginEventPage(List.of(new LoginEventRow(12, T, "POA", "LOGIN_SUCCESS", "jdoe", null, null,
					"10.1.2.3", "winnt", null, "1204poa.001", 812, "raw line")), next));
		this.mvc
			.perform(get("/api/v1/logins").param("account", "jdoe")
				.param("ip", "10.1.2.0/24")
				.param("type", "LOGIN_SUCCESS")
				.param("from", "2026-12-04T00:00:00Z"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events[0].id").value(12))
			.andExpect(jsonPath("$.events[0].at").value("2026-12-04T10:00:00Z"))
			.andExpect(jsonPath("$.events[0].kind").value("POA"))
			.andExpect(jsonPath("$.events[0].type").value("LOGIN_SUCCESS"))
			.andExpect(jsonPath("$.events[0].gwId").value("jdoe"))
			.andExpect(jsonPath("$.events[0].ip").value("10.1.2.3"))
			.andExpect(jsonPath("$.events[0].file").value("1204poa.001"))
			.andExpect(jsonPath("$.events[0].line").value(812))
			.andExpect(jsonPath("$.events[0].raw").value("raw line"))
			.andExpect(jsonPath("$.next").value(next.token()));
		then(this.logins).should()
			.events(new LoginQuery("jdoe", new IpFilter(null, "10.1.2."), Outcome.LOGIN_SUCCESS, null,
					Instant.parse("2026-12-04T00:00:00Z"), null, null));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theLastPageHasANullNext() throws Exception {
		given(this.logins.events(any())).willReturn(new LoginEventPage(List.of(), null));
		this.mvc.perform(get("/api/v1/logins").param("cursor", new LoginCursor(T, 5).token()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events").isEmpty())
			.andExpect(jsonPath("$.next").isEmpty());
		then(this.logins).should().events(LoginQuery.all().withCursor(new LoginCursor(T, 5)));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theIpViewListsAddressesWithTheirAccounts() throws Exception {
		given(this.logins.ips(any(), anyInt())).willReturn(new IpPage(
				List.of(new IpRow("10.9.9.9", 12, 40, 3, T, T.plusSeconds(60), List.of("u00", "u01"))), 0, 1, 5));
		this.mvc.perform(get("/api/v1/logins/ips").param("kind", "poa"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ips[0].ip").value("10.9.9.9"))
			.andExpect(jsonPath("$.ips[0].accounts").value(12))
			.andExpect(jsonPath("$.ips[0].successes").value(40))
			.andExpect(jsonPath("$.ips[0].failures").value(3))
			.andExpect(jsonPath("$.ips[0].firstSeen").value("2026-12-04T10:00:00Z"))
			.andExpect(jsonPath("$.ips[0].lastSeen").value("2026-12-04T10:01:00Z"))
			.andExpect(jsonPath("$.ips[0].accountList[1]").value("u01"))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.pages").value(1))
			.andExpect(jsonPath("$.totalIps").value(1))
			.andExpect(jsonPath("$.sprayAccounts").value(5));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void badFiltersAreBadRequests() throws Exception {
		this.mvc.perform(get("/api/v1/logins").param("ip", "10.0.0.0/12")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/logins").param("cursor", "garbage")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/logins").param("from", "2026-12-04")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/logins/ips").param("kind", "x")).andExpect(status().isBadRequest());
		then(this.logins).should(never()).events(any());
	}

}
