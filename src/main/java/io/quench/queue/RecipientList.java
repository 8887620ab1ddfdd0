package io.quench.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The envelope addresses of one queued message other than its sender, as stored: one row
 * per message in {@code queue_recipient_list}, the addresses in one text value. One row
 * instead of one per address is what makes a first scan on H2 fast enough: at 10^6 files
 * (6.5 million addresses) H2 spent 59 to 63 us of CPU per file storing a row per address
 * and 36 us with one row per message (docs/benchmarks.md, session 9).
 *
 * <p>
 * Format: per address, its role ({@code R} recipient, {@code U} unknown), the address's
 * length in chars, a colon, the address. Length-prefixed, so that no address, however
 * hostile (a newline or a colon inside an {@code <EmailAddress>}), can be read as two.
 * NUL characters are dropped before encoding, because PostgreSQL cannot store them.
 * Addresses are stored lower-cased; a domain is what follows the last {@code @}.
 */
public final class RecipientList {

	/** Addresses of one role. */
	public enum Role {

		/** A recipient (To, Cc, Bcc, RCPT TO). */
		RECIPIENT('R'),

		/** An address whose role the file does not tell. */
		UNKNOWN('U');

		private final char code;

		Role(char code) {
			this.code = code;
		}

		/** The role's letter in the stored text. */
		public char code() {
			return this.code;
		}

		static Role of(char code) {
			return (code == 'R') ? RECIPIENT : (code == 'U') ? UNKNOWN : null;
		}

	}

	/** One stored address. */
	public record Entry(Role role, String address) {

		/** The part after the last {@code @} ({@code ""} if there is none). */
		public String domain() {
			return RecipientList.domain(this.address);
		}

	}

	/** Receives the stored addresses in their stored order. */
	@FunctionalInterface
	public interface Visitor {

		void visit(Role role, String address);

	}

	private RecipientList() {
	}

	/** The stored text for these addresses (lower-cased, NULs dropped). */
	public static String encode(List<Entry> entries) {
		StringBuilder text = new StringBuilder(entries.size() * 32);
		for (Entry entry : entries) {
			append(text, entry.role(), entry.address());
		}
		return text.toString();
	}

	/** Appends one address to stored text being built. */
	public static void append(StringBuilder text, Role role, String address) {
		String clean = address.replace("\u0000", "").toLowerCase(Locale.ROOT);
		text.append(role.code()).append(clean.length()).append(':').append(clean);
	}

	/**
	 * Calls the visitor for each stored address, in order. Text that does not follow the
	 * format (which only a hand-edited row could hold) ends the reading there: what came
	 * before it is still visited.
	 */
	public static void forEach(String text, Visitor visitor) {
		if (text == null) {
			return;
		}
		int at = 0;
		int end = text.length();
		while (at < end) {
			Role role = Role.of(text.charAt(at));
			int colon = text.indexOf(':', at + 1);
			if (role == null || colon < 0 || colon == at + 1 || colon - at > 8) {
				return;
			}
			int length = 0;
			for (int i = at + 1; i < colon; i++) {
				char digit = text.charAt(i);
				if (digit < '0' || digit > '9') {
					return;
				}
				length = length * 10 + (digit - '0');
			}
			int from = colon + 1;
			if (length > end - from) {
				return;
			}
			visitor.visit(role, text.substring(from, from + length));
			at = from + length;
		}
	}

	/** The stored addresses as entries. */
	public static List<Entry> decode(String text) {
		List<Entry> entries = new ArrayList<>();
		forEach(text, (role, address) -> entries.add(new Entry(role, address)));
		return entries;
	}

	/** The part of an address after its last {@code @}, lower-cased. */
	public static String domain(String address) {
		int at = address.lastIndexOf('@');
		return (at < 0) ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
	}

}
