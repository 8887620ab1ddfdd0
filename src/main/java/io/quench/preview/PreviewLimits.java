package io.quench.preview;

import java.time.Duration;
import java.util.Objects;

/**
 * The caps one message preview works within. Each cap, when reached, cuts the preview
 * with a warning ({@link RenderedMessage#truncated()}); none ever fails it. Memory stays
 * bounded by the character caps whatever the message size: parts are streamed, and
 * attachments are only hashed and counted.
 *
 * @param maxMessageBytes message bytes read at most; the rest is not read
 * @param maxParts MIME entities (the message itself, each body part, each attached
 * message) parsed at most; parsing stops at the next one
 * @param maxDepth multipart nesting parsed at most; a multipart deeper than this is
 * counted as one opaque part
 * @param maxTextChars characters of the text body kept
 * @param maxHtmlChars characters of the HTML body read and sanitized
 * @param maxLinks links listed at most (in order, after de-duplication)
 * @param maxHeaderFields header fields of the message listed at most
 * @param maxParseTime wall-clock time one preview may take; checked between parts and
 * every 64 KiB of content
 */
public record PreviewLimits(long maxMessageBytes, int maxParts, int maxDepth, int maxTextChars, int maxHtmlChars,
		int maxLinks, int maxHeaderFields, Duration maxParseTime) {

	/**
	 * 128 MiB: above the message size limit a GWIA is run with (tens of MB, base64 adding
	 * a third); reading streams, so this bounds time, not memory.
	 */
	public static final long DEFAULT_MAX_MESSAGE_BYTES = 128L * 1024 * 1024;

	/**
	 * 1000 entities: real mail has a handful, newsletters with inline images a few dozen;
	 * a 10,000-part bomb is cut here with a warning.
	 */
	public static final int DEFAULT_MAX_PARTS = 1000;

	/**
	 * 32 levels: real mail nests 2 to 5 deep (mixed, alternative, related, a forwarded
	 * message); deeper is a parser bomb.
	 */
	public static final int DEFAULT_MAX_DEPTH = 32;

	/**
	 * 1 Mi characters (about 2 MB of heap): hundreds of printed pages, more than an
	 * operator reads; the rest is cut with a warning.
	 */
	public static final int DEFAULT_MAX_TEXT_CHARS = 1024 * 1024;

	/**
	 * 2 Mi characters: HTML mail is larger than its text (markup, inline styles); jsoup
	 * holds the DOM of this much in a few tens of MB at most.
	 */
	public static final int DEFAULT_MAX_HTML_CHARS = 2 * 1024 * 1024;

	/** 1000 links: a newsletter has tens to a couple of hundred. */
	public static final int DEFAULT_MAX_LINKS = 1000;

	/** 1000 header fields: real messages carry 20 to 100 (Received hops included). */
	public static final int DEFAULT_MAX_HEADER_FIELDS = 1000;

	/**
	 * 5 seconds: a 50 MB message streams in about one; an operator waits this long, a
	 * request thread is not held much longer.
	 */
	public static final Duration DEFAULT_MAX_PARSE_TIME = Duration.ofSeconds(5);

	public PreviewLimits {
		Objects.requireNonNull(maxParseTime, "maxParseTime");
		if (maxMessageBytes <= 0 || maxParts <= 0 || maxDepth <= 0 || maxTextChars <= 0 || maxHtmlChars <= 0
				|| maxLinks <= 0 || maxHeaderFields <= 0 || maxParseTime.isNegative() || maxParseTime.isZero()) {
			throw new IllegalArgumentException("preview limits must be positive");
		}
	}

	/** The documented defaults (docs/formats.md, "Preview limits"). */
	public static PreviewLimits defaults() {
		return new PreviewLimits(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_PARTS, DEFAULT_MAX_DEPTH,
				DEFAULT_MAX_TEXT_CHARS, DEFAULT_MAX_HTML_CHARS, DEFAULT_MAX_LINKS, DEFAULT_MAX_HEADER_FIELDS,
				DEFAULT_MAX_PARSE_TIME);
	}

}
