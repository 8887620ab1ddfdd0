package io.quench.suspect;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Reason sentences from the {@code suspect.reason.*} patterns in messages.properties. In
 * English for now (the API's reasons too), with English number formats.
 */
@Component
class ReasonText {

	private final MessageSource messages;

	ReasonText(MessageSource messages) {
		this.messages = messages;
	}

	String format(Reason reason) {
		return this.messages.getMessage("suspect.reason." + reason.code(), reason.args().toArray(), Locale.ENGLISH);
	}

}
