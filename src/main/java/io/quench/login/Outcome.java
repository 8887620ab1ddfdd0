package io.quench.login;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the Logins page filters on: one outcome, several event types for "other". */
enum Outcome {

	LOGIN_SUCCESS(EnumSet.of(EventType.LOGIN_SUCCESS)), LOGIN_FAILURE(EnumSet.of(EventType.LOGIN_FAILURE)),
	SMTP_AUTH_SUCCESS(EnumSet.of(EventType.SMTP_AUTH_SUCCESS)),
	SMTP_AUTH_FAILURE(EnumSet.of(EventType.SMTP_AUTH_FAILURE)),
	OTHER(EnumSet.of(EventType.LOGOUT, EventType.MESSAGE_SENDER, EventType.MESSAGE_RECIPIENT, EventType.RELAY_DENIED));

	/** Successful logins of either kind: an IP "logged into" an account. */
	static final List<String> SUCCESSES = List.of(EventType.LOGIN_SUCCESS.name(), EventType.SMTP_AUTH_SUCCESS.name());

	/** Refused logins of either kind. */
	static final List<String> FAILURES = List.of(EventType.LOGIN_FAILURE.name(), EventType.SMTP_AUTH_FAILURE.name());

	final Set<EventType> types;

	Outcome(Set<EventType> types) {
		this.types = types;
	}

	/** Blank is "every outcome" (null); anything not a constant's name is refused. */
	static Outcome parse(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (Outcome outcome : values()) {
			if (outcome.name().equalsIgnoreCase(value.strip())) {
				return outcome;
			}
		}
		throw new InvalidLoginQueryException("unknown outcome");
	}

	/** The event type names stored for this outcome (all types for null). */
	static List<String> typeNames(Outcome outcome) {
		if (outcome == null) {
			return java.util.Arrays.stream(EventType.values()).map(Enum::name).toList();
		}
		return outcome.types.stream().map(Enum::name).sorted().toList();
	}

	/** The form and URL value. */
	String param() {
		return name().toLowerCase(Locale.ROOT);
	}

}
