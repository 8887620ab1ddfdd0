package io.quench.sender;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Top senders list as JSON (docs/api.md): the same filters, sort and paging as
 * {@code /senders}, answered by the same query.
 */
@RestController
class SenderApiController {

	private final SenderService senders;

	SenderApiController(SenderService senders) {
		this.senders = senders;
	}

	/**
	 * One page of senders.
	 *
	 * @param senders the rows
	 * @param page zero-based page
	 * @param pages how many pages
	 * @param totalSenders senders on all pages
	 */
	record Page(List<SenderRow> senders, int page, int pages, long totalSenders) {
	}

	@GetMapping("/api/v1/senders")
	Page senders(@RequestParam(required = false) String queue, @RequestParam(required = false) String domain,
			@RequestParam(required = false) String subject,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page) {
		SenderPage result = this.senders.page(new SenderQuery(parse(SenderQuery.Queue.class, queue), domain, subject,
				from, to, parse(SenderQuery.Sort.class, sort), page));
		return new Page(result.rows(), result.page(), result.pages(), result.totalSenders());
	}

	@ExceptionHandler(InvalidSenderQueryException.class)
	ProblemDetail invalid(InvalidSenderQueryException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/** Blank is the default; anything not a constant's name is refused. */
	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(value.strip())) {
				return constant;
			}
		}
		throw new InvalidSenderQueryException("unknown " + type.getSimpleName().toLowerCase(Locale.ROOT));
	}

}
