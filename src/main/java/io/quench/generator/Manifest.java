package io.quench.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The truth about a generated incident ({@code manifest.json}): who is compromised, which
 * accounts are decoys, and the counts a census must reproduce. Maps are sorted by key.
 *
 * @param seed the seed
 * @param messages queue files written
 * @param days simulated days
 * @param start first simulated instant (ISO-8601 with offset)
 * @param end end of the simulation, exclusive
 * @param zone the server's time zone
 * @param compromised GroupWise ids of the compromised accounts
 * @param compromisedKinds GroupWise id to BURST, LOW_AND_SLOW or DEFERRED
 * @param decoys accounts that look suspicious but are not compromised
 * @param accounts GroupWise id to the account's ids and addresses (preferred first)
 * @param senderCounts sender address to messages in {@code send/} and {@code defer/}
 * @param kbCounts address to what the KB pipeline counts over {@code send/} and
 * {@code defer/}
 */
public record Manifest(long seed, long messages, int days, String start, String end, String zone,
		List<String> compromised, Map<String, String> compromisedKinds, List<Decoy> decoys,
		Map<String, Account> accounts, Map<String, FolderCounts> senderCounts, Map<String, Long> kbCounts) {

	/** A decoy: NEWSLETTER, SERVICE_ACCOUNT, BRUTE_FORCE_VICTIM or LEGITIMATE_BURST. */
	public record Decoy(String account, String kind) {
	}

	public record Account(String gwId, String networkId, List<String> addresses) {
	}

	public record FolderCounts(long send, long defer) {

		public long total() {
			return this.send + this.defer;
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	public static Manifest read(Path file) {
		return JSON.readValue(file.toFile(), Manifest.class);
	}

	void write(Path file) {
		try {
			Files.write(file, JSON.writeValueAsBytes(this));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
