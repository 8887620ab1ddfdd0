package io.quench.preview;

import java.util.Objects;

/**
 * Something the HTML would have loaded or done, removed by the sanitizer.
 *
 * @param kind {@code image}, {@code stylesheet}, {@code font}, {@code frame},
 * {@code form}, {@code meta-refresh}, {@code base}, {@code script}, {@code object},
 * {@code svg} or {@code import}
 * @param url the URL as written (show it escaped or defanged, never as a link)
 */
public record BlockedResource(String kind, String url) {

	public BlockedResource {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(url, "url");
	}

}
