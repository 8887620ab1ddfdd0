package io.quench.preview;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.quench.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Renderings are reused briefly and the cache stays bounded. */
class PreviewCacheTests {

	final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));

	final PreviewCache cache = new PreviewCache(this.clock);

	static PreviewCache.Key key(int i) {
		return new PreviewCache.Key(Path.of("/q"), "send/" + i, null, 10, 1000);
	}

	static MessageFiles.Read read(int textChars) {
		return new MessageFiles.Read(Integrity.UNCHANGED, new RenderedMessage(List.of(), List.of(), "s",
				"x".repeat(textChars), false, null, List.of(), List.of(), List.of(), List.of(), 1, false));
	}

	@Test
	void aRenderingIsReusedUntilItExpires() {
		MessageFiles.Read read = read(10);
		this.cache.put(key(1), read);
		this.clock.advance(PreviewCache.TTL.minusSeconds(1));
		assertThat(this.cache.get(key(1))).containsSame(read);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.cache.get(key(1))).isEmpty();
		assertThat(this.cache.size()).isZero();
		assertThat(this.cache.chars()).isZero();
	}

	@Test
	void anotherSizeOrModificationTimeIsAnotherKey() {
		this.cache.put(key(1), read(10));
		assertThat(this.cache.get(new PreviewCache.Key(Path.of("/q"), "send/1", null, 11, 1000))).isEmpty();
		assertThat(this.cache.get(new PreviewCache.Key(Path.of("/q"), "send/1", null, 10, 1001))).isEmpty();
		assertThat(this.cache.get(new PreviewCache.Key(Path.of("/q"), "send/1", "ab", 10, 1000))).isEmpty();
	}

	@Test
	void theOldestEntriesGiveWayWhenTheEntryBoundIsReached() {
		for (int i = 0; i < PreviewCache.MAX_ENTRIES + 5; i++) {
			this.cache.put(key(i), read(1));
			this.clock.advance(Duration.ofMillis(10));
		}
		assertThat(this.cache.size()).isEqualTo(PreviewCache.MAX_ENTRIES);
		assertThat(this.cache.get(key(0))).isEmpty();
		assertThat(this.cache.get(key(PreviewCache.MAX_ENTRIES + 4))).isPresent();
	}

	@Test
	void theCharacterBoundHoldsAndAnOversizedRenderingIsNotKept() {
		int quarter = (int) (PreviewCache.MAX_CHARS / 4);
		for (int i = 0; i < 6; i++) {
			this.cache.put(key(i), read(quarter));
			this.clock.advance(Duration.ofMillis(10));
		}
		assertThat(this.cache.chars()).isLessThanOrEqualTo(PreviewCache.MAX_CHARS);
		assertThat(this.cache.size()).isEqualTo(4);
		this.cache.put(key(99), read((int) PreviewCache.MAX_CHARS + 1));
		assertThat(this.cache.get(key(99))).isEmpty();
	}

}
