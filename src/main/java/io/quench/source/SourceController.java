package io.quench.source;

import java.time.Clock;
import java.util.function.Supplier;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRedirectView;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The list of sources (with adding, enabling, removing for ADMIN) and one source's page.
 * One URL each, a full page for a plain request and the panel fragment for htmx; plain
 * forms redirect back (POST-redirect-GET). Who may do what is decided by
 * {@link SourceService}; buttons a role cannot use are hidden in the templates.
 */
@Controller
class SourceController {

	static final String PATH = "/sources";

	/** Runs shown on a source's page: enough to see a pattern, few enough to read. */
	static final int HISTORY = 20;

	/** Unrecognised line shapes shown: past the first fifty it is a long tail. */
	static final int SHAPES = 50;

	private final SourceService sources;

	private final Clock clock;

	SourceController(SourceService sources, Clock clock) {
		this.sources = sources;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String list(HtmxRequest htmx, Model model, HttpServletResponse response) {
		response.setHeader("Vary", "HX-Request");
		listModel(model);
		return htmx.isHtmxRequest() ? "source/list :: panel" : "source/list";
	}

	@PostMapping(PATH)
	String add(@ModelAttribute("form") SourceForm form, Authentication actor, HtmxRequest htmx, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return outcome(() -> {
			this.sources.add(form.definition(), actor.getName());
			return "source.added";
		}, form, htmx, model, redirect, response);
	}

	@PostMapping(PATH + "/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, Authentication actor, HtmxRequest htmx,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return outcome(() -> {
			this.sources.setEnabled(id, enabled, actor.getName());
			return enabled ? "source.enabledDone" : "source.disabledDone";
		}, null, htmx, model, redirect, response);
	}

	@PostMapping(PATH + "/{id}/remove")
	String remove(@PathVariable long id, Authentication actor, HtmxRequest htmx, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return outcome(() -> {
			this.sources.remove(id, actor.getName());
			return "source.removed";
		}, null, htmx, model, redirect, response);
	}

	/**
	 * Starts a scan and goes to its run page (HX-Redirect for htmx). A refusal is shown
	 * in the page's flash region.
	 */
	@PostMapping(PATH + "/{id}/scan")
	ModelAndView scan(@PathVariable long id, Authentication actor, HtmxRequest htmx, RedirectAttributes redirect,
			HttpServletResponse response) {
		long runId;
		try {
			runId = this.sources.scan(id, actor.getName());
		}
		catch (SourceRuleViolation ex) {
			if (htmx.isHtmxRequest()) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				response.setHeader("HX-Retarget", "#flash");
				response.setHeader("HX-Reswap", "innerHTML");
				ModelAndView flash = new ModelAndView("fragments/flash :: messages");
				flash.addObject("errorKey", ex.messageKey());
				return flash;
			}
			redirect.addFlashAttribute("errorKey", ex.messageKey());
			return new ModelAndView("redirect:" + PATH + "/" + id);
		}
		String run = IngestRunController.PATH.replace("{runId}", Long.toString(runId));
		return htmx.isHtmxRequest() ? new ModelAndView(new HtmxRedirectView(run, true))
				: new ModelAndView("redirect:" + run);
	}

	@GetMapping(PATH + "/{id}")
	String detail(@PathVariable long id, HtmxRequest htmx, Model model, HttpServletResponse response) {
		response.setHeader("Vary", "HX-Request");
		Source source = this.sources.get(id);
		model.addAttribute("source", source);
		model.addAttribute("runs", this.sources.runs(id, HISTORY));
		model.addAttribute("now", this.clock.instant());
		boolean logSource = source.kind() == SourceKind.POA_LOG || source.kind() == SourceKind.GWIA_LOG;
		model.addAttribute("logSource", logSource);
		if (logSource) {
			model.addAttribute("shapes", this.sources.unmatchedShapes(id, SHAPES));
		}
		return htmx.isHtmxRequest() ? "source/detail :: panel" : "source/detail";
	}

	private void listModel(Model model) {
		model.addAttribute("overviews", this.sources.overview());
		model.addAttribute("kinds", SourceKind.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", SourceForm.blank());
		}
	}

	private String outcome(Supplier<String> action, SourceForm form, HtmxRequest htmx, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		String flashKey = null;
		String errorKey = null;
		try {
			flashKey = action.get();
		}
		catch (SourceRuleViolation ex) {
			errorKey = ex.messageKey();
		}
		// After a success the form starts empty again; after a refusal it keeps what was
		// typed.
		SourceForm shown = (errorKey != null && form != null) ? form : SourceForm.blank();
		if (htmx.isHtmxRequest()) {
			if (errorKey != null) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			}
			model.addAttribute("panelFlashKey", flashKey);
			model.addAttribute("panelErrorKey", errorKey);
			model.addAttribute("form", shown);
			listModel(model);
			return "source/list :: panel";
		}
		redirect.addFlashAttribute("flashKey", flashKey);
		redirect.addFlashAttribute("errorKey", errorKey);
		redirect.addFlashAttribute("form", shown);
		return "redirect:" + PATH;
	}

}
