package io.quench.sender;

/** A Top senders filter that cannot be answered (a window ending before it starts). */
class InvalidSenderQueryException extends IllegalArgumentException {

	InvalidSenderQueryException(String message) {
		super(message);
	}

}
