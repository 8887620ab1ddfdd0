package io.quench.preview;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Sample 3 of 10" on a message page opened from a sample list, with the previous and
 * next samples' addresses. The list travels in the URL ({@code ?sample=3&of=12,45,...}),
 * so paging through samples reads nothing from the database.
 *
 * @param position 1-based
 * @param ids the samples' message ids, in list order
 * @param sender the sender the samples are of (for the way back), or null
 * @param queue {@code send}, {@code defer} or null
 */
record SampleNavigation(int position, List<Long> ids, String sender, String queue) {

	/** More ids than any sample list holds are not taken from a URL. */
	static final int MAX_IDS = 50;

	SampleNavigation {
		ids = List.copyOf(ids);
	}

	public int total() {
		return this.ids.size();
	}

	/** The navigation when the parameters make sense for this message, else null. */
	static SampleNavigation of(long messageId, Integer sample, String of, String sender, String queue) {
		if (sample == null || of == null || of.isBlank()) {
			return null;
		}
		List<Long> ids = new ArrayList<>();
		for (String part : of.split(",", MAX_IDS + 1)) {
			try {
				ids.add(Long.parseLong(part.strip()));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		if (ids.size() > MAX_IDS || sample < 1 || sample > ids.size() || ids.get(sample - 1) != messageId) {
			return null;
		}
		String cleanQueue = ("send".equalsIgnoreCase(queue) || "defer".equalsIgnoreCase(queue)) ? queue : null;
		return new SampleNavigation(sample, ids, (sender == null || sender.isBlank()) ? null : sender, cleanQueue);
	}

	String previousUrl() {
		return (this.position > 1) ? url(this.position - 1) : null;
	}

	String nextUrl() {
		return (this.position < this.ids.size()) ? url(this.position + 1) : null;
	}

	/** The sample list this came from, or null. */
	String listUrl() {
		return (this.sender != null) ? listUrl(this.sender, this.queue) : null;
	}

	static String listUrl(String sender, String queue) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/messages/samples").queryParam("sender", sender);
		if (queue != null) {
			url.queryParam("queue", queue);
		}
		return url.encode().build().toUriString();
	}

	/** The address of the sample at a 1-based position. */
	String url(int position) {
		return url(position, this.ids, this.sender, this.queue);
	}

	static String url(int position, List<Long> ids, String sender, String queue) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/messages/" + ids.get(position - 1))
			.queryParam("sample", position)
			.queryParam("of", String.join(",", ids.stream().map(String::valueOf).toList()));
		if (sender != null) {
			url.queryParam("sender", sender);
		}
		if (queue != null) {
			url.queryParam("queue", queue);
		}
		return url.encode().build().toUriString();
	}

}
