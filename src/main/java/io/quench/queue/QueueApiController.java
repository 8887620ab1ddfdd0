package io.quench.queue;

import java.time.Instant;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The queue depth series as JSON (docs/api.md). */
@RestController
class QueueApiController {

	private final QueueOverviewService queues;

	QueueApiController(QueueOverviewService queues) {
		this.queues = queues;
	}

	@GetMapping("/api/v1/queues/depth")
	List<DepthPoint> depth(@RequestParam(required = false) String source,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
		return this.queues.depth(QueueController.sourceId(source), from, to);
	}

}
