package io.quench.queue;

import java.util.function.LongConsumer;

/**
 * What a queue source held after its last scan, compact enough for 10^6 files in a few
 * tens of MB: an open-addressing table keyed by a 64-bit hash of the relative path, with
 * the row id, size, mtime (milliseconds), whether the row is marked gone, and whether
 * this scan has seen the file.
 * <p>
 * Two paths with the same 64-bit hash (odds about 3 in 10^8 for 10^6 files) share a slot;
 * the second is then treated as a new file and the first may be reported gone although
 * present. That only skews counts; it never touches a file.
 */
final class QueueIndex {

	private static final long EMPTY = 0;

	private long[] keys;

	private long[] ids;

	private long[] sizes;

	private long[] mtimes;

	private boolean[] gone;

	private boolean[] seen;

	private int count;

	private long presentBytes;

	private int presentCount;

	QueueIndex(int expected) {
		int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
		allocate(capacity);
	}

	private void allocate(int capacity) {
		this.keys = new long[capacity];
		this.ids = new long[capacity];
		this.sizes = new long[capacity];
		this.mtimes = new long[capacity];
		this.gone = new boolean[capacity];
		this.seen = new boolean[capacity];
	}

	static long hash(String relativePath) {
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < relativePath.length(); i++) {
			h ^= relativePath.charAt(i);
			h *= 0x100000001b3L;
		}
		h ^= (h >>> 33);
		h *= 0xff51afd7ed558ccdL;
		h ^= (h >>> 33);
		return (h == EMPTY) ? 1 : h;
	}

	void put(String relativePath, long id, long size, long mtimeMillis, boolean isGone) {
		put(hash(relativePath), id, size, mtimeMillis, isGone);
	}

	/** Adds a known file by the {@link #hash} of its path. */
	void put(long pathHash, long id, long size, long mtimeMillis, boolean isGone) {
		if ((this.count + 1) * 2 > this.keys.length) {
			grow();
		}
		long key = (pathHash == EMPTY) ? 1 : pathHash;
		int slot = slotFor(key);
		if (this.keys[slot] == EMPTY) {
			this.count++;
		}
		this.keys[slot] = key;
		this.ids[slot] = id;
		this.sizes[slot] = size;
		this.mtimes[slot] = mtimeMillis;
		this.gone[slot] = isGone;
		if (!isGone) {
			this.presentCount++;
			this.presentBytes += size;
		}
	}

	/** The slot of a known path, or -1. */
	int find(String relativePath) {
		int slot = slotFor(hash(relativePath));
		return this.keys[slot] == EMPTY ? -1 : slot;
	}

	boolean unchanged(int slot, long size, long mtimeMillis) {
		return !this.gone[slot] && this.sizes[slot] == size && this.mtimes[slot] == mtimeMillis;
	}

	long id(int slot) {
		return this.ids[slot];
	}

	void markSeen(int slot) {
		this.seen[slot] = true;
	}

	int size() {
		return this.count;
	}

	int presentCount() {
		return this.presentCount;
	}

	long presentBytes() {
		return this.presentBytes;
	}

	/** Rows that were present after the last scan and that this scan did not see. */
	void forEachVanished(LongConsumer idConsumer) {
		for (int slot = 0; slot < this.keys.length; slot++) {
			if (this.keys[slot] != EMPTY && !this.gone[slot] && !this.seen[slot]) {
				idConsumer.accept(this.ids[slot]);
			}
		}
	}

	private int slotFor(long key) {
		int mask = this.keys.length - 1;
		int slot = (int) (key ^ (key >>> 32)) & mask;
		while (this.keys[slot] != EMPTY && this.keys[slot] != key) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	private void grow() {
		long[] oldKeys = this.keys;
		long[] oldIds = this.ids;
		long[] oldSizes = this.sizes;
		long[] oldMtimes = this.mtimes;
		boolean[] oldGone = this.gone;
		boolean[] oldSeen = this.seen;
		allocate(oldKeys.length * 2);
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != EMPTY) {
				int slot = slotFor(oldKeys[i]);
				this.keys[slot] = oldKeys[i];
				this.ids[slot] = oldIds[i];
				this.sizes[slot] = oldSizes[i];
				this.mtimes[slot] = oldMtimes[i];
				this.gone[slot] = oldGone[i];
				this.seen[slot] = oldSeen[i];
			}
		}
	}

	@Override
	public String toString() {
		return "QueueIndex[" + this.count + " paths, " + this.presentCount + " present, capacity " + this.keys.length
				+ "]";
	}

}
