package io.quench.preview;

import java.util.Objects;

/**
 * A URL found in the message. Never to be rendered as a link: show {@link #defanged()}.
 *
 * @param url the URL as written (for tests and copying; never an {@code href})
 * @param defanged the URL made inert: {@code hxxps://evil[.]example/x}
 * @param shownText the anchor text, {@code null} outside an HTML anchor
 * @param mismatch whether the shown text looks like a URL or domain other than the link's
 * host (phishing)
 * @param where {@code "text"}, {@code "html"} or {@code "header"}
 */
public record FoundLink(String url, String defanged, String shownText, boolean mismatch, String where) {

	public FoundLink {
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(defanged, "defanged");
		Objects.requireNonNull(where, "where");
	}

}
