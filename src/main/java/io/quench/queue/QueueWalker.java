package io.quench.queue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Walks a GWIA queue root (the directory holding {@code send/} and {@code defer/}) and
 * hands each regular file below it to a {@link Visitor}, streaming: one directory listing
 * open per level, nothing collected, so 10^6 files cost no more memory than ten.
 * <p>
 * Safety: symbolic links are never followed, whether they point inside the root or out of
 * it (each is reported as an item error "symlink not followed"); a file whose real path
 * is not below the real path of the root is never handed out; files vanishing during the
 * walk and unreadable directories become item errors and the walk goes on. The root
 * itself may be configured through a symlink; it is resolved once, at the start.
 */
public final class QueueWalker {

	/**
	 * GWIA queues nest a level or two below {@code send/} and {@code defer/}; 32 levels
	 * is far beyond that and stops a pathological tree. Deeper directories are item
	 * errors.
	 */
	static final int MAX_DEPTH = 32;

	private final Path root;

	private final boolean includeOtherFolders;

	/**
	 * A walker over {@code send/} and {@code defer/} only.
	 * @param root the queue root
	 */
	public QueueWalker(Path root) {
		this(root, false);
	}

	/**
	 * A walker.
	 * @param root the queue root
	 * @param includeOtherFolders also walk folders other than {@code send/} and
	 * {@code defer/} (and files directly in the root), as {@link QueueFolder#OTHER}
	 */
	public QueueWalker(Path root, boolean includeOtherFolders) {
		this.root = Objects.requireNonNull(root, "root");
		this.includeOtherFolders = includeOtherFolders;
	}

	/**
	 * Walks the root, calling the visitor on this thread for each file and each item
	 * error.
	 * @param visitor receives files and item errors
	 * @throws IOException if the root itself cannot be resolved or read
	 */
	public void walk(Visitor visitor) throws IOException {
		Objects.requireNonNull(visitor, "visitor");
		Path realRoot = this.root.toRealPath();
		if (!Files.isDirectory(realRoot)) {
			throw new IOException("queue root is not a directory: " + this.root);
		}
		Files.walkFileTree(realRoot, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new Walk(realRoot, visitor));
	}

	/**
	 * Counts the regular files {@link #walk} would hand out, and their bytes, without
	 * building their entries or paths: the total of a first scan's progress bar, counted
	 * beside the real walk. Symlinks, other files and unreadable folders are skipped
	 * without a word (the real walk reports them).
	 * @param stop asked at each file; the count ends when it says true
	 * @param progress told the running totals every 4,096 files, and the final ones when
	 * the count got to the end
	 * @throws IOException if the root itself cannot be resolved or read
	 */
	public void count(BooleanSupplier stop, Progress progress) throws IOException {
		Objects.requireNonNull(stop, "stop");
		Objects.requireNonNull(progress, "progress");
		Path realRoot = this.root.toRealPath();
		long[] counted = new long[2];
		boolean[] stopped = { false };
		Files.walkFileTree(realRoot, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
				return skipsFolder(realRoot, dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
				if (stop.getAsBoolean()) {
					stopped[0] = true;
					return FileVisitResult.TERMINATE;
				}
				boolean handedOut = attrs.isRegularFile()
						&& (QueueWalker.this.includeOtherFolders || !realRoot.equals(file.getParent()));
				if (handedOut) {
					counted[0]++;
					counted[1] += attrs.size();
					if ((counted[0] & 0xFFF) == 0) {
						progress.counted(counted[0], counted[1]);
					}
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException exc) {
				return FileVisitResult.CONTINUE;
			}
		});
		if (!stopped[0]) {
			progress.counted(counted[0], counted[1]);
		}
	}

	/**
	 * Whether the walk and the count leave out this folder and what is below it: a folder
	 * in the root other than {@code send/} and {@code defer/}, unless other folders are
	 * walked.
	 */
	private boolean skipsFolder(Path realRoot, Path dir) {
		return !this.includeOtherFolders && realRoot.equals(dir.getParent())
				&& QueueFolder.of(dir.getFileName().toString()) == QueueFolder.OTHER;
	}

	/** Running totals of {@link #count}. */
	public interface Progress {

		/**
		 * The files counted so far and their bytes.
		 * @param files regular files
		 * @param bytes their sizes added up
		 */
		void counted(long files, long bytes);

	}

	/** Receives what the walk finds. */
	public interface Visitor {

