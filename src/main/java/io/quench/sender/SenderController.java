package io.quench.sender;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.quench.query.QueryUrl;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Top senders page: one URL, the full page for a plain request and the panel fragment
 * for htmx, and the same list (all pages) as CSV. Roles are enforced by
 * {@link SenderService}.
 */
@Controller
class SenderController {

	static final String PATH = "/senders";

	private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private final SenderService senders;

	SenderController(SenderService senders) {
		this.senders = senders;
	}

	/** The request's filters, as given (for the form and the links). */
	record Filters(String queue, String domain, String subject, LocalDateTime from, LocalDateTime to, String sort) {

		SenderQuery query(int page) {
			return new SenderQuery(parse(SenderQuery.Queue.class, this.queue), this.domain, this.subject,
					utc(this.from), utc(this.to), parse(SenderQuery.Sort.class, this.sort), page);
		}

		String url(String path, String sort, Integer page) {
			return QueryUrl.of(path)
				.param("queue", this.queue)
				.param("domain", this.domain)
				.param("subject", this.subject)
				.param("from", this.from)
				.param("to", this.to)
				.param("sort", sort)
				.page(page)
				.toString();
		}

		/** Blank is the default; anything not a constant's name is refused. */
		private static <E extends Enum<E>> E parse(Class<E> type, String value) {
			if (value == null || value.isBlank()) {
				return null;
			}
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equalsIgnoreCase(value.strip())) {
					return constant;
				}
			}
			throw new InvalidSenderQueryException("unknown " + type.getSimpleName().toLowerCase(Locale.ROOT));
		}

		private static Instant utc(LocalDateTime time) {
			return (time != null) ? time.toInstant(ZoneOffset.UTC) : null;
		}

	}

	@GetMapping(PATH)
	String list(@RequestParam(required = false) String queue, @RequestParam(required = false) String domain,
			@RequestParam(required = false) String subject,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page, HtmxRequest htmx,
			Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.VARY, "HX-Request");
		Filters filters = new Filters(queue, domain, subject, from, to, sort);
		model.addAttribute("queue", queue);
		model.addAttribute("domain", domain);
		model.addAttribute("subject", subject);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("sort", sort);
		model.addAttribute("queues", List.of("all", "send", "defer"));
		SenderPage result;
		try {
			SenderQuery query = filters.query(page);
			result = this.senders.page(query);
			model.addAttribute("sortKey", query.sort().name().toLowerCase(Locale.ROOT));
		}
		catch (InvalidSenderQueryException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("filterErrorKey", "senders.filter.invalid");
			model.addAttribute("sortKey", "total");
			result = new SenderPage(List.of(), 0, 0);
		}
		model.addAttribute("result", result);
		Map<String, String> sortUrls = new LinkedHashMap<>();
		for (SenderQuery.Sort s : SenderQuery.Sort.values()) {
			String key = s.name().toLowerCase(Locale.ROOT);
			sortUrls.put(key, filters.url(PATH, key, null));
		}
		model.addAttribute("sortUrls", sortUrls);
		model.addAttribute("previousUrl", result.hasPrevious() ? filters.url(PATH, sort, result.page() - 1) : null);
		model.addAttribute("nextUrl", result.hasNext() ? filters.url(PATH, sort, result.page() + 1) : null);
		model.addAttribute("csvUrl", filters.url(PATH + ".csv", sort, null));
		// The filter pushes its URL: a history restore needs the whole page again.
		boolean fragment = htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest();
		return fragment ? "sender/list :: panel" : "sender/list";
	}

	@GetMapping(PATH + ".csv")
	ResponseEntity<String> csv(@RequestParam(required = false) String queue,
			@RequestParam(required = false) String domain, @RequestParam(required = false) String subject,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
			@RequestParam(required = false) String sort) {
		SenderQuery query;
		try {
			query = new Filters(queue, domain, subject, from, to, sort).query(0);
		}
		catch (InvalidSenderQueryException ex) {
			return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(ex.getMessage());
		}
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("senders.csv").build().toString())
			.body(SenderCsv.of(this.senders.export(query)));
	}

}
