package io.quench.audit;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class AuditController {

	@GetMapping("/audit")
	String page() {
		return "audit/list";
	}

}
