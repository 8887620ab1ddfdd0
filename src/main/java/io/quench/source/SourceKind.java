package io.quench.source;

/**
 * What a source points at.
 */
public enum SourceKind {

	/** A GWIA queue root: the folder holding {@code send/} and {@code defer/}. */
	QUEUE,
	/** A POA log folder ({@code MMDDpoa.NNN} files) or one POA log file. */
	POA_LOG,
	/** A GWIA log folder ({@code MMDDlog.NNN} files) or one GWIA log file. */
	GWIA_LOG,
	/** An export of the GroupWise user list (CSV). */
	DIRECTORY

}
