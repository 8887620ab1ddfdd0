package io.quench.source;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The "provisional numbers" banner of the Suspects and Top senders pages: the scans going
 * on now. The pages load it with htmx and it polls this URL every few seconds, so it
 * appears when a scan starts and disappears when the last one ends.
 */
@Controller
class IngestingController {

	static final String PATH = "/sources/ingesting";

	private final SourceService sources;

	IngestingController(SourceService sources) {
		this.sources = sources;
	}

	@GetMapping(PATH)
	String banner(Model model, HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("ingesting", this.sources.running());
		return "fragments/provisional :: banner";
	}

}
