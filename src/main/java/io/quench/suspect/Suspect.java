package io.quench.suspect;

import java.util.List;

/**
 * One ranked account.
 *
 * @param account the GroupWise id, or for an account the directory does not know the
 * sender address or login id
 * @param mapped whether the account was found in the directory (or by the
 * {@code userid@domain} rule)
 * @param addresses SMTP addresses, preferred first
 * @param score login points plus queue points (see docs/ranking.md)
 * @param loginPoints points from login evidence
 * @param queuePoints points from queue evidence
 * @param likelyCompromised above the "likely compromised" line
 * @param verdict the operators' latest verdict
 * @param reasons short sentences with the numbers behind the points
 * @param evidence the numbers
 */
public record Suspect(String account, boolean mapped, List<String> addresses, int score, int loginPoints,
		int queuePoints, boolean likelyCompromised, Verdict verdict, List<String> reasons, SuspectEvidence evidence) {

	public Suspect {
		addresses = List.copyOf(addresses);
		reasons = List.copyOf(reasons);
	}

}
