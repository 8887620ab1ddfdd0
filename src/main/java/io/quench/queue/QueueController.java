package io.quench.queue;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class QueueController {

	@GetMapping("/queues")
	String page() {
		return "queue/overview";
	}

}
