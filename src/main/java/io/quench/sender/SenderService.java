package io.quench.sender;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Top senders list, for every operator (VIEWER and up). */
@Service
class SenderService {

	private final SenderRepository repository;

	private final SenderCache cache;

	SenderService(SenderRepository repository, SenderCache cache) {
		this.repository = repository;
		this.cache = cache;
	}

	/**
	 * One page of senders matching the query, sorted by its column (cached:
	 * {@link SenderCache}).
	 */
	@PreAuthorize("hasRole('VIEWER')")
	@Transactional(readOnly = true)
	SenderPage page(SenderQuery query) {
		return this.cache.page(query, () -> this.repository.page(query));
	}

	/** Every sender matching the query (the CSV export). */
	@PreAuthorize("hasRole('VIEWER')")
	@Transactional(readOnly = true)
	List<SenderRow> export(SenderQuery query) {
		return this.repository.all(query);
	}

}
