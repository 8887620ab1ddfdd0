package io.quench.preview;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No queue message has this id: a 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class MessageNotFoundException extends RuntimeException {

	MessageNotFoundException(long id) {
		super("No queue message with id " + id);
	}

}
