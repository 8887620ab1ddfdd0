package io.quench.suspect;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No directory entry, no log event and no queued message for an account key. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AccountNotFoundException extends RuntimeException {

	AccountNotFoundException(String key) {
		super("No account " + key);
	}

}
