package io.quench.preview;

/** The queue file now, compared with what ingestion read. */
public enum Integrity {

	/** Same SHA-256 as when ingested. */
	UNCHANGED,
	/** Readable, but its SHA-256 differs: what is shown is the file as it is now. */
	CHANGED,
	/** No longer there (delivered, moved or deleted). */
	VANISHED,
	/** Readable, but ingestion stored no SHA-256 to compare with. */
	NOT_RECORDED,
	/**
	 * There but not safely readable (a symbolic link, outside the queue root, not a
	 * file).
	 */
	UNREADABLE

}
