package io.quench.suspect;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No identity link with that id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class IdentityLinkNotFoundException extends RuntimeException {

	public IdentityLinkNotFoundException(long id) {
		super("no identity link " + id);
	}

}
