package io.quench.user;

/**
 * A request that breaks a rule about operator accounts (weak password, duplicate name,
 * last admin...). Carries a message key for the page and is answered with 400 when it
 * escapes a controller.
 */
public class OperatorRuleViolation extends RuntimeException {

	private final String messageKey;

	OperatorRuleViolation(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
