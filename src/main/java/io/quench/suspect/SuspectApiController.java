package io.quench.suspect;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

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
	List<ApiSuspect> suspects(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
		// A scan going on before or after reading: what was read is provisional.
		boolean before = this.suspects.provisional();
		List<Suspect> ranking = this.suspects.ranking(new RankingQuery(from, to));
		boolean provisional = before || this.suspects.provisional();
		return ranking.stream().map((suspect) -> new ApiSuspect(suspect, provisional)).toList();
	}

	/**
	 * One suspect as the API shows it: the suspect's fields, and whether the numbers are
	 * provisional (a scan is going on). The list stays a plain array, so existing clients
	 * keep working; the flag is the same on every element.
	 */
	record ApiSuspect(@JsonUnwrapped Suspect suspect, boolean provisional) {
	}

}
