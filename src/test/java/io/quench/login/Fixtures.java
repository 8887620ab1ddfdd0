package io.quench.login;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Access to the files under {@code src/test/resources/fixtures}. */
final class Fixtures {

	private Fixtures() {
	}

	static Path path(String name) {
		try {
			return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<String> lines(String name) {
		try {
			return Files.readAllLines(path(name), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
