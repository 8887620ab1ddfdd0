package io.quench.queue;

/**
 * The GWIA queue a file sits in, taken from the first segment of its path below the queue
 * root.
 */
public enum QueueFolder {

	/** {@code send/}: outbound messages waiting for the GWIA to deliver them. */
	SEND,

	/** {@code defer/}: messages re-queued after a failed delivery attempt. */
	DEFER,

	/** Any other folder (or a file directly in the root). */
	OTHER;

	/**
	 * The folder named by the first segment of a path below the queue root
	 * (case-insensitive, NetWare-era systems write upper case).
	 * @param firstSegment the first path segment
	 * @return the queue folder, {@link #OTHER} if it is neither {@code send} nor
	 * {@code defer}
	 */
	public static QueueFolder of(String firstSegment) {
		if ("send".equalsIgnoreCase(firstSegment)) {
			return SEND;
		}
		if ("defer".equalsIgnoreCase(firstSegment)) {
			return DEFER;
		}
		return OTHER;
	}

}
