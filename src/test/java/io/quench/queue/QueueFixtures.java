package io.quench.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Helpers for the queue tests: fixture files and queue entries. */
final class QueueFixtures {

	private QueueFixtures() {
	}

	/** The fixture file {@code fixtures/queue/<name>} on the test class path. */
	static Path fixture(String name) {
		URL url = QueueFixtures.class.getResource("/fixtures/queue/" + name);
		if (url == null) {
			throw new IllegalArgumentException("no fixture " + name);
		}
		try {
			return Path.of(url.toURI()).toRealPath();
		}
		catch (URISyntaxException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An entry for a file as if it sat in {@code send/}. */
	static QueueEntry entry(Path file) {
		try {
			Path real = file.toRealPath();
			return new QueueEntry(real, "send/" + real.getFileName(), QueueFolder.SEND, Files.size(real),
					Files.getLastModifiedTime(real).toInstant());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The SHA-256 of a (small) file, computed the simple way. */
	static String sha256(Path file) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
