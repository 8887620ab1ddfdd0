package io.quench.source;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class IngestRunNotFoundException extends RuntimeException {

	IngestRunNotFoundException(long id) {
		super("No scan with id " + id);
	}

}
