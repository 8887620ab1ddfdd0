package io.quench.user;

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
 * Admin page for operator accounts: one URL, a full page for a plain request and the
 * table fragment for htmx. Every change is published as {@link OperatorAccountChanged}
 * for the audit trail.
 */
@Controller
class AdminOperatorsController {

	static final String PATH = "/admin/users";

	private final OperatorService operators;

	AdminOperatorsController(OperatorService operators) {
		this.operators = operators;
	}

	@GetMapping(PATH)
	String list(HtmxRequest htmx, Model model, HttpServletResponse response) {
		response.setHeader("Vary", "HX-Request");
		model.addAttribute("operators", this.operators.list());
		model.addAttribute("roles", Role.values());
		return htmx.isHtmxRequest() ? "user/users :: panel" : "user/users";
	}

	@PostMapping(PATH)
	String create(@RequestParam String username, @RequestParam Role role, Authentication actor, HtmxRequest htmx,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return outcome(() -> {
			OperatorService.TemporaryPassword created = this.operators.create(username, role, actor.getName());
			return new Outcome("operator.created", created);
		}, htmx, model, redirect, response);
	}

	@PostMapping(PATH + "/{id}/password")
	String resetPassword(@PathVariable long id, Authentication actor, HtmxRequest htmx, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return outcome(() -> new Outcome("operator.passwordReset", this.operators.resetPassword(id, actor.getName())),
				htmx, model, redirect, response);
	}

	@PostMapping(PATH + "/{id}/role")
	String changeRole(@PathVariable long id, @RequestParam Role role, Authentication actor, HtmxRequest htmx,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return outcome(() -> {
			this.operators.changeRole(id, role, actor.getName());
			return new Outcome("operator.roleChanged", null);
		}, htmx, model, redirect, response);
	}

	@PostMapping(PATH + "/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, Authentication actor, HtmxRequest htmx,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return outcome(() -> {
			this.operators.setEnabled(id, enabled, actor.getName());
			return new Outcome(enabled ? "operator.enabled" : "operator.disabled", null);
		}, htmx, model, redirect, response);
	}

	private record Outcome(String messageKey, OperatorService.TemporaryPassword temporary) {
	}

	private String outcome(java.util.function.Supplier<Outcome> action, HtmxRequest htmx, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		String flashKey;
		String errorKey = null;
		OperatorService.TemporaryPassword temporary = null;
		try {
			Outcome outcome = action.get();
			flashKey = outcome.messageKey();
			temporary = outcome.temporary();
		}
		catch (OperatorRuleViolation ex) {
			flashKey = null;
			errorKey = ex.messageKey();
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		if (htmx.isHtmxRequest()) {
			model.addAttribute("flashKey", flashKey);
			model.addAttribute("errorKey", errorKey);
			model.addAttribute("temporary", temporary);
			model.addAttribute("operators", this.operators.list());
			model.addAttribute("roles", Role.values());
			return "user/users :: panel";
		}
		redirect.addFlashAttribute("flashKey", flashKey);
		redirect.addFlashAttribute("errorKey", errorKey);
		redirect.addFlashAttribute("temporary", temporary);
		return "redirect:" + PATH;
	}

}
