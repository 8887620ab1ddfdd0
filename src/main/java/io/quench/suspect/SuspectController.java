package io.quench.suspect;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Suspects page: the ranking with its reasons over an optional UTC window, and the
 * operators' verdicts. One URL, the full page for a plain request and the panel fragment
 * for htmx; a plain verdict form redirects back (POST-redirect-GET). Roles are enforced
 * by {@link SuspectService}; the verdict form is hidden from viewers in the template. The
 * page shows one page of the ranking ({@code page}, 0-based, and {@code size}): the rank
 * is computed over all accounts and then sliced, so the first page starts from the top.
 */
@Controller
class SuspectController {

	static final String PATH = "/suspects";

	static final int DEFAULT_SIZE = 50;

	static final int MAX_SIZE = 200;

	private final SuspectService suspects;

	/**
	 * How long a page waits for evidence still being collected before it says so and
	 * polls instead ({@code quench.ranking.page-wait}).
	 */
	private final Duration wait;

	SuspectController(SuspectService suspects, @Value("${quench.ranking.page-wait:2s}") Duration wait) {
		this.suspects = suspects;
		this.wait = wait;
	}

	@GetMapping(PATH)
	String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size, HtmxRequest htmx,
			Model model, HttpServletResponse response) {
		response.setHeader("Vary", "HX-Request");
		if (!listModel(from, to, page, size, model)) {
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
			@RequestParam(required = false) String page, @RequestParam(required = false) String size,
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
			listModel(from, to, page, size, model);
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
		if (page != null && !page.isBlank()) {
			redirect.addAttribute("page", page);
		}
		if (size != null && !size.isBlank()) {
			redirect.addAttribute("size", size);
		}
		return "redirect:" + PATH;
	}

	/**
	 * Fills one page of the ranking; false when the window or the paging is invalid (from
	 * not before to, a page below 0, a size outside 1 to {@value #MAX_SIZE}).
	 */
	private boolean listModel(LocalDateTime from, LocalDateTime to, String page, String size, Model model) {
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("verdicts", Verdict.values());
		List<Suspect> ranking;
		int pageNumber = 0;
		int pageSize = DEFAULT_SIZE;
		boolean valid = true;
		String errorKey = "suspects.paging.invalid";
		try {
			pageNumber = parse(page, 0, 0, Integer.MAX_VALUE);
			pageSize = parse(size, DEFAULT_SIZE, 1, MAX_SIZE);
			errorKey = "suspects.filter.invalid";
			SuspectService.Ranking result = this.suspects.ranking(new RankingQuery(utc(from), utc(to)), this.wait);
			model.addAttribute("evidence", result);
			ranking = result.ready() ? result.suspects() : List.of();
		}
		catch (InvalidRankingQueryException ex) {
			model.addAttribute("filterErrorKey", errorKey);
			ranking = List.of();
			valid = false;
		}
		int total = ranking.size();
		int line = line(ranking);
		long offset = (long) pageNumber * pageSize;
		int start = (int) Math.min(offset, total);
		int end = (int) Math.min(offset + pageSize, total);
		List<Suspect> slice = ranking.subList(start, end);
		model.addAttribute("suspects", slice);
		model.addAttribute("total", total);
		model.addAttribute("line", line);
		model.addAttribute("offset", start);
		model.addAttribute("page", pageNumber);
		model.addAttribute("size", pageSize);
		model.addAttribute("sizeParam", (pageSize != DEFAULT_SIZE) ? pageSize : null);
		// Where the line is drawn among this page's rows (-1: on another page).
		int lineIndex = -1;
		if (line >= start && (line < end || (line == total && end == total))) {
			lineIndex = line - start;
		}
		model.addAttribute("lineIndex", lineIndex);
		model.addAttribute("previousUrl", (valid && pageNumber > 0)
				? url(from, to, (int) Math.min(pageNumber - 1, pageBefore(total, pageSize)), pageSize) : null);
		model.addAttribute("nextUrl", (valid && end < total) ? url(from, to, pageNumber + 1, pageSize) : null);
		model.addAttribute("firstUrl", (valid && pageNumber > 0) ? url(from, to, 0, pageSize) : null);
		model.addAttribute("selfUrl", url(from, to, pageNumber, pageSize));
		return valid;
	}

	/** The last page that has rows (for "previous" from a page past the end). */
	private static int pageBefore(int total, int size) {
		return Math.max(0, (total - 1) / size);
	}

	/** The page's URL with the window kept; page 0 and the default size are left out. */
	static String url(LocalDateTime from, LocalDateTime to, int page, int size) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(PATH);
		if (from != null) {
			url.queryParam("from", from.toString());
		}
		if (to != null) {
			url.queryParam("to", to.toString());
		}
		if (page > 0) {
			url.queryParam("page", page);
		}
		if (size != DEFAULT_SIZE) {
			url.queryParam("size", size);
		}
		return url.encode().build().toUriString();
	}

	/** Blank is the default; anything else must be a whole number in range. */
	private static int parse(String value, int defaultValue, int min, int max) {
		if (value == null || value.isBlank()) {
			return defaultValue;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number < min || number > max) {
				throw new InvalidRankingQueryException("out of range: " + number);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new InvalidRankingQueryException("not a number: " + value);
		}
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
