package io.quench.queue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class QueueWalkerTests {

	@TempDir
	Path dir;

	private final List<QueueEntry> files = new ArrayList<>();

	private final List<QueueWalker.ItemError> errors = new ArrayList<>();

	private final QueueWalker.Visitor collect = new QueueWalker.Visitor() {
		@Override
		public void file(QueueEntry entry) {
			QueueWalkerTests.this.files.add(entry);
		}

		@Override
		public void error(QueueWalker.ItemError error) {
			QueueWalkerTests.this.errors.add(error);
		}
	};

	@Test
	void filesBelowSendAndDeferAreYieldedRecursivelyWithTheirQueueAndOtherFoldersAreSkipped() throws IOException {
		Path root = this.dir.resolve("gwia");
		write(root.resolve("send/4A1B2C3D.001"), "From: a@example.org\r\n\r\n");
		write(root.resolve("send/sub/deeper/4A1B2C3E.002"), "x");
		write(root.resolve("DEFER/4A1B2C3F.003"), "xyz");
		write(root.resolve("wpcsout/0/binary"), "b");
		write(root.resolve("gwia.cfg"), "/smtp");

		new QueueWalker(root).walk(this.collect);

		assertThat(this.errors).isEmpty();
		assertThat(this.files).extracting(QueueEntry::relativePath, QueueEntry::folder, QueueEntry::size)
			.containsExactlyInAnyOrder(tuple("send/4A1B2C3D.001", QueueFolder.SEND, 23L),
					tuple("send/sub/deeper/4A1B2C3E.002", QueueFolder.SEND, 1L),
					tuple("DEFER/4A1B2C3F.003", QueueFolder.DEFER, 3L));
		QueueEntry first = this.files.stream()
			.filter((e) -> e.relativePath().equals("send/4A1B2C3D.001"))
			.findFirst()
			.orElseThrow();
		assertThat(first.mtime()).isEqualTo(Files.getLastModifiedTime(first.path()).toInstant());
		assertThat(first.path()).isEqualTo(root.resolve("send/4A1B2C3D.001").toRealPath());
	}

	@Test
	void otherFoldersAreYieldedAsOtherWhenConfigured() throws IOException {
		Path root = this.dir.resolve("gwia");
		write(root.resolve("send/a"), "a");
		write(root.resolve("receive/b"), "b");
		write(root.resolve("gwia.cfg"), "c");

		new QueueWalker(root, true).walk(this.collect);

		assertThat(this.files).extracting(QueueEntry::relativePath, QueueEntry::folder)
			.containsExactlyInAnyOrder(tuple("send/a", QueueFolder.SEND), tuple("receive/b", QueueFolder.OTHER),
					tuple("gwia.cfg", QueueFolder.OTHER));
	}

	@Test
	void symlinksAreReportedAndNeverFollowedWhetherTheyPointOutsideOrInside() throws IOException {
		Path root = this.dir.resolve("gwia");
		Path outside = write(this.dir.resolve("outside/passwd"), "root:x:0:0");
		write(root.resolve("send/real.eml"), "From: a@example.org\r\n\r\n");
		Files.createSymbolicLink(root.resolve("send/to-outside"), outside);
		Files.createSymbolicLink(root.resolve("send/to-inside"), root.resolve("send/real.eml"));
		Files.createSymbolicLink(root.resolve("send/dir-outside"), outside.getParent());
		Files.createSymbolicLink(root.resolve("defer"), outside.getParent());

		new QueueWalker(root).walk(this.collect);

		assertThat(this.files).extracting(QueueEntry::relativePath).containsExactly("send/real.eml");
		assertThat(this.errors).extracting(QueueWalker.ItemError::relativePath, QueueWalker.ItemError::problem)
			.containsExactlyInAnyOrder(tuple("send/to-outside", "symlink not followed"),
					tuple("send/to-inside", "symlink not followed"), tuple("send/dir-outside", "symlink not followed"),
					tuple("defer", "symlink not followed"));
	}

	@Test
	void theCountGivesTheFilesAndBytesTheWalkHandsOut() throws IOException {
		Path root = this.dir.resolve("gwia");
		Path outside = write(this.dir.resolve("outside/passwd"), "root:x:0:0");
		write(root.resolve("send/a"), "12345");
		write(root.resolve("send/sub/deeper/b"), "1234567");
		write(root.resolve("DEFER/c"), "123");
		write(root.resolve("wpcsout/0/d"), "not a queue file");
		write(root.resolve("gwia.cfg"), "/smtp");
		Files.createSymbolicLink(root.resolve("send/to-outside"), outside);
		Files.createSymbolicLink(root.resolve("defer"), outside.getParent());
		for (boolean others : new boolean[] { false, true }) {
			this.files.clear();
			new QueueWalker(root, others).walk(this.collect);
			List<long[]> totals = new ArrayList<>();

			new QueueWalker(root, others).count(() -> false, (files, bytes) -> totals.add(new long[] { files, bytes }));

			assertThat(totals).as("one final report for a small tree").hasSize(1);
			assertThat(totals.get(0)).containsExactly(this.files.size(),
					this.files.stream().mapToLong(QueueEntry::size).sum());
		}
		assertThat(this.files).hasSize(5);
	}

	@Test
	void aCountToldToStopEndsWithoutAFinalReport() throws IOException {
		Path root = this.dir.resolve("gwia");
		for (int i = 0; i < 5_000; i++) {
			write(root.resolve("send/m" + i), "x");
		}
		List<long[]> totals = new ArrayList<>();
		int[] asked = { 0 };

		new QueueWalker(root).count(() -> ++asked[0] > 4_500,
				(files, bytes) -> totals.add(new long[] { files, bytes }));

		assertThat(totals).hasSize(1);
		assertThat(totals.get(0)).containsExactly(4_096, 4_096);
	}

	@Test
	void filesVanishingDuringTheWalkBecomeItemErrorsAndTheWalkGoesOn() throws IOException {
		Path root = this.dir.resolve("gwia");
		for (int i = 0; i < 5; i++) {
			write(root.resolve("send/f" + i), "x");
		}
		write(root.resolve("defer/kept"), "x");

		new QueueWalker(root).walk(new QueueWalker.Visitor() {
			@Override
			public void file(QueueEntry entry) {
				QueueWalkerTests.this.files.add(entry);
				if (entry.folder() == QueueFolder.SEND) {
					// The GWIA delivers the other queued files meanwhile.
					for (int i = 0; i < 5; i++) {
						try {
							Files.deleteIfExists(root.resolve("send/f" + i).equals(entry.path())
									? Path.of("/nonexistent") : root.resolve("send/f" + i));
						}
						catch (IOException ex) {
							throw new IllegalStateException(ex);
						}
					}
				}
			}

			@Override
			public void error(QueueWalker.ItemError error) {
				QueueWalkerTests.this.errors.add(error);
			}
		});

		assertThat(this.files).extracting(QueueEntry::relativePath).contains("defer/kept");
		assertThat(this.files).filteredOn((e) -> e.folder() == QueueFolder.SEND).hasSize(1);
		assertThat(this.errors).hasSize(4).allMatch((e) -> e.problem().equals("vanished during the walk"));
	}

	@Test
	void aMissingRootIsAnError() {
		org.assertj.core.api.Assertions.assertThatIOException()
			.isThrownBy(() -> new QueueWalker(this.dir.resolve("missing")).walk(this.collect));
	}

	private static Path write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

}
