package io.quench.queue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.quench.queue.QueueFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input of issue 3: "a file unreadable by permissions is recorded with a clear
 * per-item error, the run goes on". Root reads every file whatever its mode, and the
 * tests (and CI) run as root; so as root the walk, parse and ingestion run in a child JVM
 * as user nobody (65534) through {@code setpriv}, from a copy of the class path that
 * nobody can read. As any other user they run in this JVM.
 */
class QueueFileUnreadableTests {

	private static final int NOBODY = 65534;

	private static final Set<PosixFilePermission> WORLD_READABLE_DIR = PosixFilePermissions.fromString("rwxr-xr-x");

	private static final Set<PosixFilePermission> WORLD_READABLE_FILE = PosixFilePermissions.fromString("rw-r--r--");

	@TempDir
	Path dir;

	@Test
	void aFileUnreadableByPermissionsIsRecordedAsPermissionDeniedAndTheOtherFilesAreIngested() throws Exception {
		Files.setPosixFilePermissions(this.dir, WORLD_READABLE_DIR);
		Path root = this.dir.resolve("queue");
		Path send = Files.createDirectories(root.resolve("send"));
		Files.copy(fixture("xml-envelope.txt"), send.resolve("readable-1.000"));
		Files.copy(fixture("smtp-script.txt"), send.resolve("readable-2.000"));
		Files.copy(fixture("rfc5322.eml"), send.resolve("locked.000"));
		for (Path path : List.of(root, send)) {
			Files.setPosixFilePermissions(path, WORLD_READABLE_DIR);
		}
		for (String name : List.of("readable-1.000", "readable-2.000")) {
			Files.setPosixFilePermissions(send.resolve(name), WORLD_READABLE_FILE);
		}
		Files.setPosixFilePermissions(send.resolve("locked.000"), Set.of());

		List<String> lines = runningAsRoot() ? runAsNobody(root) : runHere(root);

		assertThat(lines).contains("PARSE\tsend/locked.000\tUNPARSED\tcannot read: permission denied",
				"PARSE\tsend/readable-1.000\tPARSED\tnull", "PARSE\tsend/readable-2.000\tPARSED\tnull");
		assertThat(lines).filteredOn((line) -> line.startsWith("WALK-ERROR")).isEmpty();
		// The ingestion reports the file as a per-item error with the reason, stores the
		// other two, and finishes.
		assertThat(lines).filteredOn((line) -> line.startsWith("FAILED"))
			.containsExactly("FAILED\tsend/locked.000\tUNPARSED: cannot read: permission denied");
		assertThat(lines).contains("ROW\tsend/locked.000\tUNPARSED\tcannot read: permission denied",
				"ROW\tsend/readable-1.000\tPARSED\tnull", "ROW\tsend/readable-2.000\tPARSED\tnull", "RUN-DONE\t3");
	}

	private List<String> runHere(Path root) throws Exception {
		assertThat(Files.isReadable(root.resolve("send/locked.000"))).as("mode 000 keeps this user out").isFalse();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
			UnreadableFileProbe.run(root, out);
		}
		return bytes.toString(StandardCharsets.UTF_8).lines().toList();
	}

	private List<String> runAsNobody(Path root) throws Exception {
		Path setpriv = Stream.of("/usr/bin/setpriv", "/bin/setpriv")
			.map(Path::of)
			.filter(Files::isExecutable)
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"running as root: setpriv (util-linux) is needed to test an unreadable file as another user"));
		String classPath = worldReadableClassPath(Files.createDirectory(this.dir.resolve("classpath")));
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		ProcessBuilder builder = new ProcessBuilder(setpriv.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY,
				"--clear-groups", java.toString(), "-XX:-UsePerfData", "-Xshare:off", "-Xmx128m", "-cp", classPath,
				UnreadableFileProbe.class.getName(), root.toString())
			.directory(this.dir.toFile())
			.redirectErrorStream(true);
		builder.environment().put("HOME", this.dir.toString());
		Process process = builder.start();
		byte[] output;
		try (InputStream in = process.getInputStream()) {
			output = in.readAllBytes();
		}
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("child JVM finished").isTrue();
		String text = new String(output, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as("child JVM exit status; its output:%n%s", text).isZero();
		List<String> lines = text.lines().toList();
		assertThat(lines).as("the child ran as nobody").contains("UID\t" + NOBODY);
		return lines;
	}

	private boolean runningAsRoot() throws IOException {
		Path probe = Files.createTempFile(this.dir, "owner", ".tmp");
		try {
			return ((Integer) Files.getAttribute(probe, "unix:uid")) == 0;
		}
		finally {
			Files.delete(probe);
		}
	}

	/**
	 * This JVM's class path, hard-linked (jars) or copied (folders, and jars that cannot
	 * be linked or are not readable by all) below {@code target}, which every user can
	 * read: the local Maven repository under /root cannot be.
	 */
	private static String worldReadableClassPath(Path target) throws IOException {
		Files.setPosixFilePermissions(target, WORLD_READABLE_DIR);
		List<String> result = new ArrayList<>();
		int n = 0;
		for (Path entry : classPathEntries()) {
			if (!Files.exists(entry)) {
				continue;
			}
			Path copy = target.resolve((n++) + "-" + entry.getFileName());
			if (Files.isDirectory(entry)) {
				copyTree(entry, copy);
			}
			else {
				linkOrCopy(entry, copy);
			}
			result.add(copy.toString());
		}
		return String.join(java.io.File.pathSeparator, result);
	}

	/**
	 * The entries of {@code java.class.path}, with a manifest-only jar (as Surefire
	 * starts tests) replaced by its {@code Class-Path}.
	 */
	private static Set<Path> classPathEntries() throws IOException {
		Set<Path> entries = new LinkedHashSet<>();
		for (String element : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
			if (element.isEmpty()) {
				continue;
			}
			Path path = Path.of(element).toAbsolutePath();
			String manifestClassPath = null;
			if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar")) {
				try (JarFile jar = new JarFile(path.toFile())) {
					Manifest manifest = jar.getManifest();
					manifestClassPath = (manifest != null) ? manifest.getMainAttributes().getValue("Class-Path") : null;
				}
			}
			if (manifestClassPath != null && path.getFileName().toString().startsWith("surefirebooter")) {
				for (String url : manifestClassPath.trim().split("\\s+")) {
					entries.add(Path.of(path.getParent().toUri().resolve(URI.create(url))));
				}
			}
			else {
				entries.add(path);
			}
		}
		return entries;
	}

	private static void linkOrCopy(Path source, Path target) throws IOException {
		try {
			Files.createLink(target, source);
			if (Files.getPosixFilePermissions(target).contains(PosixFilePermission.OTHERS_READ)) {
				return;
			}
			Files.delete(target);
		}
		catch (FileSystemException | UnsupportedOperationException ex) {
			// another file system, or links not allowed: copy
		}
		Files.copy(source, target);
		Files.setPosixFilePermissions(target, WORLD_READABLE_FILE);
	}

	private static void copyTree(Path source, Path target) throws IOException {
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Path copy = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(copy);
					Files.setPosixFilePermissions(copy, WORLD_READABLE_DIR);
				}
				else {
					Files.copy(path, copy);
					Files.setPosixFilePermissions(copy, WORLD_READABLE_FILE);
				}
			}
		}
	}

}
