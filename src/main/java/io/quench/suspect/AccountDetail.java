package io.quench.suspect;

import java.time.Instant;
import java.util.List;

/**
 * One account over a window: who it is, its score and reasons (as on the Suspects page),
 * and the numbers behind them. Series are sparse: buckets without events are left out.
 *
 * @param account the account key (GroupWise id, or the unmapped address or login id)
 * @param mapped known to the directory
 * @param gwId GroupWise id (null when unmapped)
 * @param networkId network id (null when unknown)
 * @param addresses SMTP addresses, preferred first
 * @param score login points plus queue points
 * @param loginPoints points from login evidence
 * @param queuePoints points from queue evidence
 * @param likelyCompromised above the "likely compromised" line
 * @param verdict the operators' latest verdict
 * @param verdicts every verdict, oldest first
 * @param reasons the ranking's sentences
 * @param loginIds the login ids (log {@code gw_id} values) counted for the account
 * @param senders the sender addresses counted for the account
 * @param loginBucketSeconds width of one bucket of the login series (60: per minute)
 * @param loginsPerMinute POA logins per bucket (trusted hosts left out)
 * @param smtpAuth GWIA SMTP AUTH per bucket (trusted hosts left out)
 * @param ips client addresses, most events first (at most {@link AccountService#MAX_IPS})
 * @param moreIps client addresses beyond those listed
 * @param queueBucketSeconds width of one bucket of the queue series (3600: per hour)
 * @param queueSeries present messages per bucket of their mtime
 * @param queuedSend present messages in send/
 * @param queuedDefer present messages in defer/
 * @param subjects most common subject templates
 * @param recipientDomains recipient domains with most recipients
 * @param recipientDomainCount distinct recipient domains
 * @param latestMessages newest present messages
 */
public record AccountDetail(String account, boolean mapped, String gwId, String networkId, List<String> addresses,
		int score, int loginPoints, int queuePoints, boolean likelyCompromised, Verdict verdict,
		List<VerdictRecorded> verdicts, List<String> reasons, List<String> loginIds, List<String> senders,
		long loginBucketSeconds, List<LoginBucket> loginsPerMinute, List<LoginBucket> smtpAuth, List<IpUsage> ips,
		int moreIps, long queueBucketSeconds, List<QueueBucket> queueSeries, long queuedSend, long queuedDefer,
		List<SubjectCount> subjects, List<DomainCount> recipientDomains, long recipientDomainCount,
		List<QueuedMessage> latestMessages) {

	public AccountDetail {
		addresses = List.copyOf(addresses);
		verdicts = List.copyOf(verdicts);
		reasons = List.copyOf(reasons);
		loginIds = List.copyOf(loginIds);
		senders = List.copyOf(senders);
		loginsPerMinute = List.copyOf(loginsPerMinute);
		smtpAuth = List.copyOf(smtpAuth);
		ips = List.copyOf(ips);
		queueSeries = List.copyOf(queueSeries);
		subjects = List.copyOf(subjects);
		recipientDomains = List.copyOf(recipientDomains);
		latestMessages = List.copyOf(latestMessages);
	}

	/** Successes and failures in the bucket starting at {@code at}. */
	public record LoginBucket(Instant at, long successes, long failures) {
	}

	/**
	 * One client address.
	 *
	 * @param trusted in {@code quench.ranking.trusted-hosts}: left out of the ranking
	 */
	public record IpUsage(String ip, long logins, long failedLogins, long smtpAuthSuccesses, long smtpAuthFailures,
			Instant firstSeen, Instant lastSeen, List<String> platforms, boolean trusted) {

		public IpUsage {
			platforms = List.copyOf(platforms);
		}

		public long successes() {
			return this.logins + this.smtpAuthSuccesses;
		}

		public long failures() {
			return this.failedLogins + this.smtpAuthFailures;
		}

	}

	/** Present messages with an mtime in the bucket starting at {@code at}. */
	public record QueueBucket(Instant at, long send, long defer) {
	}

	public record SubjectCount(String template, long messages) {
	}

	/**
	 * @param external not one of the directory's domains
	 */
	public record DomainCount(String domain, long recipients, boolean external) {
	}

	/**
	 * @param queue {@code send} or {@code defer}
	 */
	public record QueuedMessage(long id, String queue, String subject, Instant mtime, int recipients) {
	}

	/** One page of the raw log lines behind the numbers, newest first. */
	public record LogPage(List<LogLine> lines, int page, boolean hasNext) {

		public LogPage {
			lines = List.copyOf(lines);
		}

		public boolean hasPrevious() {
			return this.page > 0;
		}

	}

	public record LogLine(Instant at, String eventType, String fileName, long lineNumber, String raw) {
	}

}
