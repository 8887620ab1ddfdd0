package io.quench.login;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Logins events browser and IP view, for every operator (VIEWER and up). */
@Service
class LoginBrowseService {

	private final LoginBrowseRepository repository;

	private final LoginBrowseProperties properties;

	LoginBrowseService(LoginBrowseRepository repository, LoginBrowseProperties properties) {
		this.repository = repository;
		this.properties = properties;
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
		return this.repository.ips(query, page, this.properties.sprayAccounts());
	}

}
