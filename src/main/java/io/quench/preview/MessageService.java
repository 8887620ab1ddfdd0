package io.quench.preview;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.quench.source.Source;
import io.quench.source.SourceService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queued messages for every operator (VIEWER and up): the stored envelope, the file read
 * again and rendered safely, raw ranges, lists and samples. Each look at a message's
 * content is published as {@link MessageViewed}.
 */
@Service
class MessageService {

	private final MessageRepository repository;

	private final SamplePicker samples;

	private final MessageFiles files;

	private final SourceService sources;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MessageService(MessageRepository repository, SamplePicker samples, MessageFiles files, SourceService sources,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.samples = samples;
		this.files = files;
		this.sources = sources;
		this.events = events;
		this.clock = clock;
	}

	/** The message page: envelope, the file now, the first raw range. */
	@PreAuthorize("hasRole('VIEWER')")
	@Transactional(readOnly = true)
	MessagePreview preview(long id, String actor) {
		StoredMessage message = find(id);
		Source source = this.sources.get(message.sourceId());
		MessageFiles.Read read = this.files.read(source.path(), message);
		RawChunk raw = (read.rendered() != null) ? this.files.raw(source.path(), message.path(), 0) : null;
		viewed(id, actor, "page");
		return new MessagePreview(message, source.name(), read.integrity(), read.rendered(), raw);
	}

	/** The message rendered (for its sanitized HTML body), or null if unreadable. */
	@PreAuthorize("hasRole('VIEWER')")
	@Transactional(readOnly = true)
	RenderedMessage html(long id, String actor) {
		StoredMessage message = find(id);
		Source source = this.sources.get(message.sourceId());
		RenderedMessage rendered = this.files.read(source.path(), message).rendered();
		viewed(id, actor, "html");
		return rendered;
	}

	/** The raw file from {@code offset}, or null if unreadable. */
	@PreAuthorize("hasRole('VIEWER')")
	@Transactional(readOnly = true)
	RawChunk raw(long id, long offset, String actor) {
		if (offset < 0) {
			throw new InvalidMessageQueryException("offset must not be negative");
		}
		StoredMessage message = find(id);
		Source source = this.sources.get(message.sourceId());
		RawChunk raw = this.files.raw(source.path(), message.path(), offset);
		viewed(id, actor, "raw");
		return raw;
	}

	/** The stored envelope and the message as read now (the API's detail). */
	@PreAuthorize("hasRole('VIEWER')")
	@Transactional(readOnly = true)
	MessagePreview detail(long id, String actor) {
		StoredMessage message = find(id);
		Source source = this.sources.get(message.sourceId());
		MessageFiles.Read read = this.files.read(source.path(), message);
		viewed(id, actor, "api");
		return new MessagePreview(message, source.name(), read.integrity(), read.rendered(), null);
	}

	@PreAuthorize("hasRole('VIEWER')")
	@Transactional(readOnly = true)
	MessageListPage list(MessageQuery query) {
		return this.repository.list(query);
	}

	/** A spread of the sender's present messages (see {@link SamplePicker}). */
	@PreAuthorize("hasRole('VIEWER')")
	@Transactional(readOnly = true)
	List<Sample> samples(String sender, MessageQuery.Queue queue) {
		MessageQuery query = new MessageQuery(sender, queue, 0, 1);
		return this.samples.pick(query.sender(), query.folders());
	}

	private StoredMessage find(long id) {
		return this.repository.find(id).orElseThrow(() -> new MessageNotFoundException(id));
	}

	private void viewed(long id, String actor, String what) {
		this.events.publishEvent(new MessageViewed(id, actor, this.clock.instant(), what));
	}

}
