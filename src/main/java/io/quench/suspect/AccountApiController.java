package io.quench.suspect;

import java.time.Instant;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One account's detail and its raw log lines as JSON (docs/api.md). */
@RestController
class AccountApiController {

	private final AccountService accounts;

	AccountApiController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/api/v1/accounts/{key:.+}")
	AccountDetail account(@PathVariable String key,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
		return this.accounts.detail(this.accounts.canonicalKey(key), new RankingQuery(from, to));
	}

	@GetMapping("/api/v1/accounts/{key:.+}/log")
	AccountDetail.LogPage log(@PathVariable String key,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "0") int page) {
		return this.accounts.log(this.accounts.canonicalKey(key), new RankingQuery(from, to), page);
	}

}
