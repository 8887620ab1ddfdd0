package io.quench.user;

/**
 * Where an operator who must change their password is sent, and the authority that marks
 * them.
 */
public final class PasswordChange {

	/** Granted (besides the role) while the operator still uses a temporary password. */
	public static final String REQUIRED_AUTHORITY = "PASSWORD_CHANGE_REQUIRED";

	/** The page that changes the signed-in operator's password. */
	public static final String PATH = "/account/password";

	private PasswordChange() {
	}

}
