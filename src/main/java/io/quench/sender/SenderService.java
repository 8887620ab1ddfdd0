package io.quench.sender;

import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The Top senders list, for every operator (VIEWER and up). */
@Service
class SenderService {

	private final SenderCache cache;

	SenderService(SenderCache cache) {
		this.cache = cache;
	}

	/**
	 * One page of senders matching the query, sorted by its column, cut from the cached
	 * table of its filters ({@link SenderCache}).
	 */
	@PreAuthorize("hasRole('VIEWER')")
	SenderPage page(SenderQuery query) {
		return SenderRepository.page(this.cache.table(query), query);
	}

	/** Every sender matching the query (the CSV export), in its order. */
	@PreAuthorize("hasRole('VIEWER')")
	List<SenderRow> export(SenderQuery query) {
		return SenderRepository.sorted(this.cache.table(query), query.sort());
	}

	/** The unfiltered table is computed once the application is up. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void warmUp() {
		this.cache.warmUp(SenderQuery.all());
	}

}
