package io.quench.suspect;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.quench.source.IngestRunFinished;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The directory's rows and their {@link IdentityMap}, read once and kept until the next
 * ingest run finishes (a directory import is one), so that an account page does not read
 * the whole directory for each of its requests. The operators' identity links are part of
 * it (and drop it when they change).
 */
@Component
class DirectoryCache {

	record Directory(List<IdentityMap.DirectoryRow> rows, IdentityMap identities) {
	}

	private final EvidenceRepository repository;

	private final IdentityLinkRepository links;

	private final AtomicReference<Directory> current = new AtomicReference<>();

	private final AtomicLong generation = new AtomicLong();

	DirectoryCache(EvidenceRepository repository, IdentityLinkRepository links) {
		this.repository = repository;
		this.links = links;
	}

	Directory directory() {
		Directory cached = this.current.get();
		if (cached != null) {
			return cached;
		}
		long before = this.generation.get();
		List<IdentityMap.DirectoryRow> rows = List.copyOf(this.repository.directory());
		Directory fresh = new Directory(rows, IdentityMap.of(rows, this.links.active()));
		if (this.generation.get() == before) {
			this.current.compareAndSet(null, fresh);
		}
		return fresh;
	}

	@EventListener
	void on(IngestRunFinished finished) {
		if (finished.changed()) {
			forget();
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(IdentityLinked linked) {
		forget();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(IdentityUnlinked unlinked) {
		forget();
	}

	private void forget() {
		this.generation.incrementAndGet();
		this.current.set(null);
	}

}
