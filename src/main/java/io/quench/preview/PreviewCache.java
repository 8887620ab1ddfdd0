package io.quench.preview;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Renderings kept briefly, so that the message page and its HTML frame (two requests for
 * one look) and an operator paging back and forth through samples read and parse a file
 * once. Bounded twice: by entries and by the characters they hold (text and HTML bodies
 * are the big parts of a rendering). The key holds the file's size and modification time,
 * so a rewritten file is read again; entries expire after {@link #TTL}.
 */
final class PreviewCache {

	/** How long a rendering is reused: a look at a message, not a session. */
	static final Duration TTL = Duration.ofSeconds(60);

	/** Entries kept at most: a few operators paging through samples. */
	static final int MAX_ENTRIES = 64;

	/**
	 * Characters kept at most over all entries (2 bytes each: 32 MB of heap), so that a
	 * handful of renderings at the body caps cannot crowd a 512 MB heap.
	 */
	static final long MAX_CHARS = 16L * 1024 * 1024;

	/** The stored hash is part of the key: the integrity verdict is made against it. */
	record Key(Path root, String path, String storedSha256, long size, long mtimeMillis) {
	}

	private record Entry(MessageFiles.Read read, long chars, Instant expires) {
	}

	private final Clock clock;

	private final Map<Key, Entry> entries = new LinkedHashMap<>();

	private long chars;

	PreviewCache(Clock clock) {
		this.clock = clock;
	}

	synchronized Optional<MessageFiles.Read> get(Key key) {
		Entry entry = this.entries.get(key);
		if (entry == null) {
			return Optional.empty();
		}
		if (!entry.expires().isAfter(this.clock.instant())) {
			remove(key);
			return Optional.empty();
		}
		return Optional.of(entry.read());
	}

	synchronized void put(Key key, MessageFiles.Read read) {
		long weight = weight(read);
		if (weight > MAX_CHARS) {
			return;
		}
		remove(key);
		Instant now = this.clock.instant();
		this.entries.values().removeIf((e) -> {
			boolean expired = !e.expires().isAfter(now);
			if (expired) {
				this.chars -= e.chars();
			}
			return expired;
		});
		while (!this.entries.isEmpty() && (this.entries.size() >= MAX_ENTRIES || this.chars + weight > MAX_CHARS)) {
			Key oldest = this.entries.entrySet()
				.stream()
				.min(Comparator.comparing((Map.Entry<Key, Entry> e) -> e.getValue().expires()))
				.orElseThrow()
				.getKey();
			remove(oldest);
		}
		this.entries.put(key, new Entry(read, weight, now.plus(TTL)));
		this.chars += weight;
	}

	synchronized int size() {
		return this.entries.size();
	}

	synchronized long chars() {
		return this.chars;
	}

	private void remove(Key key) {
		Entry removed = this.entries.remove(key);
		if (removed != null) {
			this.chars -= removed.chars();
		}
	}

	static long weight(MessageFiles.Read read) {
		RenderedMessage rendered = read.rendered();
		if (rendered == null) {
			return 0;
		}
		long weight = rendered.textBody().length();
		if (rendered.sanitizedHtml() != null) {
			weight += rendered.sanitizedHtml().length();
		}
		return weight;
	}

}
