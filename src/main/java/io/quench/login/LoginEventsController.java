package io.quench.login;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.quench.source.SourceKind;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The Logins pages: the events browser (with the upload of a POA or GWIA log file
 * downloaded from the agent's web console) and the IP view. One URL each, the full page
 * for a plain request and the panel for htmx. Roles are enforced by
 * {@link LoginBrowseService} and {@link LogUploadService}.
 */
@Controller
class LoginEventsController {

	static final String PATH = "/logins";

	static final String IPS_PATH = "/logins/ips";

	private final LogUploadService uploads;

	private final LoginBrowseService logins;

	LoginEventsController(LogUploadService uploads, LoginBrowseService logins) {
		this.uploads = uploads;
		this.logins = logins;
	}

	@GetMapping(PATH)
	String page(@RequestParam(required = false) String account, @RequestParam(required = false) String ip,
			@RequestParam(required = false) String type, @RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
			@RequestParam(required = false) String cursor, HtmxRequest htmx, Model model,
			HttpServletResponse response) {
		response.setHeader(HttpHeaders.VARY, "HX-Request");
		LoginFilters filters = new LoginFilters(account, ip, type, kind, from, to);
		filterModel(filters, model);
		try {
			LoginQuery query = filters.query(cursor);
			LoginEventPage result = this.logins.events(query);
			model.addAttribute("result", result);
			model.addAttribute("nextUrl",
					(result.next() != null) ? filters.url(PATH, result.next().token(), null) : null);
			model.addAttribute("newestUrl", (query.cursor() != null) ? filters.url(PATH, null, null) : null);
		}
		catch (InvalidLoginQueryException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("filterErrorKey", "logins.filter.invalid");
		}
		boolean fragment = htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest();
		if (fragment) {
			return "login/events :: panel";
		}
		uploadModel(model);
		return "login/events";
	}

	@GetMapping(IPS_PATH)
	String ips(@RequestParam(required = false) String account, @RequestParam(required = false) String ip,
			@RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
			@RequestParam(defaultValue = "0") int page, HtmxRequest htmx, Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.VARY, "HX-Request");
		LoginFilters filters = new LoginFilters(account, ip, null, kind, from, to);
		filterModel(filters, model);
		try {
			IpPage result = this.logins.ips(filters.query(null), page);
			model.addAttribute("result", result);
			model.addAttribute("previousUrl",
					result.hasPrevious() ? filters.url(IPS_PATH, null, result.page() - 1) : null);
			model.addAttribute("nextUrl", result.hasNext() ? filters.url(IPS_PATH, null, result.page() + 1) : null);
		}
		catch (InvalidLoginQueryException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("filterErrorKey", "logins.filter.invalid");
		}
		boolean fragment = htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest();
		return fragment ? "login/ips :: panel" : "login/ips";
	}

	private static void filterModel(LoginFilters filters, Model model) {
		model.addAttribute("filters", filters);
		model.addAttribute("outcomes", List.of(Outcome.values()).stream().map(Outcome::param).toList());
		model.addAttribute("kinds", List.of("poa", "gwia"));
		model.addAttribute("ipsUrl", filters.url(IPS_PATH, null, null));
		model.addAttribute("eventsUrl", filters.url(PATH, null, null));
	}

	private static void uploadModel(Model model) {
		model.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
		model.addAttribute("defaultZone", ZoneId.systemDefault().getId());
	}

	@PostMapping("/logins/upload")
	String upload(@RequestParam SourceKind kind, @RequestParam("file") MultipartFile file,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "UTC") String zone, Authentication actor, HtmxRequest htmx, Model model,
			HttpServletResponse response) throws IOException {
		String errorKey;
		try {
			ZoneId zoneId = ZoneId.of(zone);
			LogUploadService.Uploaded uploaded = this.uploads.upload(kind, file.getOriginalFilename(),
					file.getInputStream(), date, zoneId, actor.getName());
			return "redirect:/sources/runs/" + uploaded.runId();
		}
		catch (LogUploadException ex) {
			errorKey = ex.messageKey();
		}
		catch (java.time.DateTimeException ex) {
			errorKey = "upload.zone";
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("errorKey", errorKey);
		LoginFilters filters = new LoginFilters(null, null, null, null, null, null);
		filterModel(filters, model);
		model.addAttribute("result", this.logins.events(LoginQuery.all()));
		uploadModel(model);
		return "login/events";
	}

}
