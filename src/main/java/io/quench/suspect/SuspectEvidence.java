package io.quench.suspect;

import java.time.Instant;
import java.util.List;

/**
 * The numbers behind a suspect's score, over the ranking window. Queue numbers count
 * messages present in {@code send/} and {@code defer/}; login numbers leave out logins
 * from trusted-application hosts.
 *
 * @param queued messages in send/ and defer/
 * @param deferred of which in defer/
 * @param deferRatio deferred / queued
 * @param recipients envelope recipients over all queued messages
 * @param distinctRecipients distinct recipient addresses (summed over the account's
 * sender addresses)
 * @param recipientDomains distinct recipient domains
 * @param externalShare share of recipients outside the local domains
 * @param topTemplateShare share of queued messages with the most common subject template
 * @param topTemplate that template (digits and hex runs masked as {@code #})
 * @param peakPer5Minutes most messages queued within one 5-minute slot (by mtime)
 * @param firstQueued mtime of the oldest queued message, or null
 * @param lastQueued mtime of the newest queued message, or null
 * @param logins successful POA logins
 * @param peakLoginsPerMinute most successful POA logins within one minute
 * @param minutesAboveHumanRate minutes with more successful logins than a human makes
 * @param clientIps distinct client addresses of successful logins and SMTP AUTH
 * @param clientNetworks distinct /24 networks of those addresses
 * @param failedLogins refused POA logins
 * @param smtpAuthSuccesses accepted SMTP AUTH logins at the GWIA
 * @param smtpAuthFailures refused SMTP AUTH logins at the GWIA
 * @param platforms client platforms of successful logins
 */
public record SuspectEvidence(long queued, long deferred, double deferRatio, long recipients, long distinctRecipients,
		long recipientDomains, double externalShare, double topTemplateShare, String topTemplate, long peakPer5Minutes,
		Instant firstQueued, Instant lastQueued, long logins, long peakLoginsPerMinute, long minutesAboveHumanRate,
		long clientIps, long clientNetworks, long failedLogins, long smtpAuthSuccesses, long smtpAuthFailures,
		List<String> platforms) {

	public SuspectEvidence {
		platforms = List.copyOf(platforms);
	}

}
