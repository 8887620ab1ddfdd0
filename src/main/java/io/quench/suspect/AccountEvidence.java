package io.quench.suspect;

import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Everything aggregated for one account over a window, independent of any threshold, so
 * that a threshold change re-scores without reading events again.
 *
 * @param key account key (GroupWise id, or the unmapped address or login id)
 * @param mapped known to the directory
 * @param addresses addresses, preferred first
 * @param queued messages in send/ and defer/
 * @param deferred of which in defer/
 * @param recipients envelope recipients
 * @param distinctRecipients distinct recipients (summed over sender addresses)
 * @param recipientDomains distinct recipient domains
 * @param externalRecipients recipients outside the local domains
 * @param topTemplate the most common subject template
 * @param topTemplateMessages messages with it
 * @param peakPer5Minutes most messages in one 5-minute slot
 * @param firstQueued oldest mtime
 * @param lastQueued newest mtime
 * @param logins successful POA logins (trusted hosts left out)
 * @param loginMinutes minutes with at least 2 logins, by logins in that minute
 * @param clientIps distinct addresses of successful logins and SMTP AUTH
 * @param clientNetworks distinct /24 (IPv4) or /48 (IPv6) networks of those
 * @param failedLogins refused POA logins
 * @param failedIps distinct addresses of refused logins (POA and SMTP AUTH)
 * @param smtpAuthSuccesses accepted SMTP AUTH
 * @param smtpAuthNetworks distinct networks of accepted SMTP AUTH
 * @param smtpAuthFailures refused SMTP AUTH
 * @param platforms client platforms of successful POA logins, sorted
 */
record AccountEvidence(String key, boolean mapped, List<String> addresses, long queued, long deferred, long recipients,
		long distinctRecipients, long recipientDomains, long externalRecipients, String topTemplate,
		long topTemplateMessages, long peakPer5Minutes, Instant firstQueued, Instant lastQueued, long logins,
		NavigableMap<Long, Long> loginMinutes, long clientIps, long clientNetworks, long failedLogins, long failedIps,
		long smtpAuthSuccesses, long smtpAuthNetworks, long smtpAuthFailures, List<String> platforms) {

	AccountEvidence {
		addresses = List.copyOf(addresses);
		loginMinutes = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(loginMinutes));
		platforms = List.copyOf(platforms);
	}

	long peakLoginsPerMinute() {
		return this.loginMinutes.isEmpty() ? Math.min(1, this.logins) : this.loginMinutes.lastKey();
	}

	/** Minutes with more than {@code rate} successful logins. */
	long minutesAbove(long rate) {
		return this.loginMinutes.tailMap(rate, false).values().stream().mapToLong(Long::longValue).sum();
	}

	double deferRatio() {
		return (this.queued == 0) ? 0 : (double) this.deferred / this.queued;
	}

	double externalShare() {
		return (this.recipients == 0) ? 0 : (double) this.externalRecipients / this.recipients;
	}

	double topTemplateShare() {
		return (this.queued == 0) ? 0 : (double) this.topTemplateMessages / this.queued;
	}

	double recipientsPerMessage() {
		return (this.queued == 0) ? 0 : (double) this.recipients / this.queued;
	}

	boolean authenticated() {
		return this.logins + this.smtpAuthSuccesses > 0;
	}

	boolean triedToLogIn() {
		return authenticated() || this.failedLogins + this.smtpAuthFailures > 0;
	}

	SuspectEvidence publicEvidence(long humanLoginsPerMinute) {
		return new SuspectEvidence(this.queued, this.deferred, deferRatio(), this.recipients, this.distinctRecipients,
				this.recipientDomains, externalShare(), topTemplateShare(), this.topTemplate, this.peakPer5Minutes,
				this.firstQueued, this.lastQueued, this.logins, peakLoginsPerMinute(),
				minutesAbove(humanLoginsPerMinute), this.clientIps, this.clientNetworks, this.failedLogins,
				this.smtpAuthSuccesses, this.smtpAuthFailures, this.platforms);
	}

}
