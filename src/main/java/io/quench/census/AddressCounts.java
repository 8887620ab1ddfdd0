package io.quench.census;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Counts keyed by raw byte strings, in an open-addressing table, so that counting an
 * occurrence allocates nothing. One instance per thread; {@link #addAll} merges them.
 */
final class AddressCounts {

	private byte[] keys = new byte[1 << 16];

	private int keysUsed;

	private int[] offsets = new int[1024];

	private int[] lengths = new int[1024];

	private int[] hashes = new int[1024];

	private long[] counts = new long[1024];

	private int size;

	/** Entry index + 1 per slot, 0 for an empty slot; the length is a power of two. */
	private int[] table = new int[2048];

	void add(byte[] source, int offset, int length, long n) {
		int hash = hash(source, offset, length);
		int mask = this.table.length - 1;
		int slot = hash & mask;
		while (true) {
			int entry = this.table[slot] - 1;
			if (entry < 0) {
				insert(slot, hash, source, offset, length, n);
				return;
			}
			if (this.hashes[entry] == hash && this.lengths[entry] == length && Arrays.equals(this.keys,
					this.offsets[entry], this.offsets[entry] + length, source, offset, offset + length)) {
				this.counts[entry] += n;
				return;
			}
			slot = (slot + 1) & mask;
		}
	}

	private void insert(int slot, int hash, byte[] source, int offset, int length, long n) {
		if (this.keysUsed + length > this.keys.length) {
			this.keys = Arrays.copyOf(this.keys, Math.max(this.keys.length * 2, this.keysUsed + length));
		}
		if (this.size == this.offsets.length) {
			int capacity = this.size * 2;
			this.offsets = Arrays.copyOf(this.offsets, capacity);
			this.lengths = Arrays.copyOf(this.lengths, capacity);
			this.hashes = Arrays.copyOf(this.hashes, capacity);
			this.counts = Arrays.copyOf(this.counts, capacity);
		}
		System.arraycopy(source, offset, this.keys, this.keysUsed, length);
		this.offsets[this.size] = this.keysUsed;
		this.lengths[this.size] = length;
		this.hashes[this.size] = hash;
		this.counts[this.size] = n;
		this.keysUsed += length;
		this.size++;
		this.table[slot] = this.size;
		if (this.size * 2 > this.table.length) {
			rehash();
		}
	}

	private void rehash() {
		int[] bigger = new int[this.table.length * 2];
		int mask = bigger.length - 1;
		for (int entry = 0; entry < this.size; entry++) {
			int slot = this.hashes[entry] & mask;
			while (bigger[slot] != 0) {
				slot = (slot + 1) & mask;
			}
			bigger[slot] = entry + 1;
		}
		this.table = bigger;
	}

	/** The count of one key, 0 when absent. */
	long get(byte[] source, int offset, int length) {
		int hash = hash(source, offset, length);
		int mask = this.table.length - 1;
		int slot = hash & mask;
		while (true) {
			int entry = this.table[slot] - 1;
			if (entry < 0) {
				return 0;
			}
			if (this.hashes[entry] == hash && this.lengths[entry] == length && Arrays.equals(this.keys,
					this.offsets[entry], this.offsets[entry] + length, source, offset, offset + length)) {
				return this.counts[entry];
			}
			slot = (slot + 1) & mask;
		}
	}

	/** The raw bytes of every key, back to back, in entry order. */
	byte[] keyBytes() {
		return this.keys;
	}

	int offset(int entry) {
		return this.offsets[entry];
	}

	int length(int entry) {
		return this.lengths[entry];
	}

	long count(int entry) {
		return this.counts[entry];
	}

	void addAll(AddressCounts other) {
		for (int entry = 0; entry < other.size; entry++) {
			add(other.keys, other.offsets[entry], other.lengths[entry], other.counts[entry]);
		}
	}

	int size() {
		return this.size;
	}

	/**
	 * The entries, highest count first, ties by address in byte order (as {@code sort}
	 * orders them with {@code LC_ALL=C}).
	 */
	List<Entry> sorted() {
		List<Entry> entries = new ArrayList<>(this.size);
		for (int entry = 0; entry < this.size; entry++) {
			entries.add(new Entry(
					Arrays.copyOfRange(this.keys, this.offsets[entry], this.offsets[entry] + this.lengths[entry]),
					this.counts[entry]));
		}
		entries
			.sort(Comparator.comparingLong(Entry::count).reversed().thenComparing(Entry::key, Arrays::compareUnsigned));
		return entries;
	}

	private static int hash(byte[] source, int offset, int length) {
		int h = 0x811C9DC5;
		for (int i = offset; i < offset + length; i++) {
			h = (h ^ source[i]) * 0x01000193;
		}
		return h ^ (h >>> 16);
	}

	/** One counted value: the raw bytes as they stand in the files, and the count. */
	record Entry(byte[] key, long count) {

		String address() {
			return new String(this.key, StandardCharsets.UTF_8);
		}

	}

}
