package io.quench.login;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Logins events browser and IP view, for every operator (VIEWER and up). */
@Service
class LoginBrowseService {

	private final LoginBrowseRepository repository;

	private final LoginBrowseProperties properties;

	private final IpCountCache ips;

	LoginBrowseService(LoginBrowseRepository repository, LoginBrowseProperties properties, IpCountCache ips) {
		this.repository = repository;
		this.properties = properties;
		this.ips = ips;
	}

	@PreAuthorize("hasRole('VIEWER')")
	@Transactional(readOnly = true)
	LoginEventPage events(LoginQuery query) {
		return this.repository.events(query, LoginQuery.PAGE_SIZE);
	}

	@PreAuthorize("hasRole('VIEWER')")
	@Transactional(readOnly = true)
	IpPage ips(LoginQuery query, int page) {
		if (page < 0) {
			throw new InvalidLoginQueryException("page must not be negative");
		}
		// The counts over every event come from the cache, the page's account lists are
		// read.
		return this.repository.page(this.ips.counts(query), query, page, this.properties.sprayAccounts());
	}

}
