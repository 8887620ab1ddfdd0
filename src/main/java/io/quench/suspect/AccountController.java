package io.quench.suspect;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The account page: identity, verdicts, score and reasons, login timeline, client
 * addresses, queue breakdown, subjects, recipient domains, latest messages and the raw
 * log lines, over the same optional UTC window as the Suspects page. One URL: the full
 * page for a plain request, the log lines panel for htmx (the pager). An address or the
 * network id of a mapped account redirects to its GroupWise id. Roles are enforced by
 * {@link AccountService}; the verdict form posts to the Suspects page's verdict URL.
 */
@Controller
class AccountController {

	static final String PATH = "/accounts";

	static final String LOG_TARGET = "account-log";

	private final AccountService accounts;

	AccountController(AccountService accounts) {
		this.accounts = accounts;
	}

	/** The page's URL for an account, window and log page. */
	static String url(String account, LocalDateTime from, LocalDateTime to, Integer page) {
		UriComponentsBuilder url = UriComponentsBuilder
			.fromPath(PATH + "/" + UriUtils.encodePathSegment(account, java.nio.charset.StandardCharsets.UTF_8));
		if (from != null) {
			url.queryParam("from", from.toString());
		}
		if (to != null) {
			url.queryParam("to", to.toString());
		}
		if (page != null && page > 0) {
			url.queryParam("page", page);
		}
		return url.encode().build().toUriString();
	}

	@GetMapping(PATH + "/{key:.+}")
	String detail(@PathVariable String key,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
			@RequestParam(defaultValue = "0") int page, HtmxRequest htmx, Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.VARY, "HX-Request");
		RankingQuery query = new RankingQuery(utc(from), utc(to));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() && LOG_TARGET.equals(htmx.getTarget())) {
			String account = this.accounts.canonicalKey(key);
			logModel(account, from, to, this.accounts.log(account, query, page), model);
			return "suspect/account :: log";
		}
		String account = this.accounts.canonicalKey(key);
		if (!account.equals(key)) {
			return "redirect:" + url(account, from, to, page);
		}
		AccountDetail detail = this.accounts.detail(account, query);
		model.addAttribute("account", detail);
		model.addAttribute("loginChart",
				SvgChart.of("logins-chart",
						detail.loginsPerMinute()
							.stream()
							.map((b) -> new SvgChart.Point(b.at(), b.successes(), b.failures()))
							.toList(),
						detail.loginBucketSeconds()));
		model.addAttribute("smtpChart", SvgChart.of("smtp-chart",
				detail.smtpAuth().stream().map((b) -> new SvgChart.Point(b.at(), b.successes(), b.failures())).toList(),
				detail.loginBucketSeconds()));
		model.addAttribute("queueChart", SvgChart.of("queue-chart",
				detail.queueSeries().stream().map((b) -> new SvgChart.Point(b.at(), b.send(), b.defer())).toList(),
				detail.queueBucketSeconds()));
		model.addAttribute("verdictValues", Verdict.values());
		model.addAttribute("anyTrusted", detail.ips().stream().anyMatch(AccountDetail.IpUsage::trusted));
		logModel(account, from, to, this.accounts.log(account, query, page), model);
		return "suspect/account";
	}

	private static void logModel(String account, LocalDateTime from, LocalDateTime to, AccountDetail.LogPage log,
			Model model) {
		model.addAttribute("accountKey", account);
		model.addAttribute("log", log);
		model.addAttribute("logPreviousUrl", log.hasPrevious() ? url(account, from, to, log.page() - 1) : null);
		model.addAttribute("logNextUrl", log.hasNext() ? url(account, from, to, log.page() + 1) : null);
		model.addAttribute("firstLine", log.page() * AccountService.LOG_PAGE_SIZE + 1);
	}

	private static Instant utc(LocalDateTime time) {
		return (time != null) ? time.toInstant(ZoneOffset.UTC) : null;
	}

}
