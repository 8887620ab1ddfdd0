package io.quench.web;

import java.time.Clock;
import java.time.Duration;

import io.quench.user.DemoProperties;
import io.quench.user.LoginThrottledException;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

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
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
			HttpSession session, Model model) {
		if (error != null) {
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
		model.addAttribute("loggedOut", logout != null);
		model.addAttribute("demo", this.demo.active());
		return "web/login";
	}

}
