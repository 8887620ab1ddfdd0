package io.quench.login;

import java.time.Instant;
import java.util.List;

/**
 * What one client address did: the accounts it logged into is the spray signal.
 *
 * @param ip the address as the log writes it
 * @param accounts distinct accounts with a successful login (POA or SMTP AUTH) from it
 * @param successes successful logins
 * @param failures refused logins
 * @param firstSeen its first login event
 * @param lastSeen its last login event
 * @param accountList the first accounts it logged into, alphabetically (at most
 * {@link LoginBrowseRepository#ACCOUNTS_LISTED})
 */
public record IpRow(String ip, long accounts, long successes, long failures, Instant firstSeen, Instant lastSeen,
		List<String> accountList) {

	public IpRow {
		accountList = List.copyOf(accountList);
	}

}