		/**
		 * A regular file below the root.
		 * @param entry the file
		 */
		void file(QueueEntry entry);

		/**
		 * Something below the root that is not handed out, and why.
		 * @param error the item error
		 */
		void error(ItemError error);

	}

	/**
	 * An item the walk skipped.
	 *
	 * @param relativePath the path relative to the queue root
	 * @param problem why it was skipped (for example "symlink not followed")
	 */
	public record ItemError(String relativePath, String problem) {

		public ItemError {
			Objects.requireNonNull(relativePath, "relativePath");
			Objects.requireNonNull(problem, "problem");
		}

	}

	private final class Walk extends SimpleFileVisitor<Path> {

		private final Path realRoot;

		private final Visitor visitor;

		Walk(Path realRoot, Visitor visitor) {
			this.realRoot = realRoot;
			this.visitor = visitor;
		}

		@Override
		public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
			if (dir.equals(this.realRoot)) {
				return FileVisitResult.CONTINUE;
			}
			if (skipsFolder(this.realRoot, dir)) {
				return FileVisitResult.SKIP_SUBTREE;
			}
			Path relative = this.realRoot.relativize(dir);
			// The walk starts at the real root and never follows links, so every path
			// below it
			// is real; checking each folder once (not each file) keeps that true even if
			// a
			// folder was swapped for a link meanwhile, at the cost of one realpath per
			// folder.
			try {
				Path real = dir.toRealPath();
				if (!real.equals(dir) || !real.startsWith(this.realRoot)) {
					error(relativePath(relative), "real path outside the queue root: not followed");
					return FileVisitResult.SKIP_SUBTREE;
				}
			}
			catch (IOException ex) {
				error(relativePath(relative), "vanished during the walk");
				return FileVisitResult.SKIP_SUBTREE;
			}
			return FileVisitResult.CONTINUE;
		}

		@Override
		public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
			Path relative = this.realRoot.relativize(file);
			QueueFolder folder = QueueFolder.of(relative.getName(0).toString());
			boolean inRootItself = relative.getNameCount() == 1;
			// A symlink named send or defer in the root stands for a queue folder: report
			// it.
			boolean inQueue = folder != QueueFolder.OTHER && (!inRootItself || attrs.isSymbolicLink());
			if (!QueueWalker.this.includeOtherFolders && !inQueue) {
				return FileVisitResult.CONTINUE;
			}
			String path = relativePath(relative);
			if (inRootItself && !attrs.isSymbolicLink()) {
				folder = QueueFolder.OTHER;
			}
			if (attrs.isSymbolicLink()) {
				error(path, "symlink not followed");
			}
			else if (attrs.isDirectory()) {
				error(path, "directory deeper than " + MAX_DEPTH + " levels not walked");
			}
			else if (!attrs.isRegularFile()) {
				error(path, "not a regular file");
			}
			else {
				handOut(file, path, folder, attrs);
			}
			return FileVisitResult.CONTINUE;
		}

		private void handOut(Path file, String path, QueueFolder folder, BasicFileAttributes attrs) {
			// attrs come from lstat (links are not followed) and the folder was checked
			// in
			// preVisitDirectory: the file's path is real and inside the root.
			this.visitor.file(new QueueEntry(file, path, folder, attrs.size(), attrs.lastModifiedTime().toInstant()));
		}

		@Override
		public FileVisitResult visitFileFailed(Path file, IOException exc) {
			String path = relativePath(this.realRoot.relativize(file));
			if (exc instanceof NoSuchFileException) {
				error(path, "vanished during the walk");
			}
			else if (exc instanceof AccessDeniedException) {
				error(path, "cannot read: permission denied");
			}
			else {
				error(path, "cannot read: " + exc.getMessage());
			}
			return FileVisitResult.CONTINUE;
		}

		@Override
		public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
			if (exc != null) {
				error(relativePath(this.realRoot.relativize(dir)), "listing failed part-way: " + exc.getMessage());
			}
			return FileVisitResult.CONTINUE;
		}

		private void error(String path, String problem) {
			this.visitor.error(new ItemError(path, problem));
		}

		private static String relativePath(Path relative) {
			StringBuilder path = new StringBuilder();
			for (int i = 0; i < relative.getNameCount(); i++) {
				if (i > 0) {
					path.append('/');
				}
				path.append(relative.getName(i));
			}
			return (path.length() == 0) ? "." : path.toString();
		}

	}

}
