package io.quench.census;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The KB pipeline's {@code <EmailAddress>} occurrence counts of one queue root, per
 * address for {@code send/} and {@code defer/}, highest total first (ties by address in
 * byte order, as {@code LC_ALL=C sort} orders them). Compact and immutable: the
 * addresses' bytes back to back, and per address two counts (about 30 bytes plus the
 * address per entry), so that a queue with a million distinct recipients costs tens of
 * megabytes, not a million objects.
 */
public final class KbCounts {

	/** No addresses, no files. */
	public static final KbCounts EMPTY = new KbCounts(new byte[0], new int[] { 0 }, new long[0], new long[0], 0, 0);

	private final byte[] keys;

	/** Start of entry i's bytes; entry i ends where i + 1 starts. */
	private final int[] starts;

	private final long[] send;

	private final long[] defer;

	private final long files;

	private final long skipped;

	private KbCounts(byte[] keys, int[] starts, long[] send, long[] defer, long files, long skipped) {
		this.keys = keys;
		this.starts = starts;
		this.send = send;
		this.defer = defer;
		this.files = files;
		this.skipped = skipped;
	}

	/** Merges the counts of the two folders and sorts them. */
	static KbCounts of(AddressCounts sendCounts, AddressCounts deferCounts, long files, long skipped) {
		AddressCounts both = new AddressCounts();
		both.addAll(sendCounts);
		both.addAll(deferCounts);
		int size = both.size();
		byte[] all = both.keyBytes();
		Comparator<Integer> order = Comparator.<Integer>comparingLong(both::count)
			.reversed()
			.thenComparing((a, b) -> Arrays.compareUnsigned(all, both.offset(a), both.offset(a) + both.length(a), all,
					both.offset(b), both.offset(b) + both.length(b)));
		int[] sorted = IntStream.range(0, size).boxed().sorted(order).mapToInt(Integer::intValue).toArray();
		long bytes = 0;
		for (int entry = 0; entry < size; entry++) {
			bytes += both.length(entry);
		}
		if (bytes > Integer.MAX_VALUE - 16) {
			throw new IllegalStateException("too many distinct addresses to keep: " + bytes + " bytes");
		}
		byte[] keys = new byte[(int) bytes];
		int[] starts = new int[size + 1];
		long[] send = new long[size];
		long[] defer = new long[size];
		int at = 0;
		for (int i = 0; i < size; i++) {
			int entry = sorted[i];
			int offset = both.offset(entry);
			int length = both.length(entry);
			System.arraycopy(all, offset, keys, at, length);
			starts[i] = at;
			send[i] = sendCounts.get(all, offset, length);
			defer[i] = deferCounts.get(all, offset, length);
			at += length;
		}
		starts[size] = at;
		return new KbCounts(keys, starts, send, defer, files, skipped);
	}

	/**
	 * Counts given as maps (imported, or known in a test), sorted like a census result.
	 * @param send occurrences in send/ per address
	 * @param defer occurrences in defer/ per address
	 * @param files files read
	 * @param skipped items skipped
	 */
	public static KbCounts of(Map<String, Long> send, Map<String, Long> defer, long files, long skipped) {
		return of(counts(send), counts(defer), files, skipped);
	}

	private static AddressCounts counts(Map<String, Long> counts) {
		AddressCounts result = new AddressCounts();
		counts.forEach((address, n) -> {
			byte[] key = address.getBytes(StandardCharsets.UTF_8);
			result.add(key, 0, key.length, n);
		});
		return result;
	}

	/** Distinct addresses. */
	public int size() {
		return this.send.length;
	}

	/**
	 * The address at a rank, decoded as UTF-8 (bytes that are not UTF-8 become U+FFFD;
	 * the count is that of the raw bytes).
	 */
	public String address(int rank) {
		return new String(this.keys, this.starts[rank], this.starts[rank + 1] - this.starts[rank],
				StandardCharsets.UTF_8);
	}

	/** Occurrences below {@code send/}. */
	public long send(int rank) {
		return this.send[rank];
	}

	/** Occurrences below {@code defer/}. */
	public long defer(int rank) {
		return this.defer[rank];
	}

	/** Occurrences in both folders: what the KB pipeline prints when run in both. */
	public long total(int rank) {
		return this.send[rank] + this.defer[rank];
	}

	/**
	 * Whether the domain of the address at a rank (after its last '@', or the whole value
	 * without one) contains the text, ignoring ASCII case.
	 * @param lowerCaseText the text, lower case
	 */
	public boolean domainContains(int rank, String lowerCaseText) {
		if (lowerCaseText == null || lowerCaseText.isEmpty()) {
			return true;
		}
		String address = address(rank);
		String domain = address.substring(address.lastIndexOf('@') + 1);
		return domain.toLowerCase(java.util.Locale.ROOT).contains(lowerCaseText);
	}

	/** Regular files read. */
	public long files() {
		return this.files;
	}

	/** Files and folders skipped (symbolic links, binary or unreadable files). */
	public long skipped() {
		return this.skipped;
	}

}
