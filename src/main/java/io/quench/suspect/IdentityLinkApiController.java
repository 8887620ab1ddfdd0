package io.quench.suspect;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The identity links with their history as JSON (docs/api.md). */
@RestController
class IdentityLinkApiController {

	private final IdentityLinkService links;

	IdentityLinkApiController(IdentityLinkService links) {
		this.links = links;
	}

	@GetMapping("/api/v1/identity-links")
	List<IdentityLink> links() {
		return this.links.links();
	}

}
