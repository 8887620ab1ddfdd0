package io.quench.sender;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.quench.source.Source;
import io.quench.source.SourceService;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Top senders page's KB view ({@code /senders?counts=kb}): the KB pipeline's exact
 * {@code <EmailAddress>} occurrence counts of one queue source, with the census's
 * progress while it counts (the panel polls itself), an address-domain filter, paging and
 * the same list as CSV. Roles are enforced by {@link KbCountService}.
 */
@Controller
class KbCountController {

	static final String MODE = "kb";

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	/** Longest domain filter accepted (a domain name is at most 255 characters). */
	static final int MAX_DOMAIN = 255;

	private final KbCountService counts;

	private final SourceService sources;

	KbCountController(KbCountService counts, SourceService sources) {
		this.counts = counts;
		this.sources = sources;
	}

	@GetMapping(path = SenderController.PATH, params = "counts=" + MODE)
	String list(@RequestParam(required = false) Long source, @RequestParam(required = false) String domain,
			@RequestParam(defaultValue = "0") int page, HtmxRequest htmx, Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.VARY, "HX-Request");
		List<Source> queues = this.counts.queueSources();
		model.addAttribute("queueSources", queues);
		model.addAttribute("domain", domain);
		boolean fragment = htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest();
		String view = fragment ? "sender/kb :: panel" : "sender/kb";
		Source selected = select(queues, source);
		if (selected == null || page < 0 || (domain != null && domain.length() > MAX_DOMAIN)) {
			if (source != null || page < 0 || domain != null && domain.length() > MAX_DOMAIN) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("filterErrorKey", "senders.kb.invalid");
			}
			return view;
		}
		model.addAttribute("selected", selected);
		KbState state = this.counts.state(selected);
		KbState.KbPage result = state.page(domain, page);
		model.addAttribute("state", state);
		model.addAttribute("result", result);
		model.addAttribute("selfUrl", url(SenderController.PATH, selected.id(), domain, page));
		model.addAttribute("previousUrl",
				result.hasPrevious() ? url(SenderController.PATH, selected.id(), domain, page - 1) : null);
		model.addAttribute("nextUrl",
				result.hasNext() ? url(SenderController.PATH, selected.id(), domain, page + 1) : null);
		model.addAttribute("csvUrl", url(SenderController.PATH + ".csv", selected.id(), domain, 0));
		return view;
	}

	@GetMapping(path = SenderController.PATH + ".csv", params = "counts=" + MODE)
	ResponseEntity<String> csv(@RequestParam(required = false) Long source,
			@RequestParam(required = false) String domain) {
		Source selected = select(this.counts.queueSources(), source);
		if (selected == null) {
			return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("no such queue source");
		}
		KbState state = this.counts.state(selected);
		if (state.counts() == null) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.contentType(MediaType.TEXT_PLAIN)
				.body("still counting, try again when the page shows the counts");
		}
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("kb-address-counts.csv").build().toString())
			.body(KbCsv.of(state.all(domain)));
	}

	@PostMapping(SenderController.PATH + "/kb-counts/refresh")
	String refresh(@RequestParam long source, @RequestParam(required = false) String domain, HtmxRequest htmx,
			Model model, HttpServletResponse response) {
		// The source must be one this operator may see; an unknown id is a 404.
		this.sources.get(source);
		this.counts.refresh(source);
		if (htmx.isHtmxRequest()) {
			return list(source, domain, 0, htmx, model, response);
		}
		return "redirect:" + url(SenderController.PATH, source, domain, 0);
	}

	/** The source asked for, or the first queue source when none was asked for. */
	private static Source select(List<Source> queues, Long id) {
		if (id == null) {
			return queues.isEmpty() ? null : queues.get(0);
		}
		return queues.stream().filter((s) -> s.id() == id).findFirst().orElse(null);
	}

	static String url(String path, long source, String domain, int page) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(path)
			.queryParam("counts", MODE)
			.queryParam("source", source);
		if (domain != null && !domain.isBlank()) {
			url.queryParam("domain", domain);
		}
		if (page > 0) {
			url.queryParam("page", page);
		}
		return url.encode().build().toUriString();
	}

}
