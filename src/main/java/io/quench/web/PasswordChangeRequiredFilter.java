package io.quench.web;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps an operator who signed in with a temporary password on the password page until
 * they choose their own. Assets, logout and the page itself stay reachable.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

	private static final Set<String> OPEN_PREFIXES = Set.of("/css/", "/js/", "/webjars/", "/error", "/logout",
			"/actuator/health");

	private final String authority;

	private final String passwordPath;

	PasswordChangeRequiredFilter(String authority, String passwordPath) {
		this.authority = authority;
		this.passwordPath = passwordPath;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && mustChange(authentication) && !isOpen(request)) {
			String target = request.getContextPath() + this.passwordPath;
			if ("true".equals(request.getHeader("HX-Request"))) {
				response.setHeader("HX-Redirect", target);
				response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			}
			else if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.sendError(HttpServletResponse.SC_FORBIDDEN, "Password change required");
			}
			else {
				response.sendRedirect(target);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean mustChange(Authentication authentication) {
		return authentication.getAuthorities().stream().anyMatch((a) -> this.authority.equals(a.getAuthority()));
	}

	private boolean isOpen(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(this.passwordPath) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
	}

}
