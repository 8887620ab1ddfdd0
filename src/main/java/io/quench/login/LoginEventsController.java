package io.quench.login;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginEventsController {

	@GetMapping("/logins")
	String page() {
		return "login/events";
	}

}
