package io.quench.source;

/**
 * A source definition or request that breaks a rule; carries a message key for the page.
 */
public class SourceRuleViolation extends RuntimeException {

	private final String messageKey;

	SourceRuleViolation(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
