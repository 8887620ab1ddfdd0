package io.quench.queue;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A Queues filter that cannot be answered: an unknown queue, a backward window. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
class InvalidQueueQueryException extends RuntimeException {

	InvalidQueueQueryException(String message) {
		super(message);
	}

}
