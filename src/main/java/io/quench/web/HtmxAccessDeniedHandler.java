package io.quench.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * An htmx request refused for its CSRF token (typically: the session expired, so the
 * token the page holds is gone) reloads the whole page, which then leads to the login
 * page. Other refusals answer 403.
 */
class HtmxAccessDeniedHandler implements AccessDeniedHandler {

	private final AccessDeniedHandler fallback = new AccessDeniedHandlerImpl();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		if (denied instanceof CsrfException && "true".equals(request.getHeader("HX-Request"))) {
			response.setHeader("HX-Refresh", "true");
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		this.fallback.handle(request, response, denied);
	}

}
