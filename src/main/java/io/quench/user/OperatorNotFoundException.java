package io.quench.user;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No operator with that id: answered with 404.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class OperatorNotFoundException extends RuntimeException {

	OperatorNotFoundException(long id) {
		super("No operator with id " + id);
	}

}
