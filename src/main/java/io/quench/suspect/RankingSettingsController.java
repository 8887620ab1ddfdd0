package io.quench.suspect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings &gt; Ranking: every threshold with its current value, its configured default
 * and what it means, one form to change one or several, and a reset per threshold. ADMIN
 * only (the URL rule and {@link RankingSettings}). A plain form redirects back
 * (POST-redirect-GET); htmx gets the panel.
 */
@Controller
class RankingSettingsController {

	static final String PATH = "/settings/ranking";

	private final RankingSettings settings;

	RankingSettingsController(RankingSettings settings) {
		this.settings = settings;
	}

	@GetMapping(PATH)
	String page(HtmxRequest htmx, Model model, HttpServletResponse response) {
		response.setHeader("Vary", "HX-Request");
		model.addAttribute("settings", this.settings.settings());
		return (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest()) ? "settings/ranking :: panel"
				: "settings/ranking";
	}

	@PostMapping(PATH)
	String change(@RequestParam Map<String, String> form, Authentication actor, HtmxRequest htmx, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Map<String, String> values = new LinkedHashMap<>(form);
		values.remove("_csrf");
		RankingThresholdsChanged changed;
		try {
			changed = this.settings.change(values, actor.getName());
		}
		catch (InvalidThresholdException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("invalid", ex.threshold().property());
			model.addAttribute("invalidMin", ex.threshold().min());
			model.addAttribute("invalidMax", ex.threshold().max());
			model.addAttribute("submitted", values);
			model.addAttribute("settings", this.settings.settings());
			return htmx.isHtmxRequest() ? "settings/ranking :: panel" : "settings/ranking";
		}
		return done(changed, htmx, model, redirect);
	}

	@PostMapping(PATH + "/reset")
	String reset(@RequestParam String threshold, Authentication actor, HtmxRequest htmx, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		RankingThresholdsChanged changed;
		try {
			changed = this.settings.reset(threshold, actor.getName());
		}
		catch (InvalidRankingQueryException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("unknown", true);
			model.addAttribute("settings", this.settings.settings());
			return htmx.isHtmxRequest() ? "settings/ranking :: panel" : "settings/ranking";
		}
		return done(changed, htmx, model, redirect);
	}

	private String done(RankingThresholdsChanged changed, HtmxRequest htmx, Model model, RedirectAttributes redirect) {
		List<RankingThresholdsChanged.Change> changes = (changed != null) ? changed.changes() : List.of();
		if (htmx.isHtmxRequest()) {
			model.addAttribute("changes", changes);
			model.addAttribute("settings", this.settings.settings());
			return "settings/ranking :: panel";
		}
		redirect.addFlashAttribute("changes", changes);
		return "redirect:" + PATH;
	}

}
