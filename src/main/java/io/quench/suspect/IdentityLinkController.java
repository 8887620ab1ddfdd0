package io.quench.suspect;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The identity links page: every link with its history, and a form "link ADDRESS or LOGIN
 * ID to ACCOUNT because ..." ({@code ?from=} prefills the first field, as the suspects
 * list's "link…" on an unmapped row does). One URL, the full page or the panel fragment
 * for htmx; a plain form that succeeds redirects back (POST-redirect-GET), one that fails
 * answers 400 with the message and the typed values. Roles are enforced by
 * {@link IdentityLinkService}; the forms are hidden from viewers in the template.
 */
@Controller
class IdentityLinkController {

	static final String PATH = "/suspects/links";

	private final IdentityLinkService links;

	IdentityLinkController(IdentityLinkService links) {
		this.links = links;
	}

	@GetMapping(PATH)
	String page(@RequestParam(required = false) String from, HtmxRequest htmx, Model model,
			HttpServletResponse response) {
		response.setHeader("Vary", "HX-Request");
		if (!model.containsAttribute("identifier")) {
			model.addAttribute("identifier", (from != null) ? cut(from.strip()) : "");
		}
		return view(htmx, model);
	}

	@PostMapping(PATH)
	String link(@RequestParam(required = false) String identifier, @RequestParam(required = false) String account,
			@RequestParam(required = false) String reason, Authentication actor, HtmxRequest htmx, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		response.setHeader("Vary", "HX-Request");
		try {
			IdentityLinked linked = this.links.link(identifier, account, reason, actor.getName());
			if (htmx.isHtmxRequest()) {
				model.addAttribute("linked", linked);
				model.addAttribute("identifier", "");
				return view(htmx, model);
			}
			redirect.addFlashAttribute("linked", linked);
			return "redirect:" + PATH;
		}
		catch (InvalidIdentityLinkException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errorKey", ex.key());
			model.addAttribute("identifier", cut(identifier));
			model.addAttribute("account", cut(account));
			model.addAttribute("reason", reason);
			return view(htmx, model);
		}
	}

	@PostMapping(PATH + "/{id}/remove")
	String unlink(@PathVariable long id, @RequestParam(required = false) String reason, Authentication actor,
			HtmxRequest htmx, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		response.setHeader("Vary", "HX-Request");
		try {
			IdentityUnlinked unlinked = this.links.unlink(id, reason, actor.getName());
			if (htmx.isHtmxRequest()) {
				model.addAttribute("unlinked", unlinked);
				model.addAttribute("identifier", "");
				return view(htmx, model);
			}
			redirect.addFlashAttribute("unlinked", unlinked);
			return "redirect:" + PATH;
		}
		catch (InvalidIdentityLinkException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errorKey", ex.key());
			model.addAttribute("failedLink", id);
			model.addAttribute("identifier", "");
			return view(htmx, model);
		}
	}

	private String view(HtmxRequest htmx, Model model) {
		model.addAttribute("links", this.links.links());
		boolean fragment = htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest();
		return fragment ? "suspect/links :: panel" : "suspect/links";
	}

	/** Typed values shown again: never more than a field holds. */
	private static String cut(String text) {
		if (text == null) {
			return "";
		}
		return (text.length() > IdentityLinkService.MAX_IDENTIFIER)
				? text.substring(0, IdentityLinkService.MAX_IDENTIFIER) : text;
	}

}
