package io.quench.suspect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recipients and distinct recipient addresses per sender and recipient domain, counted
 * from recipient addresses streamed in any order: what
 * {@code group by sender, domain, address} and then {@code group by sender, domain} give,
 * without holding a group per address. A (sender, address) pair is remembered as a 64-bit
 * hash in an open-addressing table (16 bytes per pair at most), the way
 * {@code QueueIndex} keys files by a 64-bit hash of their path: a distinct count comes
 * out one short only if two pairs of a pass collide in 64 bits, a chance of about 3 in
 * 10^8 at 10^6 pairs.
 *
 * <p>
 * The pairs can be counted in parts ({@link #inPart}): a row belongs to exactly one part
 * by its pair's hash, so counting each part's rows in a pass of its own, into the same
 * tally, gives the same totals with a table of one part's pairs only.
 */
final class RecipientDomainTally {

	private static final long EMPTY = 0;

	private final Map<String, Map<String, long[]>> bySender = new HashMap<>();

	private long[] pairs = new long[1 << 12];

	private int pairCount;

	/** The pair's hash, the key for {@link #inPart} and {@link #add}. */
	static long pairHash(String sender, String address) {
		long h = mix(0xcbf29ce484222325L, sender);
		h = mix(h ^ 0x9e3779b97f4a7c15L, address);
		h ^= (h >>> 33);
		h *= 0xff51afd7ed558ccdL;
		h ^= (h >>> 33);
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= (h >>> 33);
		return (h == EMPTY) ? 1 : h;
	}

	private static long mix(long h, String text) {
		for (int i = 0; i < text.length(); i++) {
			h ^= text.charAt(i);
			h *= 0x100000001b3L;
		}
		return h;
	}

	static boolean inPart(long pairHash, int part, int parts) {
		return Long.remainderUnsigned(pairHash, parts) == part;
	}

	/** Counts one recipient address of a sender's message. */
	void add(String sender, String domain, long pairHash) {
		long[] sums = this.bySender.computeIfAbsent(sender, (s) -> new HashMap<>())
			.computeIfAbsent(domain, (d) -> new long[2]);
		sums[0]++;
		if (addPair(pairHash)) {
			sums[1]++;
		}
	}

	/** Distinct pairs remembered since the last {@link #nextPart}. */
	int pairs() {
		return this.pairCount;
	}

	/** Forgets the pairs (not the counts): before the next part's pass. */
	void nextPart() {
		this.pairs = new long[1 << 12];
		this.pairCount = 0;
	}

	List<EvidenceRepository.DomainRow> rows() {
		List<EvidenceRepository.DomainRow> rows = new ArrayList<>();
		this.bySender.forEach((sender, domains) -> domains
			.forEach((domain, sums) -> rows.add(new EvidenceRepository.DomainRow(sender, domain, sums[0], sums[1]))));
		return rows;
	}

	private boolean addPair(long key) {
		if ((this.pairCount + 1) * 2 > this.pairs.length) {
			grow();
		}
		int slot = slotFor(this.pairs, key);
		if (this.pairs[slot] == key) {
			return false;
		}
		this.pairs[slot] = key;
		this.pairCount++;
		return true;
	}

	private static int slotFor(long[] table, long key) {
		int mask = table.length - 1;
		int slot = (int) (key ^ (key >>> 32)) & mask;
		while (table[slot] != EMPTY && table[slot] != key) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	private void grow() {
		long[] old = this.pairs;
		this.pairs = new long[old.length * 2];
		for (long key : old) {
			if (key != EMPTY) {
				this.pairs[slotFor(this.pairs, key)] = key;
			}
		}
	}

}
