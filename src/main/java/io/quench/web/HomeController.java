package io.quench.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	/** The incident view is where an operator starts. */
	@GetMapping("/")
	String home() {
		return "redirect:/incidents";
	}

}
