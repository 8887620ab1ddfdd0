package io.quench.source;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One scan's page: progress, counts, top senders so far and the per-item errors, page by
 * page. While the scan runs, the panel fragment polls this same URL every second; the
 * fragment of a finished scan no longer polls.
 */
@Controller
class IngestRunController {

	static final String PATH = "/sources/runs/{runId}";

	/** Errors per page: a screenful, cheap enough to render again every second. */
	static final int ERRORS_PER_PAGE = 50;

	/**
	 * Highest page asked for; keeps the offset an int (at most 10 000 errors are kept).
	 */
	private static final int MAX_PAGE = 100_000;

	private final SourceService sources;

	private final Clock clock;

	IngestRunController(SourceService sources, Clock clock) {
		this.sources = sources;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String run(@PathVariable long runId, @RequestParam(defaultValue = "1") int errorsPage, HtmxRequest htmx,
			Model model, HttpServletResponse response) {
		response.setHeader("Vary", "HX-Request");
		IngestRun run = panelModel(runId, errorsPage, model);
		if (htmx.isHtmxRequest()) {
			return "source/run :: panel";
		}
		model.addAttribute("source", this.sources.get(run.sourceId()));
		return "source/run";
	}

	@PostMapping(PATH + "/cancel")
	String cancel(@PathVariable long runId, Authentication actor, HtmxRequest htmx, Model model) {
		this.sources.cancel(runId, actor.getName());
		if (htmx.isHtmxRequest()) {
			panelModel(runId, 1, model);
			return "source/run :: panel";
		}
		return "redirect:" + PATH.replace("{runId}", Long.toString(runId));
	}

	private IngestRun panelModel(long runId, int errorsPage, Model model) {
		IngestRun run = this.sources.run(runId);
		int page = Math.max(1, Math.min(errorsPage, MAX_PAGE));
		// One more than a page tells whether there is a next page.
		List<IngestError> errors = this.sources.errors(runId, (page - 1) * ERRORS_PER_PAGE, ERRORS_PER_PAGE + 1);
		Instant now = this.clock.instant();
		model.addAttribute("run", run);
		model.addAttribute("now", now);
		model.addAttribute("eta", run.eta(now));
		model.addAttribute("topSenders", topSenders(run.topSenders()));
		model.addAttribute("errors", errors.subList(0, Math.min(errors.size(), ERRORS_PER_PAGE)));
		model.addAttribute("errorsPage", page);
		model.addAttribute("hasNextErrors", errors.size() > ERRORS_PER_PAGE);
		return run;
	}

	/** The run's "count address" lines, in order. */
	static List<SenderCount> topSenders(String text) {
		List<SenderCount> senders = new ArrayList<>();
		if (text == null) {
			return senders;
		}
		for (String line : text.split("\n")) {
			int space = line.indexOf(' ');
			if (space > 0 && line.substring(0, space).chars().allMatch(Character::isDigit) && space < 19) {
				senders.add(new SenderCount(line.substring(space + 1), Long.parseLong(line.substring(0, space))));
			}
		}
		return senders;
	}

}
