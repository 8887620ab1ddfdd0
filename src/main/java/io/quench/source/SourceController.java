package io.quench.source;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SourceController {

	@GetMapping("/sources")
	String page() {
		return "source/list";
	}

}
