package io.quench.preview;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.Optional;

import io.quench.queue.QueueMessageBody;

import org.springframework.stereotype.Component;

/**
 * Reads queue files again for the preview, through {@link QueueMessageBody} (inside the
 * queue root only, never through a symbolic link), and renders their message with the
 * {@link MessageRenderer}. A rendering is reused for a minute while the file keeps its
 * size and modification time ({@link PreviewCache}).
 */
@Component
class MessageFiles {

	private final MessageRenderer renderer;

	private final PreviewCache cache;

	MessageFiles(Clock clock) {
		this.renderer = new MessageRenderer(PreviewLimits.defaults(), clock);
		this.cache = new PreviewCache(clock);
	}

	/**
	 * What the file says now.
	 *
	 * @param integrity the file compared with the stored SHA-256
	 * @param rendered the message, or null when the file could not be read
	 */
	record Read(Integrity integrity, RenderedMessage rendered) {
	}

	Read read(Path root, StoredMessage message) {
		PreviewCache.Key key = key(root, message.path(), message.sha256());
		if (key != null) {
			Optional<Read> cached = this.cache.get(key);
			if (cached.isPresent()) {
				return cached.get();
			}
		}
		Read read = readNow(root, message);
		if (key != null && read.rendered() != null) {
			this.cache.put(key, read);
		}
		return read;
	}

	/**
	 * The file's size and modification time as the cache key; null (no caching) when the
	 * path leaves the root or the file cannot be looked at: the read then says why.
	 */
	private static PreviewCache.Key key(Path root, String path, String storedSha256) {
		try {
			Path file = root.resolve(path).normalize();
			if (!file.startsWith(root.normalize())) {
				return null;
			}
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			return new PreviewCache.Key(root, path, storedSha256, attributes.size(),
					attributes.lastModifiedTime().toMillis());
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	PreviewCache cache() {
		return this.cache;
	}

	private Read readNow(Path root, StoredMessage message) {
		try (QueueMessageBody.Opened opened = QueueMessageBody.open(root, message.path())) {
			Integrity integrity = (message.sha256() == null) ? Integrity.NOT_RECORDED
					: opened.sha256().equalsIgnoreCase(message.sha256()) ? Integrity.UNCHANGED : Integrity.CHANGED;
			try (InputStream in = opened.rfc5322()) {
				return new Read(integrity, this.renderer.render(in));
			}
		}
		catch (QueueMessageBody.VanishedException ex) {
			return new Read(Integrity.VANISHED, null);
		}
		catch (QueueMessageBody.PathRejectedException ex) {
			return new Read(Integrity.UNREADABLE, null);
		}
		catch (IOException | UncheckedIOException ex) {
			return new Read(Integrity.UNREADABLE, null);
		}
	}

	/**
	 * A range of the raw file from {@code offset}, at most
	 * {@link QueueMessageBody#MAX_RAW_RANGE_BYTES}, cut back to the last whole UTF-8
	 * character; null when the file cannot be read.
	 */
	RawChunk raw(Path root, String path, long offset) {
		QueueMessageBody.RawRange range;
		try {
			range = QueueMessageBody.raw(root, path, offset, QueueMessageBody.MAX_RAW_RANGE_BYTES);
		}
		catch (IOException ex) {
			return null;
		}
		byte[] bytes = range.bytes();
		int length = bytes.length;
		if (offset + length < range.totalSize()) {
			length = wholeCharacters(bytes, length);
		}
		return new RawChunk(offset, text(bytes, length), offset + length, range.totalSize());
	}

	/**
	 * The length without a UTF-8 sequence cut at the end (at most 3 bytes are held back
	 * for the next range).
	 */
	static int wholeCharacters(byte[] bytes, int length) {
		for (int back = 1; back <= 3 && back <= length; back++) {
			int b = bytes[length - back] & 0xff;
			if (b < 0x80) {
				return length;
			}
			if (b >= 0xc0) {
				int needed = (b >= 0xf0) ? 4 : (b >= 0xe0) ? 3 : 2;
				return (needed > back) ? length - back : length;
			}
		}
		return length;
	}

	/**
	 * UTF-8 with invalid bytes replaced; control characters other than tab and line ends
	 * shown as U+FFFD (a NUL or an escape sequence must not reach the page).
	 */
	static String text(byte[] bytes, int length) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		CharBuffer chars;
		try {
			chars = decoder.decode(ByteBuffer.wrap(bytes, 0, length));
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			throw new IllegalStateException("a replacing decoder does not throw", ex);
		}
		StringBuilder text = new StringBuilder(chars.length());
		for (int i = 0; i < chars.length(); i++) {
			char c = chars.charAt(i);
			boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
			text.append(control ? '\uFFFD' : c);
		}
		return text.toString();
	}

}
