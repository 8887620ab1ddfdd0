package io.quench.queue;

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
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(QueueApiController.class)
@WebSliceTest
class QueueApiControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	QueueOverviewService queues;

	@Test
	void anAnonymousClientGets401() throws Exception {
		this.mvc.perform(get("/api/v1/queues/depth")).andExpect(status().isUnauthorized());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theDepthSeriesIsAListOfTimeFolderMessagesAndBytes() throws Exception {
		given(this.queues.depth(any(), any(), any()))
			.willReturn(List.of(new DepthPoint(Instant.parse("2026-12-04T09:00:00Z"), "SEND", 1203, 4_000_000)));
		this.mvc
			.perform(get("/api/v1/queues/depth").param("source", "7")
				.param("from", "2026-12-04T00:00:00Z")
				.param("to", "2026-12-05T00:00:00Z"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].at").value("2026-12-04T09:00:00Z"))
			.andExpect(jsonPath("$[0].folder").value("SEND"))
			.andExpect(jsonPath("$[0].messages").value(1203))
			.andExpect(jsonPath("$[0].bytes").value(4_000_000));
		then(this.queues).should()
			.depth(7L, Instant.parse("2026-12-04T00:00:00Z"), Instant.parse("2026-12-05T00:00:00Z"));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aBadSourceOrWindowIsABadRequest() throws Exception {
		given(this.queues.depth(any(), any(), any()))
			.willThrow(new InvalidQueueQueryException("from must be before to"));
		this.mvc.perform(get("/api/v1/queues/depth").param("source", "x")).andExpect(status().isBadRequest());
		this.mvc
			.perform(get("/api/v1/queues/depth").param("from", "2026-12-05T00:00:00Z")
				.param("to", "2026-12-04T00:00:00Z"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/queues/depth").param("from", "nonsense")).andExpect(status().isBadRequest());
	}

}
