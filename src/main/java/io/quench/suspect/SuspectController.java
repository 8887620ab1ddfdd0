package io.quench.suspect;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Suspects page: the ranking with its reasons over an optional UTC window, and the
 * operators' verdicts. One URL, the full page for a plain request and the panel fragment
 * for htmx; a plain verdict form redirects back (POST-redirect-GET). Roles are enforced
 * by {@link SuspectService}; the verdict form is hidden from viewers in the template.
 */
@Controller
class SuspectController {

	static final String PATH = "/suspects";

	private final SuspectService suspects;

	SuspectController(SuspectService suspects) {
		this.suspects = suspects;
	}

	@GetMapping(PATH)
	String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
			HtmxRequest htmx, Model model, HttpServletResponse response) {
		response.setHeader("Vary", "HX-Request");
		if (!listModel(from, to, model)) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		// The filter pushes its URL: a history restore needs the whole page again.
		boolean fragment = htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest();
		return fragment ? "suspect/list :: panel" : "suspect/list";
	}

	@PostMapping(PATH + "/{account:.+}/verdict")
	String verdict(@PathVariable String account, @RequestParam(required = false) Verdict verdict,
			@RequestParam(required = false) String reason,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
			@RequestParam(required = false) String back, Authentication actor, HtmxRequest htmx, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		VerdictRecorded recorded = null;
		String errorKey = null;
		if (verdict == null || reason == null || reason.isBlank() || reason.length() > SuspectService.MAX_REASON) {
			errorKey = "suspects.verdict.invalid";
		}
		else {
			try {
				recorded = this.suspects.recordVerdict(account, verdict, reason, actor.getName());
			}
			catch (InvalidRankingQueryException ex) {
				errorKey = "suspects.verdict.invalid";
			}
		}
		if (htmx.isHtmxRequest()) {
			if (errorKey != null) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("panelErrorKey", errorKey);
				model.addAttribute("failedAccount", account);
			}
			model.addAttribute("recorded", recorded);
			listModel(from, to, model);
			return "suspect/list :: panel";
		}
		if (recorded != null) {
			redirect.addFlashAttribute("recorded", recorded);
		}
		if (errorKey != null) {
			redirect.addFlashAttribute("panelErrorKey", errorKey);
			redirect.addFlashAttribute("failedAccount", account);
		}
		if ("account".equals(back)) {
			// From the account page: back to it, with its window.
			return "redirect:" + AccountController.url(account, from, to, null);
		}
		if (from != null) {
			redirect.addAttribute("from", from.toString());
		}
		if (to != null) {
			redirect.addAttribute("to", to.toString());
		}
		return "redirect:" + PATH;
	}

	/** Fills the ranking; false when the window is invalid (from not before to). */
	private boolean listModel(LocalDateTime from, LocalDateTime to, Model model) {
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("verdicts", Verdict.values());
		List<Suspect> ranking;
		boolean valid = true;
		try {
			ranking = this.suspects.ranking(new RankingQuery(utc(from), utc(to)));
		}
		catch (InvalidRankingQueryException ex) {
			model.addAttribute("filterErrorKey", "suspects.filter.invalid");
			ranking = List.of();
			valid = false;
		}
		model.addAttribute("suspects", ranking);
		model.addAttribute("line", line(ranking));
		return valid;
	}

	/** How many suspects, from the top, are above the "likely compromised" line. */
	static int line(List<Suspect> ranking) {
		int above = 0;
		while (above < ranking.size() && ranking.get(above).likelyCompromised()) {
			above++;
		}
		return above;
	}

	private static Instant utc(LocalDateTime time) {
		return (time != null) ? time.toInstant(ZoneOffset.UTC) : null;
	}

}
