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

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(SenderController.class)
@WebSliceTest
class SenderControllerTests {

	static final String HOSTILE = "<script>alert(1)</script>";

	static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SenderService senders;

	static List<SenderRow> rows() {
		return List.of(new SenderRow("spam@a.example", 17030, 1200, 18230, 42, T, T.plusSeconds(3600), HOSTILE),
				new SenderRow("=cmd@b.example", 1, 0, 1, 1, T, T, "-2+3 \"quoted\", comma"));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aPlainRequestGetsTheFullPageWithTheSendersEscaped() throws Exception {
		given(this.senders.page(any())).willReturn(new SenderPage(rows(), 0, 2));
		this.mvc.perform(get("/senders"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("<nav")))
			.andExpect(content().string(containsString("aria-current=\"page\">Senders</a>")))
			.andExpect(content().string(containsString("Top senders")))
			.andExpect(content().string(stringContainsInOrder("spam@a.example", "17,030", "1,200", "18,230", "42",
					"2026-12-04 10:00:00", "2026-12-04 11:00:00", "&lt;script&gt;", "=cmd@b.example")))
			.andExpect(content().string(containsString("2 senders, page 1 of 1")))
			.andExpect(content().string(containsString("href=\"/senders.csv\"")))
			.andExpect(content().string(containsString("href=\"/accounts/spam@a.example\"")))
			.andExpect(content().string(not(containsString(HOSTILE))))
			.andExpect(content().string(not(containsString("rel=\"next\""))));
		then(this.senders).should().page(SenderQuery.all());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void anHtmxRequestGetsOnlyThePanelForTheFiltersAndLinksKeepThem() throws Exception {
		given(this.senders.page(any())).willReturn(new SenderPage(rows(), 1, 120));
		this.mvc
			.perform(get("/senders").param("queue", "defer")
				.param("domain", "A.example")
				.param("subject", " invoice ")
				.param("from", "2026-12-04T08:00")
				.param("to", "2026-12-04T10:30")
				.param("sort", "domains")
				.param("page", "1")
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("id=\"senders-panel\"")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(not(containsString("<nav class=\"sidenav\""))))
			.andExpect(content().string(containsString("120 senders, page 2 of 3")))
			.andExpect(content().string(containsString(
					"href=\"/senders?queue=defer&amp;domain=A.example&amp;subject=%20invoice%20&amp;from=2026-12-04T08:00&amp;to=2026-12-04T10:30&amp;sort=domains&amp;page=2\"")))
			.andExpect(content().string(containsString("rel=\"prev\"")))
			.andExpect(content().string(containsString(
					"/senders.csv?queue=defer&amp;domain=A.example&amp;subject=%20invoice%20&amp;from=2026-12-04T08:00&amp;to=2026-12-04T10:30&amp;sort=domains\"")));
		then(this.senders).should()
			.page(new SenderQuery(Queue.DEFER, "a.example", "invoice", Instant.parse("2026-12-04T08:00:00Z"),
					Instant.parse("2026-12-04T10:30:00Z"), Sort.DOMAINS, 1));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aHistoryRestoreGetsTheFullPage() throws Exception {
		given(this.senders.page(any())).willReturn(new SenderPage(rows(), 0, 2));
		this.mvc
			.perform(get("/senders").param("domain", "a.example")
				.header("HX-Request", "true")
				.header("HX-History-Restore-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("value=\"a.example\"")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aSortOrQueueOffTheWhitelistOrABackwardWindowIsA400() throws Exception {
		this.mvc.perform(get("/senders").param("sort", "sender; drop table queue_message").header("HX-Request", "true"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The filter is not valid")));
		this.mvc.perform(get("/senders").param("queue", "other")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/senders").param("from", "2026-12-04T10:00").param("to", "2026-12-04T09:00"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/senders.csv").param("sort", "1")).andExpect(status().isBadRequest());
		then(this.senders).should(never()).page(any());
		then(this.senders).should(never()).export(any());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void anEmptyListSaysSo() throws Exception {
		given(this.senders.page(any())).willReturn(new SenderPage(List.of(), 0, 0));
		this.mvc.perform(get("/senders"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No queued message matches these filters.")))
			.andExpect(content().string(not(containsString("<table"))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theCsvExportIsAnAttachmentWithTheSameFiltersQuotedAndFormulaSafe() throws Exception {
		given(this.senders.export(any())).willReturn(rows());
		this.mvc.perform(get("/senders.csv").param("queue", "send").param("subject", "x"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("text/csv")))
			.andExpect(header().string("Content-Disposition", startsWith("attachment")))
			.andExpect(header().string("Content-Disposition", containsString("senders.csv")))
			.andExpect(content().string(startsWith(SenderCsv.HEADER + "\r\n")))
			.andExpect(content().string(containsString(
					"\"spam@a.example\",\"17030\",\"1200\",\"18230\",\"42\",\"2026-12-04T10:00:00Z\",\"2026-12-04T11:00:00Z\",\"<script>alert(1)</script>\"\r\n")))
			.andExpect(content().string(containsString("\"'=cmd@b.example\"")))
			.andExpect(content().string(containsString("\"'-2+3 \"\"quoted\"\", comma\"\r\n")));
		then(this.senders).should().export(new SenderQuery(Queue.SEND, null, "x", null, null, Sort.TOTAL, 0));
	}

	@Test
	void anAnonymousRequestIsNotServed() throws Exception {
		this.mvc.perform(get("/senders")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/senders.csv")).andExpect(status().is3xxRedirection());
		then(this.senders).should(never()).page(any());
	}

}
