package io.quench.suspect;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SuspectController {

	@GetMapping("/suspects")
	String page() {
		return "suspect/list";
	}

}
