package io.quench.action;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ApprovalController {

	@GetMapping("/approvals")
	String page() {
		return "action/approvals";
	}

}
