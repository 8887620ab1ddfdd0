package io.quench.login;

/**
 * An upload that cannot be taken; carries a message key for the page.
 */
public class LogUploadException extends RuntimeException {

	private final String messageKey;

	LogUploadException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
