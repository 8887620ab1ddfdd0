package io.quench.sender;

import java.time.Instant;
import java.util.List;

import io.quench.sender.SenderQuery.Queue;
import io.quench.sender.SenderQuery.Sort;
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
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(SenderApiController.class)
@WebSliceTest
class SenderApiControllerTests {

	static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SenderService senders;

	@Test
	void anAnonymousClientGets401() throws Exception {
		this.mvc.perform(get("/api/v1/senders")).andExpect(status().isUnauthorized());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aPageOfSendersWithTheSameFiltersSortAndPagingAsThePage() throws Exception {
		given(this.senders.page(any())).willReturn(new SenderPage(
				List.of(new SenderRow("spam@a.example", 17030, 1200, 18230, 42, T, T.plusSeconds(3600), "Invoice")), 1,
				120));
		this.mvc
			.perform(get("/api/v1/senders").param("queue", "defer")
				.param("domain", "A.example")
				.param("subject", "invoice")
				.param("from", "2026-12-04T08:00:00Z")
				.param("to", "2026-12-04T10:30:00Z")
				.param("sort", "domains")
				.param("page", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.senders[0].sender").value("spam@a.example"))
			.andExpect(jsonPath("$.senders[0].send").value(17030))
			.andExpect(jsonPath("$.senders[0].defer").value(1200))
			.andExpect(jsonPath("$.senders[0].total").value(18230))
			.andExpect(jsonPath("$.senders[0].recipientDomains").value(42))
			.andExpect(jsonPath("$.senders[0].firstQueued").value("2026-12-04T10:00:00Z"))
			.andExpect(jsonPath("$.senders[0].lastQueued").value("2026-12-04T11:00:00Z"))
			.andExpect(jsonPath("$.senders[0].topSubject").value("Invoice"))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.pages").value(3))
			.andExpect(jsonPath("$.totalSenders").value(120));
		then(this.senders).should()
			.page(new SenderQuery(Queue.DEFER, "a.example", "invoice", Instant.parse("2026-12-04T08:00:00Z"),
					Instant.parse("2026-12-04T10:30:00Z"), Sort.DOMAINS, 1));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void badFiltersAreBadRequests() throws Exception {
		this.mvc.perform(get("/api/v1/senders").param("sort", "sender; drop table x"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("unknown sort"));
		this.mvc.perform(get("/api/v1/senders").param("queue", "other")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/senders").param("page", "-1")).andExpect(status().isBadRequest());
		this.mvc
			.perform(get("/api/v1/senders").param("from", "2026-12-04T10:00:00Z").param("to", "2026-12-04T09:00:00Z"))
			.andExpect(status().isBadRequest());
		then(this.senders).should(never()).page(any());
	}

}
