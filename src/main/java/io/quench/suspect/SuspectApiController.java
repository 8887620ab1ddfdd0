package io.quench.suspect;

import java.time.Instant;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ranked suspects as JSON (docs/api.md). */
@RestController
class SuspectApiController {

	private final SuspectService suspects;

	SuspectApiController(SuspectService suspects) {
		this.suspects = suspects;
	}

	@GetMapping("/api/v1/suspects")
	List<Suspect> suspects(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
		return this.suspects.ranking(new RankingQuery(from, to));
	}

}
