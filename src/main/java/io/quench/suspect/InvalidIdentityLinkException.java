package io.quench.suspect;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An identity link that cannot be made or removed as asked; {@link #key()} names the
 * message ({@code links.invalid.*} in messages.properties).
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidIdentityLinkException extends RuntimeException {

	private final String key;

	public InvalidIdentityLinkException(String key, String message) {
		super(message);
		this.key = key;
	}

	public String key() {
		return this.key;
	}

}
