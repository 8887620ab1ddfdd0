package io.quench.preview;

/**
 * Everything the message page shows.
 *
 * @param message what ingestion stored
 * @param sourceName the queue source the file belongs to
 * @param integrity the file now, compared with what was ingested
 * @param rendered the message as read now, or null when the file could not be read
 * @param raw the first range of the raw file, or null when it could not be read
 */
record MessagePreview(StoredMessage message, String sourceName, Integrity integrity, RenderedMessage rendered,
		RawChunk raw) {

	boolean readable() {
		return this.rendered != null;
	}

}
