package io.quench.queue;

import io.quench.queue.ParsedQueueFile.Status;

/**
 * Stops parsing one file: it is {@link Status#UNPARSED} or {@link Status#REJECTED} for
 * the given reason. Internal to the parser; never leaves {@link QueueFileParser#parse}.
 */
final class QueueFileProblem extends RuntimeException {

	private final Status status;

	private QueueFileProblem(Status status, String reason, Throwable cause) {
		super(reason, cause, false, false);
		this.status = status;
	}

	static QueueFileProblem unparsed(String reason) {
		return new QueueFileProblem(Status.UNPARSED, reason, null);
	}

	static QueueFileProblem unparsed(String reason, Throwable cause) {
		return new QueueFileProblem(Status.UNPARSED, reason, cause);
	}

	static QueueFileProblem rejected(String reason) {
		return new QueueFileProblem(Status.REJECTED, reason, null);
	}

	Status status() {
		return this.status;
	}

}
