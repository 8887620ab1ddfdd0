package io.quench.login;

/**
 * What a recognised log line says happened. The POA writes the login types, the GWIA the
 * SMTP types; a configured pattern may map any line of either log to any type.
 */
public enum EventType {

	/** A client logged in to the post office ({@code C/S Login}). */
	LOGIN_SUCCESS,

	/** A login was refused, e.g. error {@code D019} "password incorrect". */
	LOGIN_FAILURE,

	/** A client session ended ({@code C/S Logout}). */
	LOGOUT,

	/** The GWIA accepted SMTP AUTH credentials. */
	SMTP_AUTH_SUCCESS,

	/** The GWIA refused SMTP AUTH credentials. */
	SMTP_AUTH_FAILURE,

	/** The envelope sender of a message the GWIA handled. */
	MESSAGE_SENDER,

	/** One envelope recipient of a message the GWIA handled. */
	MESSAGE_RECIPIENT,

	/** The GWIA refused to relay a message. */
	RELAY_DENIED

}
