package io.quench.suspect;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A ranking window that ends before it starts, or a verdict without a reason. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidRankingQueryException extends RuntimeException {

	public InvalidRankingQueryException(String message) {
		super(message);
	}

}
