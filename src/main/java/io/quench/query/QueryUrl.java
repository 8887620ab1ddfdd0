package io.quench.query;

import java.time.LocalDateTime;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page's URL with its filters: blank values are left out, page 0 too, so that the
 * default view has the plain URL.
 */
public final class QueryUrl {

	private final UriComponentsBuilder url;

	private QueryUrl(String path) {
		this.url = UriComponentsBuilder.fromPath(path);
	}

	public static QueryUrl of(String path) {
		return new QueryUrl(path);
	}

	/** Adds {@code name=value} unless the value is null or blank. */
	public QueryUrl param(String name, String value) {
		if (value != null && !value.isBlank()) {
			this.url.queryParam(name, value);
		}
		return this;
	}

	/** Adds the time in ISO form unless it is null. */
	public QueryUrl param(String name, LocalDateTime value) {
		return param(name, (value != null) ? value.toString() : null);
	}

	/** Adds {@code page} unless it is null or 0. */
	public QueryUrl page(Integer page) {
		if (page != null && page > 0) {
			this.url.queryParam("page", page);
		}
		return this;
	}

	@Override
	public String toString() {
		return this.url.encode().build().toUriString();
	}

}
