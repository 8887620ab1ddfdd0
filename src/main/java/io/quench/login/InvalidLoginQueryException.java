package io.quench.login;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A Logins filter that cannot be answered: an unknown outcome or log kind, an IP prefix
 * other than /8, /16 or /24 of an IPv4 address, a cursor this server did not hand out, a
 * window ending before it starts.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
class InvalidLoginQueryException extends RuntimeException {

	InvalidLoginQueryException(String message) {
		super(message);
	}

}
