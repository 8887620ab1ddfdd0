package io.quench.suspect;

/** What operators decided about a suspect. */
public enum Verdict {

	/** Nobody has looked yet (the default). */
	NEW,

	CONFIRMED_COMPROMISED,

	FALSE_POSITIVE,

	/** Logins disabled and queued spam dealt with. */
	CONTAINED

}
