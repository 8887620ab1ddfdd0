package io.quench.login;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.quench.source.SourceKind;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The logins page, and the upload of a POA or GWIA log file downloaded from the agent's
 * web console.
 */
@Controller
class LoginEventsController {

	private final LogUploadService uploads;

	LoginEventsController(LogUploadService uploads) {
		this.uploads = uploads;
	}

	@GetMapping("/logins")
	String page(Model model) {
		model.addAttribute("zones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
		model.addAttribute("defaultZone", ZoneId.systemDefault().getId());
		return "login/events";
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
		return page(model);
	}

}
