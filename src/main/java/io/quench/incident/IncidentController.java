package io.quench.incident;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class IncidentController {

	@GetMapping("/incidents")
	String page() {
		return "incident/list";
	}

}
