package io.quench.login;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Login events and the per-IP view as JSON (docs/api.md). */
@RestController
class LoginApiController {

	private final LoginBrowseService logins;

	LoginApiController(LoginBrowseService logins) {
		this.logins = logins;
	}

	/**
	 * A page of events.
	 *
	 * @param events newest first
	 * @param next the cursor of the next page, or null on the last
	 */
	record Events(List<LoginEventRow> events, String next) {
	}

	/**
	 * A page of client addresses.
	 *
	 * @param ips most accounts first
	 * @param page zero-based page
	 * @param pages how many pages
	 * @param totalIps addresses on all pages
	 * @param sprayAccounts the badge threshold
	 */
	record Ips(List<IpRow> ips, int page, int pages, long totalIps, int sprayAccounts) {
	}

	@GetMapping("/api/v1/logins")
	Events events(@RequestParam(required = false) String account, @RequestParam(required = false) String ip,
			@RequestParam(required = false) String type, @RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) String cursor) {
		LoginEventPage page = this.logins
			.events(new LoginFilters(account, ip, type, kind, local(from), local(to)).query(cursor));
		return new Events(page.rows(), (page.next() != null) ? page.next().token() : null);
	}

	@GetMapping("/api/v1/logins/ips")
	Ips ips(@RequestParam(required = false) String account, @RequestParam(required = false) String ip,
			@RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "0") int page) {
		IpPage result = this.logins.ips(new LoginFilters(account, ip, null, kind, local(from), local(to)).query(null),
				page);
		return new Ips(result.rows(), result.page(), result.pages(), result.totalIps(), result.sprayAccounts());
	}

	private static LocalDateTime local(Instant time) {
		return (time != null) ? LocalDateTime.ofInstant(time, ZoneOffset.UTC) : null;
	}

}
