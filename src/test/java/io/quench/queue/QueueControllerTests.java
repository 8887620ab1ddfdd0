package io.quench.queue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quench.queue.QueueOverviewQuery.Queue;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(QueueController.class)
@WebSliceTest
class QueueControllerTests {

	static final String HOSTILE = "<script>alert(1)</script>@evil.example";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	QueueOverviewService queues;

	static QueueOverview overview() {
		List<DepthPoint> depth = List.of(new DepthPoint(Instant.parse("2026-12-04T09:00:00Z"), "SEND", 1203, 1),
				new DepthPoint(Instant.parse("2026-12-04T09:00:00Z"), "DEFER", 900, 1),
				new DepthPoint(Instant.parse("2026-12-04T11:00:00Z"), "SEND", 184_200, 1),
				new DepthPoint(Instant.parse("2026-12-04T11:00:00Z"), "DEFER", 800, 1));
		List<AgeDistribution.Row> rows = List.of(new AgeDistribution.Row(AgeBucket.UNDER_5_MINUTES, 17, 0),
				new AgeDistribution.Row(AgeBucket.UNDER_15_MINUTES, 0, 0),
				new AgeDistribution.Row(AgeBucket.UNDER_1_HOUR, 0, 0),
				new AgeDistribution.Row(AgeBucket.UNDER_6_HOURS, 0, 0),
				new AgeDistribution.Row(AgeBucket.UNDER_24_HOURS, 0, 0),
				new AgeDistribution.Row(AgeBucket.UNDER_3_DAYS, 0, 4), new AgeDistribution.Row(AgeBucket.OLDER, 0, 1));
		return new QueueOverview(Map.of(7L, "gwia-main"), depth, DepthChart.of(depth), DepthSummary.of(depth),
				List.of(new QueueSender("spam@a.example", 17_030, 1_200, 18_230), new QueueSender(HOSTILE, 1, 0, 1)),
				new AgeDistribution(rows, Instant.parse("2026-11-28T07:15:00Z"), "old@b.example"),
				new BurstRule.Burst(Instant.parse("2026-12-04T09:00:00Z"), 4_000, 12.5));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aPlainRequestGetsTheFullPageWithTheChartTheSendersAndTheAges() throws Exception {
		given(this.queues.overview(any())).willReturn(overview());
		this.mvc.perform(get("/queues"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("aria-current=\"page\">Queues</a>")))
			.andExpect(content().string(containsString("<option value=\"7\">gwia-main</option>")))
			// The depth: in words, and as a chart with a title and description.
			.andExpect(content().string(containsString("send/ 184,200 now, up from 1,203 at 2026-12-04 09:00 UTC.")))
			.andExpect(content().string(containsString("defer/ 800 now, down from 900 at 2026-12-04 09:00 UTC.")))
			.andExpect(content().string(stringContainsInOrder("<svg", "role=\"img\"", "<title id=\"depth-chart-title\"",
					"<desc id=\"depth-chart-desc\">send/ 184,200 now", "series-send", "<circle", "series-defer",
					"stroke-dasharray=\"7 4\"", "<rect")))
			.andExpect(content().string(containsString("defer/: dashed line, square markers")))
			// Top senders now, linked to the account and the filtered Top senders page.
			.andExpect(content().string(stringContainsInOrder("href=\"/accounts/spam@a.example\"", "17,030", "1,200",
					"18,230", "href=\"/senders?queue=all&amp;domain=a.example\"")))
			.andExpect(content().string(not(containsString("<script>alert"))))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;@evil.example")))
			// Ages, oldest message and the burst.
			.andExpect(content()
				.string(stringContainsInOrder("under 5 minutes", "17", "1 to 3 days", "4", "over 3 days", "1")))
			.andExpect(content().string(containsString("2026-11-28 07:15:00 UTC · old@b.example")))
			.andExpect(content().string(containsString(
					"2026-12-04 09:00 UTC: 4,000 messages queued in that hour, median of the hours before 12.5")))
			.andExpect(content().string(containsString("more than 10 times as many messages")));
		then(this.queues).should().overview(QueueOverviewQuery.all());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void anHtmxRequestGetsOnlyThePanelForTheFilters() throws Exception {
		given(this.queues.overview(any())).willReturn(overview());
		this.mvc
			.perform(get("/queues").param("source", "7")
				.param("queue", "defer")
				.param("domain", " A.example ")
				.param("from", "2026-12-04T08:00")
				.param("to", "2026-12-04T10:30")
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("id=\"queues-panel\"")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("href=\"/senders?queue=defer&amp;domain=a.example\"")));
		then(this.queues).should()
			.overview(new QueueOverviewQuery(7L, Queue.DEFER, "a.example", Instant.parse("2026-12-04T08:00:00Z"),
					Instant.parse("2026-12-04T10:30:00Z")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void badFiltersAre400NotErrors() throws Exception {
		this.mvc.perform(get("/queues").param("queue", "other").header("HX-Request", "true"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The filter is not valid")));
		this.mvc.perform(get("/queues").param("source", "1 or 1=1")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/queues").param("from", "2026-12-04T10:00").param("to", "2026-12-04T09:00"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/queues").param("from", "yesterday")).andExpect(status().isBadRequest());
		then(this.queues).should(never()).overview(any());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void nothingReadYetShowsTheEmptyState() throws Exception {
		given(this.queues.overview(any())).willReturn(new QueueOverview(Map.of(), List.of(), null, List.of(), List.of(),
				new AgeDistribution(List.of(), null, null), null));
		this.mvc.perform(get("/queues"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No queue folder read yet")))
			.andExpect(content().string(not(containsString("<svg"))));
	}

	@Test
	void anAnonymousRequestIsNotServed() throws Exception {
		this.mvc.perform(get("/queues")).andExpect(status().is3xxRedirection());
		then(this.queues).should(never()).overview(any());
	}

}
