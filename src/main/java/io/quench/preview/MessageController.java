package io.quench.preview;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A queued message's page, its sanitized HTML body (a document of its own, framed in a
 * sandbox), its raw source by ranges, and a sender's sample list. Roles are enforced by
 * {@link MessageService}; the HTML document's headers by the web security configuration.
 */
@Controller
class MessageController {

	private final MessageService messages;

	MessageController(MessageService messages) {
		this.messages = messages;
	}

	@GetMapping("/messages/{id}")
	String page(@PathVariable long id, @RequestParam(required = false) Integer sample,
			@RequestParam(required = false) String of, @RequestParam(required = false) String sender,
			@RequestParam(required = false) String queue, Principal principal, Model model) {
		MessagePreview preview = this.messages.preview(id, principal.getName());
		model.addAttribute("preview", preview);
		model.addAttribute("message", preview.message());
		model.addAttribute("rendered", preview.rendered());
		model.addAttribute("raw", preview.raw());
		SampleNavigation navigation = SampleNavigation.of(id, sample, of, sender, queue);
		model.addAttribute("navigation", navigation);
		if (navigation != null) {
			model.addAttribute("previousUrl", navigation.previousUrl());
			model.addAttribute("nextUrl", navigation.nextUrl());
			model.addAttribute("listUrl", navigation.listUrl());
		}
		return "message/view";
	}

	/**
	 * For htmx (the "Show HTML" button): the sandboxed frame. Otherwise the frame's
	 * document: the sanitized HTML body in a minimal page.
	 */
	@GetMapping("/messages/{id}/html")
	String html(@PathVariable long id, HtmxRequest htmx, Principal principal, Model model,
			HttpServletResponse response) {
		response.setHeader(HttpHeaders.VARY, "HX-Request");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		model.addAttribute("id", id);
		if (htmx.isHtmxRequest()) {
			model.addAttribute("frame", true);
			return "message/view :: htmlFrame";
		}
		RenderedMessage rendered = this.messages.html(id, principal.getName());
		model.addAttribute("html", (rendered != null) ? rendered.sanitizedHtml() : null);
		return "message/html";
	}

	@GetMapping("/messages/{id}/raw")
	String raw(@PathVariable long id, @RequestParam(defaultValue = "0") long offset, Principal principal, Model model) {
		model.addAttribute("id", id);
		model.addAttribute("raw", this.messages.raw(id, offset, principal.getName()));
		return "message/view :: rawChunk";
	}

	@GetMapping("/messages/samples")
	String samples(@RequestParam(required = false) String sender, @RequestParam(required = false) String queue,
			Model model, HttpServletResponse response) {
		model.addAttribute("sender", sender);
		model.addAttribute("queue", queue);
		model.addAttribute("queues", List.of("", "send", "defer"));
		List<Sample> samples = List.of();
		List<String> urls = new ArrayList<>();
		if (sender != null && !sender.isBlank()) {
			try {
				MessageQuery.Queue which = MessageQuery.queue(queue);
				samples = this.messages.samples(sender, which);
				List<Long> ids = samples.stream().map(Sample::id).toList();
				String cleanQueue = (which != null) ? which.name().toLowerCase(java.util.Locale.ROOT) : null;
				for (int i = 1; i <= ids.size(); i++) {
					urls.add(SampleNavigation.url(i, ids, sender.strip(), cleanQueue));
				}
			}
			catch (InvalidMessageQueryException ex) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("filterErrorKey", "preview.samples.invalid");
			}
		}
		model.addAttribute("samples", samples);
		model.addAttribute("sampleUrls", urls);
		return "message/samples";
	}

}
