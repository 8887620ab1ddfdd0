package io.quench.queue;

import java.time.Instant;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Queues page and the depth series of the API, for every operator (VIEWER and up).
 */
@Service
class QueueOverviewService {

	private final QueueOverviewRepository repository;

	private final QueueOverviewCache cache;

	QueueOverviewService(QueueOverviewRepository repository, QueueOverviewCache cache) {
		this.repository = repository;
		this.cache = cache;
	}

	@PreAuthorize("hasRole('VIEWER')")
	@Transactional(readOnly = true)
	QueueOverview overview(QueueOverviewQuery query) {
		List<DepthPoint> depth = this.repository.depth(query.source(), query.from(), query.to())
			.stream()
			.filter((p) -> query.folders().contains(p.folder()))
			.toList();
		QueueOverviewCache.Counts counts = this.cache.counts(query);
		return new QueueOverview(this.repository.sources(), depth, DepthChart.of(depth), DepthSummary.of(depth),
				counts.topSenders(), counts.ages(), counts.burst());
	}

	@PreAuthorize("hasRole('VIEWER')")
	@Transactional(readOnly = true)
	List<DepthPoint> depth(Long source, Instant from, Instant to) {
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidQueueQueryException("from must be before to");
		}
		return this.repository.depth(source, from, to);
	}

}
