package io.quench.source;

/**
 * Reads one kind of source into the database. Implemented by the features that own the
 * data (queue files, log events, the directory); the source feature finds them as beans
 * and runs them, so it depends on none of them.
 */
public interface SourceIngester {

	boolean supports(SourceKind kind);

	/**
	 * Reads the source. Must not throw for a bad item (report it through
	 * {@link IngestContext#failed}); may throw for the source as a whole (folder missing,
	 * database down), which fails the run. Should return soon after
	 * {@link IngestContext#cancelled()} turns true.
	 */
	void ingest(IngestContext context) throws Exception;

}
