package io.quench.queue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Queues page: depth over time, top senders now, age distribution and the burst's
 * start. One URL: the full page for a plain request, the panel for htmx. Roles are
 * enforced by {@link QueueOverviewService}.
 */
@Controller
class QueueController {

	static final String PATH = "/queues";

	private final QueueOverviewService queues;

	QueueController(QueueOverviewService queues) {
		this.queues = queues;
	}

	@GetMapping(PATH)
	String page(@RequestParam(required = false) String source, @RequestParam(required = false) String queue,
			@RequestParam(required = false) String domain,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
			HtmxRequest htmx, Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.VARY, "HX-Request");
		model.addAttribute("source", source);
		model.addAttribute("queue", queue);
		model.addAttribute("domain", domain);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("queues", List.of("all", "send", "defer"));
		try {
			QueueOverviewQuery query = new QueueOverviewQuery(sourceId(source), QueueOverviewQuery.Queue.parse(queue),
					domain, utc(from), utc(to));
			model.addAttribute("overview", this.queues.overview(query));
			model.addAttribute("queueParam", query.queue().name().toLowerCase(java.util.Locale.ROOT));
		}
		catch (InvalidQueueQueryException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("filterErrorKey", "queues.filter.invalid");
		}
		boolean fragment = htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest();
		return fragment ? "queue/overview :: panel" : "queue/overview";
	}

	/** Blank is "all sources"; anything but a number is refused. */
	static Long sourceId(String source) {
		if (source == null || source.isBlank() || "all".equalsIgnoreCase(source.strip())) {
			return null;
		}
		try {
			return Long.valueOf(source.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidQueueQueryException("unknown source");
		}
	}

	private static Instant utc(LocalDateTime time) {
		return (time != null) ? time.toInstant(ZoneOffset.UTC) : null;
	}

}
