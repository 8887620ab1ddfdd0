package io.quench.jar;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged jar started as an operator would start it: {@code java -jar quench.jar},
 * in a folder of its own, with the given arguments and environment. Its output goes to a
 * log file the test can read.
 */
final class RunningJar implements AutoCloseable {

	private final Process process;

	private final Path log;

	private final int port;

	private RunningJar(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	static RunningJar start(Path workDir, Map<String, String> environment, String... arguments) throws IOException {
		Path jar = Path.of(System.getProperty("quench.jar", "target/quench.jar")).toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: run through 'mvnw verify' (after package)");
		}
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
						jar.toString(), "--server.port=" + port));
		command.addAll(List.of(arguments));
		Path log = workDir.resolve("quench.log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().remove("QUENCH_ADMIN_PASSWORD");
		builder.environment().remove("SPRING_DATASOURCE_URL");
		builder.environment().putAll(environment);
		return new RunningJar(builder.start(), log, port);
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	String log() throws IOException {
		return Files.readString(this.log);
	}

	/** Waits until the health endpoint answers UP; returns how long it took. */
	Duration awaitHealthy(Duration limit) throws IOException, InterruptedException {
		Instant start = Instant.now();
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		while (Duration.between(start, Instant.now()).compareTo(limit) < 0) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("quench exited with " + this.process.exitValue() + ":\n" + log());
			}
			try {
				HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return Duration.between(start, Instant.now());
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("quench was not healthy within " + limit + ":\n" + log());
	}

	/**
	 * Waits until the log holds this text; returns the log.
	 * @param text what to wait for
	 * @param limit how long to wait
	 * @return the log at that moment
	 */
	String awaitLog(String text, Duration limit) throws IOException, InterruptedException {
		Instant start = Instant.now();
		while (Duration.between(start, Instant.now()).compareTo(limit) < 0) {
			String log = log();
			if (log.contains(text)) {
				return log;
			}
			if (!this.process.isAlive()) {
				throw new IllegalStateException("quench exited with " + this.process.exitValue() + ":\n" + log);
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("'" + text + "' not logged within " + limit + ":\n" + log());
	}

	/** Kills the process as {@code kill -9} does: no shutdown hook, nothing flushed. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
