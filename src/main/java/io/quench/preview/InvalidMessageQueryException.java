package io.quench.preview;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A message list or sample request that cannot be answered: a 400. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
class InvalidMessageQueryException extends RuntimeException {

	InvalidMessageQueryException(String message) {
		super(message);
	}

}
