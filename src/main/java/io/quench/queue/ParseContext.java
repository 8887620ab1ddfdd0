package io.quench.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.quench.queue.EnvelopeAddress.Role;
import io.quench.queue.ParsedQueueFile.Dialect;

/**
 * What parsing one file has found so far. Mutable, confined to one parse; turned into a
 * {@link ParsedQueueFile} by {@link QueueFileParser}.
 */
final class ParseContext {

	/**
	 * At most this many addresses are kept per file. A message to more recipients than
	 * this is abnormal (SMTP servers commonly cap recipients per message at a few hundred
	 * to 5000); beyond it the rest is counted in a warning, so one file cannot fill
	 * memory.
	 */
	static final int MAX_ADDRESSES = 10_000;

	/**
	 * RFC 5321 caps a path at 256 octets (64 local part, 255 domain, minus brackets); a
	 * longer "address" is garbage and is skipped with a warning.
	 */
	static final int MAX_ADDRESS_CHARS = 320;

	/**
	 * At most this many warnings per file: a broken file could otherwise produce one per
	 * header line.
	 */
	static final int MAX_WARNINGS = 50;

	Dialect dialect = Dialect.UNKNOWN;

	final List<EnvelopeAddress> addresses = new ArrayList<>();

	final List<String> warnings = new ArrayList<>();

	MessageHeaders headers = MessageHeaders.EMPTY;

	/** The sender the message headers name (Sender, else From, else Return-Path). */
	String headerSender;

	/** The envelope sender was the null reverse-path {@code <>} (a bounce). */
	boolean nullSender;

	private long droppedAddresses;

	private int droppedWarnings;

	void warn(String warning) {
		if (this.warnings.size() < MAX_WARNINGS) {
			this.warnings.add(warning);
		}
		else {
			this.droppedWarnings++;
		}
	}

	/**
	 * Records an address after normalising it ({@code "Name" <a@b>} and {@code <a@b>}
	 * become {@code a@b}).
	 * @param raw the address as found
	 * @param role its role
	 * @param source where it came from
	 */
	void address(String raw, Role role, String source) {
		String address = normalise(raw);
		if (address.isEmpty()) {
			warn("empty address in " + source);
			return;
		}
		if (address.length() > MAX_ADDRESS_CHARS) {
			warn("address longer than " + MAX_ADDRESS_CHARS + " characters skipped in " + source);
			return;
		}
		if (this.addresses.size() >= MAX_ADDRESSES) {
			this.droppedAddresses++;
			return;
		}
		this.addresses.add(new EnvelopeAddress(address, role, source));
	}

	static String normalise(String raw) {
		String address = raw.strip();
		int open = address.lastIndexOf('<');
		int close = address.lastIndexOf('>');
		if (open >= 0 && close > open) {
			address = address.substring(open + 1, close).strip();
		}
		// A source route (<@relay1,@relay2:user@host>) ends at the last colon.
		if (address.startsWith("@") && address.indexOf(':') > 0) {
			address = address.substring(address.lastIndexOf(':') + 1);
		}
		return address;
	}

	/**
	 * Adds the summary warnings for what was dropped; call once before building the
	 * result.
	 */
	void finish() {
		if (this.droppedAddresses > 0) {
			this.warnings.add("more than " + MAX_ADDRESSES + " addresses: " + this.droppedAddresses + " not recorded");
		}
		if (this.droppedWarnings > 0) {
			this.warnings.add(this.droppedWarnings + " more warnings not recorded");
		}
	}

	/**
	 * The resolved sender, see {@link ParsedQueueFile#sender()}.
	 * @return the lower-cased sender or {@code null}
	 */
	String resolveSender() {
		for (EnvelopeAddress address : this.addresses) {
			if (address.role() == Role.SENDER) {
				return lower(address.address());
			}
		}
		if (this.nullSender) {
			return null;
		}
		for (EnvelopeAddress address : this.addresses) {
			if (address.role() == Role.UNKNOWN) {
				warn("no address has the sender role: the first address of unknown role is the probable sender");
				return lower(address.address());
			}
		}
		if (this.headerSender != null && this.dialect != Dialect.RFC5322) {
			warn("the envelope names no sender: the sender is taken from the message headers");
			return lower(this.headerSender);
		}
		warn("no sender found");
		return null;
	}

	private static String lower(String address) {
		return address.toLowerCase(Locale.ROOT);
	}

}
