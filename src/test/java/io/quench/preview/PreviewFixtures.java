package io.quench.preview;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The fixture messages under {@code fixtures/preview/}. */
final class PreviewFixtures {

	private PreviewFixtures() {
	}

	static RenderedMessage render(String name) {
		return render(new MessageRenderer(PreviewLimits.defaults()), name);
	}

	static RenderedMessage render(MessageRenderer renderer, String name) {
		try (InputStream in = PreviewFixtures.class.getResourceAsStream("/fixtures/preview/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + name);
			}
			return renderer.render(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String header(RenderedMessage message, String name) {
		return message.headers()
			.stream()
			.filter((h) -> h.name().equalsIgnoreCase(name))
			.map(HeaderField::value)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no header " + name));
	}

}
