package io.quench.user;

/**
 * What an operator may do. Each role includes every role before it: an ADMIN is also an
 * APPROVER, an OPERATOR and a VIEWER.
 */
public enum Role {

	/** Reads everything. */
	VIEWER,
	/** Also requests actions on queues and records verdicts. */
	OPERATOR,
	/** Also approves or denies other operators' requests. */
	APPROVER,
	/** Also manages operators and sources. */
	ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
