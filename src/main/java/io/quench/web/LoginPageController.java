package io.quench.web;

import java.time.Clock;
import java.time.Duration;

import io.quench.user.DemoProperties;
import io.quench.user.LoginThrottledException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page. It says why the last attempt failed without telling whether the user
 * name exists.
 */
@Controller
class LoginPageController {

	private final DemoProperties demo;

	private final Clock clock;

	LoginPageController(DemoProperties demo, Clock clock) {
		this.demo = demo;
		this.clock = clock;
	}

	@GetMapping("/login")
	String login(HttpServletRequest request, Model model) {
		HttpSession session = request.getSession(false);
		// "/login?error" and "/login?logout" carry the flag as a parameter without a
		// value.
		if (request.getParameterMap().containsKey("error")) {
			Object last = (session != null) ? session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) : null;
			if (last instanceof LoginThrottledException throttled) {
				long minutes = Math.max(1,
						Duration.between(this.clock.instant(), throttled.until()).plusSeconds(59).toMinutes());
				model.addAttribute("errorKey", "login.throttled");
				model.addAttribute("minutes", minutes);
			}
			else if (last instanceof DisabledException) {
				model.addAttribute("errorKey", "login.disabled");
			}
			else {
				model.addAttribute("errorKey", "login.failed");
			}
		}
		if (request.getParameterMap().containsKey("disabled")) {
			model.addAttribute("errorKey", "login.sessionEnded");
		}
		model.addAttribute("loggedOut", request.getParameterMap().containsKey("logout"));
		model.addAttribute("demo", this.demo.active());
		return "web/login";
	}

}
