package io.quench.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.quench.user.OperatorService;
import io.quench.user.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signed-in sessions follow their operator's account: at most {@link #RECHECK} after an
 * admin disables an operator the session ends, and a role change applies to sessions
 * already open. The check reads the database, so it works across instances.
 */
class OperatorStatusFilter extends OncePerRequestFilter {

	/**
	 * How stale a session's view of its operator may get; one small query per session per
	 * interval.
	 */
	static final Duration RECHECK = Duration.ofSeconds(10);

	private static final String CHECKED_AT = OperatorStatusFilter.class.getName() + ".checkedAt";

	private final OperatorService operators;

	private final Clock clock;

	OperatorStatusFilter(OperatorService operators, Clock clock) {
		this.operators = operators;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session == null || !(authentication instanceof UsernamePasswordAuthenticationToken)
				|| !authentication.isAuthenticated()) {
			chain.doFilter(request, response);
			return;
		}
		Instant now = this.clock.instant();
		Instant checkedAt = (Instant) session.getAttribute(CHECKED_AT);
		if (checkedAt != null && checkedAt.plus(RECHECK).isAfter(now)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Role> role = this.operators.activeRole(authentication.getName());
		if (role.isEmpty()) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			if ("true".equals(request.getHeader("HX-Request"))) {
				response.setHeader("HX-Refresh", "true");
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			}
			else {
				response.sendRedirect(request.getContextPath() + "/login?disabled");
			}
			return;
		}
		session.setAttribute(CHECKED_AT, now);
		String current = role.get().authority();
		boolean roleChanged = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((a) -> a.startsWith("ROLE_"))
			.noneMatch(current::equals);
		if (roleChanged) {
			List<GrantedAuthority> authorities = new ArrayList<>();
			authorities.add(new SimpleGrantedAuthority(current));
			authentication.getAuthorities()
				.stream()
				.filter((a) -> !a.getAuthority().startsWith("ROLE_"))
				.forEach(authorities::add);
			UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken
				.authenticated(authentication.getPrincipal(), null, authorities);
			updated.setDetails(authentication.getDetails());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(updated);
			SecurityContextHolder.setContext(context);
			new HttpSessionSecurityContextRepository().saveContext(context, request, response);
		}
		chain.doFilter(request, response);
	}

}
