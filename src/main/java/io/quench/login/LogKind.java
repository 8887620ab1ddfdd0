package io.quench.login;

/**
 * Which agent wrote a log file: the Post Office Agent ({@code MMDDpoa.NNN}) or the
 * GroupWise Internet Agent ({@code MMDDlog.NNN}, also accepted as {@code MMDDgwia.NNN}).
 */
public enum LogKind {

	/** Post Office Agent: client/server logins, logouts, password errors. */
	POA,

	/** GroupWise Internet Agent: SMTP AUTH, senders, recipients, relay denials. */
	GWIA

}
