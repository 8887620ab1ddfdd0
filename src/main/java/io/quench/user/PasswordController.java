package io.quench.user;

import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRedirectView;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The signed-in operator changes their own password (forced after a temporary one).
 */
@Controller
class PasswordController {

	private final OperatorService operators;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	PasswordController(OperatorService operators) {
		this.operators = operators;
	}

	record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {
	}

	@GetMapping(PasswordChange.PATH)
	String form(Authentication authentication, Model model) {
		model.addAttribute("form", new PasswordForm("", "", ""));
		model.addAttribute("forced", mustChange(authentication));
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		return "user/password";
	}

	@PostMapping(PasswordChange.PATH)
	ModelAndView change(@ModelAttribute("form") PasswordForm form, Authentication authentication, HtmxRequest htmx,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		String error = null;
		if (form.newPassword() == null || !form.newPassword().equals(form.confirmPassword())) {
			error = "password.mismatch";
		}
		else {
			try {
				this.operators.changeOwnPassword(authentication.getName(), nullToEmpty(form.currentPassword()),
						form.newPassword());
			}
			catch (OperatorRuleViolation ex) {
				error = ex.messageKey();
			}
		}
		if (error != null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("form", new PasswordForm("", "", ""));
			model.addAttribute("forced", mustChange(authentication));
			model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
			model.addAttribute("errorKey", error);
			return new ModelAndView(htmx.isHtmxRequest() ? "user/password :: form" : "user/password", model.asMap());
		}
		refreshAuthentication(authentication, request, response);
		redirect.addFlashAttribute("flashKey", "password.changed");
		// htmx: a full-page navigation (HX-Redirect), not a page swapped into the form.
		return new ModelAndView(htmx.isHtmxRequest() ? new HtmxRedirectView("/") : new RedirectView("/", true));
	}

	/**
	 * The session keeps the new authorities, without the forced-change mark, under a new
	 * session id.
	 */
	private void refreshAuthentication(Authentication old, HttpServletRequest request, HttpServletResponse response) {
		List<GrantedAuthority> authorities = old.getAuthorities()
			.stream()
			.filter((a) -> !PasswordChange.REQUIRED_AUTHORITY.equals(a.getAuthority()))
			.map(GrantedAuthority.class::cast)
			.toList();
		UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken
			.authenticated(old.getPrincipal(), null, authorities);
		updated.setDetails(old.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(updated);
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		this.contexts.saveContext(context, request, response);
	}

	private static boolean mustChange(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.anyMatch((a) -> PasswordChange.REQUIRED_AUTHORITY.equals(a.getAuthority()));
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

}
