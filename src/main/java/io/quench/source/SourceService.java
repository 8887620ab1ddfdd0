package io.quench.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.quench.source.SourceChanged.Change;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Sources and their scans. Reading is for every operator, scanning for OPERATOR and up,
 * changing the list of sources for ADMIN.
 */
@Service
public class SourceService {

	private final SourceRepository sources;

	private final IngestRunRepository runs;

	private final IngestCoordinator coordinator;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Path uploadsDir;

	SourceService(SourceRepository sources, IngestRunRepository runs, IngestCoordinator coordinator,
			ApplicationEventPublisher events, Clock clock, @Value("${quench.data-dir}") Path dataDir) {
		this.uploadsDir = dataDir.resolve("uploads");
		this.sources = sources;
		this.runs = runs;
		this.coordinator = coordinator;
		this.events = events;
		this.clock = clock;
	}

	@PreAuthorize("hasRole('VIEWER')")
	public List<SourceOverview> overview() {
		return this.sources.findAll()
			.stream()
			.map((source) -> new SourceOverview(source, this.runs.latest(source.id()).orElse(null)))
			.toList();
	}

	/**
	 * Scans going on now on any instance (their numbers are provisional), by source name.
	 */
	@PreAuthorize("hasRole('VIEWER')")
	public List<RunningIngest> running() {
		return this.runs.running(this.clock.instant().minus(IngestCoordinator.STALE));
	}

	@PreAuthorize("hasRole('VIEWER')")
	public Source get(long id) {
		return find(id);
	}

	@PreAuthorize("hasRole('VIEWER')")
	public IngestRun run(long runId) {
		return this.runs.findById(runId).orElseThrow(() -> new IngestRunNotFoundException(runId));
	}

	@PreAuthorize("hasRole('VIEWER')")
	public List<IngestRun> runs(long sourceId, int limit) {
		return this.runs.findBySource(sourceId, limit);
	}

	@PreAuthorize("hasRole('VIEWER')")
	public List<IngestError> errors(long runId, int offset, int limit) {
		return this.runs.errors(runId, offset, limit);
	}

	@PreAuthorize("hasRole('VIEWER')")
	public List<UnmatchedShape> unmatchedShapes(long sourceId, int limit) {
		return this.runs.shapes(sourceId, limit);
	}

	@PreAuthorize("hasRole('ADMIN')")
	public long add(SourceDefinition definition, String actor) {
		checkPath(definition);
		long id;
		try {
			id = this.sources.insert(definition, false, this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new SourceRuleViolation("source.duplicate");
		}
		publish(definition.name(), Change.ADDED, definition.kind() + " " + definition.path(), actor);
		return id;
	}

	/**
	 * Adds a source for a log file an operator uploaded. Only files stored below
	 * {@code <data-dir>/uploads} qualify, so this cannot point Quench at other server
	 * paths.
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	public long addUploaded(SourceDefinition definition, String actor) {
		Path uploads = this.uploadsDir.toAbsolutePath().normalize();
		if (definition.kind() == SourceKind.QUEUE || definition.kind() == SourceKind.DIRECTORY
				|| !definition.path().startsWith(uploads) || !Files.isRegularFile(definition.path())) {
			throw new SourceRuleViolation("source.notAnUpload");
		}
		long id;
		try {
			id = this.sources.insert(definition, false, this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new SourceRuleViolation("source.duplicate");
		}
		publish(definition.name(), Change.ADDED, "uploaded " + definition.kind() + " " + definition.path(), actor);
		return id;
	}

	/** Where uploaded files are kept. */
	public Path uploadsDir() {
		return this.uploadsDir;
	}

	@PreAuthorize("hasRole('ADMIN')")
	public void update(long id, SourceDefinition definition, String actor) {
		Source existing = find(id);
		if (existing.declared()) {
			throw new SourceRuleViolation("source.declaredReadOnly");
		}
		checkPath(definition);
		try {
			this.sources.update(id, definition, false, this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new SourceRuleViolation("source.duplicate");
		}
		publish(definition.name(), Change.UPDATED, definition.kind() + " " + definition.path(), actor);
	}

	@PreAuthorize("hasRole('ADMIN')")
	public void remove(long id, String actor) {
		Source existing = find(id);
		if (existing.declared()) {
			throw new SourceRuleViolation("source.declaredReadOnly");
		}
		if (this.sources.runningRunId(id).isPresent()) {
			throw new SourceRuleViolation("source.busy");
		}
		this.sources.delete(id);
		publish(existing.name(), Change.REMOVED, "", actor);
	}

	@PreAuthorize("hasRole('ADMIN')")
	public void setEnabled(long id, boolean enabled, String actor) {
		Source existing = find(id);
		this.sources.setEnabled(id, enabled, this.clock.instant());
		publish(existing.name(), enabled ? Change.ENABLED : Change.DISABLED, "", actor);
	}

	/** Starts a scan (or returns the one already going on) and returns its run id. */
	@PreAuthorize("hasRole('OPERATOR')")
	public long scan(long id, String actor) {
		Source source = find(id);
		if (!source.enabled()) {
			throw new SourceRuleViolation("source.disabled");
		}
		long runId = this.coordinator.start(source, actor);
		publish(source.name(), Change.SCAN_STARTED, "run " + runId, actor);
		return runId;
	}

	@PreAuthorize("hasRole('OPERATOR')")
	public void cancel(long runId, String actor) {
		IngestRun run = run(runId);
		if (this.coordinator.cancel(runId)) {
			publish(find(run.sourceId()).name(), Change.SCAN_CANCELLED, "run " + runId, actor);
		}
	}

	/**
	 * Creates or updates the sources declared in configuration; returns them. Start-up
	 * only.
	 */
	List<Source> syncDeclared(List<SourceDefinition> declared) {
		Instant now = this.clock.instant();
		for (SourceDefinition definition : declared) {
			this.sources.findByName(definition.name())
				.ifPresentOrElse((existing) -> this.sources.update(existing.id(), definition, true, now), () -> {
					try {
						this.sources.insert(definition, true, now);
					}
					catch (DuplicateKeyException ex) {
						// another instance declared it at the same moment
					}
				});
		}
		return declared.stream().map((definition) -> this.sources.findByName(definition.name()).orElseThrow()).toList();
	}

	private Source find(long id) {
		return this.sources.findById(id).orElseThrow(() -> new SourceNotFoundException(id));
	}

	private static void checkPath(SourceDefinition definition) {
		boolean folderKind = definition.kind() == SourceKind.QUEUE;
		if (folderKind && !Files.isDirectory(definition.path())) {
			throw new SourceRuleViolation("source.queueNotFolder");
		}
		if (!folderKind && !Files.exists(definition.path())) {
			throw new SourceRuleViolation("source.pathMissing");
		}
	}

	private void publish(String name, Change change, String detail, String actor) {
		this.events.publishEvent(new SourceChanged(name, change, detail, actor, this.clock.instant()));
	}

}
