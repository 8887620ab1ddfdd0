package io.quench.login;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;

import io.quench.cache.BackgroundCache;
import io.quench.db.BulkWriter;
import io.quench.source.IngestProgressed;
import io.quench.source.IngestRunFinished;
import io.quench.source.SourceKind;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The IP view's counts per filter ({@link LoginBrowseRepository#ipCounts}), computed in
 * the background ({@link BackgroundCache}): one pass over every login event (10^7 events:
 * 15 s per request on H2); its pages are cut from them. Only filters someone looked at
 * are computed again after a log scan that changed something; progress of a log scan and,
 * on PostgreSQL, 30 s of age make them older (served while newer ones are computed).
 */
@Component
class IpCountCache implements DisposableBean {

	static final int MAX_ENTRIES = 16;

	static final int WARM_KEYS = 2;

	static final Duration MAX_AGE = Duration.ofSeconds(30);

	static final Duration PROGRESS_INVALIDATION = Duration.ofSeconds(10);

	private final BackgroundCache<LoginQuery, List<LoginBrowseRepository.IpCount>> cache;

	@Autowired
	IpCountCache(LoginBrowseRepository repository, Clock clock, BulkWriter database) {
		this(repository::ipCounts, clock, BackgroundCache.threads("ip-counts", 1),
				database.postgres() ? MAX_AGE : null);
	}

	IpCountCache(Function<LoginQuery, List<LoginBrowseRepository.IpCount>> loader, Clock clock, Executor executor,
			Duration maxAge) {
		this.cache = new BackgroundCache<>("IP counts", (query) -> List.copyOf(loader.apply(query)), clock, executor,
				MAX_ENTRIES, WARM_KEYS, maxAge, PROGRESS_INVALIDATION);
	}

	/** Every address of the query's filters (its cursor does not matter). */
	List<LoginBrowseRepository.IpCount> counts(LoginQuery query) {
		return this.cache.get(new LoginQuery(query.account(), query.ip(), query.outcome(), query.kind(), query.from(),
				query.to(), null));
	}

	@EventListener
	void on(IngestRunFinished finished) {
		if (logs(finished.kind())) {
			this.cache.scanFinished(finished.changed());
		}
	}

	@EventListener
	void on(IngestProgressed progressed) {
		if (logs(progressed.kind())) {
			this.cache.progressed();
		}
	}

	private static boolean logs(SourceKind kind) {
		return kind == SourceKind.POA_LOG || kind == SourceKind.GWIA_LOG;
	}

	@Override
	public void destroy() {
		this.cache.close();
	}

}
