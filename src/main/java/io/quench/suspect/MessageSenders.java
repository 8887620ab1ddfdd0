package io.quench.suspect;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Message id to sender, for 10^6 messages in little memory: ids in an open-addressing
 * table of primitives (13 bytes a slot, at most two slots a message, rather than a boxed
 * map entry of about 50 bytes), each sender's address stored once.
 */
final class MessageSenders {

	private final Map<String, Integer> senderIndex = new HashMap<>();

	private String[] senders = new String[16];

	private long[] ids = new long[1 << 12];

	private int[] senderOf = new int[1 << 12];

	private boolean[] used = new boolean[1 << 12];

	private int size;

	void put(long id, String sender) {
		if ((this.size + 1) * 2 > this.ids.length) {
			grow();
		}
		Integer index = this.senderIndex.get(sender);
		if (index == null) {
			index = this.senderIndex.size();
			this.senderIndex.put(sender, index);
			if (index == this.senders.length) {
				this.senders = Arrays.copyOf(this.senders, index * 2);
			}
			this.senders[index] = sender;
		}
		int slot = slotFor(this.ids, this.used, id);
		if (!this.used[slot]) {
			this.used[slot] = true;
			this.ids[slot] = id;
			this.size++;
		}
		this.senderOf[slot] = index;
	}

	/** The sender of this message, or null if it was not put. */
	String get(long id) {
		int slot = slotFor(this.ids, this.used, id);
		return this.used[slot] ? this.senders[this.senderOf[slot]] : null;
	}

	int size() {
		return this.size;
	}

	private static int slotFor(long[] ids, boolean[] used, long id) {
		int mask = ids.length - 1;
		long h = id * 0x9e3779b97f4a7c15L;
		int slot = (int) (h ^ (h >>> 32)) & mask;
		while (used[slot] && ids[slot] != id) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	private void grow() {
		long[] oldIds = this.ids;
		int[] oldSenders = this.senderOf;
		boolean[] oldUsed = this.used;
		this.ids = new long[oldIds.length * 2];
		this.senderOf = new int[oldIds.length * 2];
		this.used = new boolean[oldIds.length * 2];
		for (int i = 0; i < oldIds.length; i++) {
			if (oldUsed[i]) {
				int slot = slotFor(this.ids, this.used, oldIds[i]);
				this.used[slot] = true;
				this.ids[slot] = oldIds[i];
				this.senderOf[slot] = oldSenders[i];
			}
		}
	}

}
