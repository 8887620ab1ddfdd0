package io.quench.queue;

/**
 * One sender's messages present in the queue now.
 *
 * @param sender envelope sender
 * @param send present in send/
 * @param defer present in defer/
 * @param total both
 */
public record QueueSender(String sender, long send, long defer, long total) {

	/** The domain part, for the link to the filtered Top senders page. */
	public String domain() {
		int at = this.sender.lastIndexOf('@');
		return (at >= 0) ? this.sender.substring(at + 1) : "";
	}

}
