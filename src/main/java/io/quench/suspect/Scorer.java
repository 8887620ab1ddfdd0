package io.quench.suspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Points per feature, capped per kind of evidence (logins, queue), summed into the score;
 * "likely compromised" needs both kinds. Each feature earns its full points at an
 * absolute, physically meaningful threshold, or fewer points as an outlier against the
 * population's robust baseline (median + k scaled MADs). docs/ranking.md has the table.
 * Plain Java.
 */
final class Scorer {

	// Points: logins say "someone else has the password", the queue says "it sends spam".

	static final int RATE_NOT_HUMAN = 4;

	static final int RATE_OUTLIER = 1;

	static final int NETWORKS_MANY = 4;

	static final int NETWORKS_OUTLIER = 2;

	static final int SMTP_AUTH_OUTLIER = 2;

	static final int PLATFORMS_OUTLIER = 1;

	static final int FAILURES = 1;

	static final int BURST_NOT_HUMAN = 2;

	static final int BURST_OUTLIER = 1;

	static final int VOLUME_OUTLIER = 1;

	static final int DOMAINS_OUTLIER = 1;

	static final int RECIPIENTS_PER_MESSAGE_OUTLIER = 1;

	static final int EXTERNAL = 1;

	static final int TEMPLATE = 1;

	static final int DEFERRED = 1;

	/** Outlier floors: counts differ by at least one, shares by 5 points. */
	static final double COUNT_FLOOR = 1;

	static final double RATIO_FLOOR = 0.5;

	private Scorer() {
	}

	/** Scores every account and sorts by score, highest first. */
	static List<Scored> rank(List<AccountEvidence> accounts, RankingProperties thresholds) {
		List<AccountEvidence> authenticated = accounts.stream().filter(AccountEvidence::authenticated).toList();
		List<AccountEvidence> triedToLogIn = accounts.stream().filter(AccountEvidence::triedToLogIn).toList();
		List<AccountEvidence> senders = accounts.stream().filter((a) -> a.queued() > 0).toList();
		Population population = new Population(baseline(authenticated, AccountEvidence::peakLoginsPerMinute),
				baseline(authenticated, AccountEvidence::clientNetworks),
				baseline(authenticated, AccountEvidence::smtpAuthNetworks),
				baseline(authenticated, (a) -> a.platforms().size()),
				baseline(triedToLogIn, (a) -> a.failedLogins() + a.smtpAuthFailures()),
				baseline(senders, AccountEvidence::peakPer5Minutes), baseline(senders, AccountEvidence::queued),
				baseline(senders, AccountEvidence::recipientDomains),
				baseline(senders, AccountEvidence::recipientsPerMessage));
		List<Scored> scored = new ArrayList<>(accounts.size());
		for (AccountEvidence account : accounts) {
			scored.add(score(account, population, thresholds));
		}
		scored.sort(Comparator.comparingInt(Scored::score)
			.reversed()
			.thenComparing(Scored::likelyCompromised, Comparator.reverseOrder())
			.thenComparing((s) -> s.evidence().key()));
		return scored;
	}

	record Population(RobustBaseline peak, RobustBaseline networks, RobustBaseline smtpAuthNetworks,
			RobustBaseline platforms, RobustBaseline failures, RobustBaseline burst, RobustBaseline volume,
			RobustBaseline domains, RobustBaseline recipientsPerMessage) {
	}

	private static RobustBaseline baseline(List<AccountEvidence> members, ToDoubleFunction<AccountEvidence> feature) {
		return RobustBaseline.of(members.stream().mapToDouble(feature).toArray());
	}

	static Scored score(AccountEvidence a, Population p, RankingProperties t) {
		double k = t.outlierMads();
		List<Reason> logins = new ArrayList<>();
		long peak = a.peakLoginsPerMinute();
		long above = a.minutesAbove(t.humanLoginsPerMinute());
		if (peak > t.humanLoginsPerMinute() && above >= t.sustainedMinutes()) {
			logins.add(Reason.of("loginRate", RATE_NOT_HUMAN, peak, above, t.humanLoginsPerMinute()));
		}
		else if (a.authenticated() && p.peak().isOutlier(peak, k, COUNT_FLOOR)) {
			logins.add(Reason.of("loginPeak", RATE_OUTLIER, peak, p.peak().median()));
		}
		if (a.clientNetworks() >= t.loginNetworks()) {
			logins.add(Reason.of("loginNetworks", NETWORKS_MANY, a.clientIps(), a.clientNetworks()));
		}
		else if (a.authenticated() && p.networks().isOutlier(a.clientNetworks(), k, COUNT_FLOOR)) {
			logins.add(Reason.of("loginNetworksOutlier", NETWORKS_OUTLIER, a.clientIps(), a.clientNetworks(),
					p.networks().median()));
		}
		if (a.authenticated() && p.smtpAuthNetworks().isOutlier(a.smtpAuthNetworks(), k, COUNT_FLOOR)) {
			logins.add(Reason.of("smtpAuth", SMTP_AUTH_OUTLIER, a.smtpAuthSuccesses(), a.smtpAuthNetworks(),
					p.smtpAuthNetworks().median()));
		}
		if (a.authenticated() && p.platforms().isOutlier(a.platforms().size(), k, COUNT_FLOOR)) {
			logins.add(Reason.of("platforms", PLATFORMS_OUTLIER, a.platforms().size(), String.join(", ", a.platforms()),
					p.platforms().median()));
		}
		long failures = a.failedLogins() + a.smtpAuthFailures();
		// Failures say someone is trying, not that they got in: during a spray most
		// accounts
		// collect a hundred, so only an outlier above the absolute floor counts.
		if (failures >= t.failedLogins() && p.failures().isOutlier(failures, k, COUNT_FLOOR)) {
			logins.add(Reason.of("failures", FAILURES, failures, a.failedIps(), p.failures().median()));
		}
		List<Reason> queue = new ArrayList<>();
		if (a.queued() > 0) {
			if (a.peakPer5Minutes() >= t.messagesPer5Minutes()) {
				queue.add(Reason.of("burst", BURST_NOT_HUMAN, a.peakPer5Minutes()));
			}
			else if (p.burst().isOutlier(a.peakPer5Minutes(), k, COUNT_FLOOR)) {
				queue.add(Reason.of("burstOutlier", BURST_OUTLIER, a.peakPer5Minutes(), p.burst().median()));
			}
			if (p.volume().isOutlier(a.queued(), k, COUNT_FLOOR)) {
				queue.add(Reason.of("volume", VOLUME_OUTLIER, a.queued(), a.deferred(), p.volume().median()));
			}
			if (p.domains().isOutlier(a.recipientDomains(), k, COUNT_FLOOR)) {
				queue.add(Reason.of("domains", DOMAINS_OUTLIER, a.recipientDomains(), a.distinctRecipients(),
						p.domains().median()));
			}
			if (p.recipientsPerMessage().isOutlier(a.recipientsPerMessage(), k, RATIO_FLOOR)) {
				queue.add(Reason.of("recipientsPerMessage", RECIPIENTS_PER_MESSAGE_OUTLIER, a.recipientsPerMessage(),
						p.recipientsPerMessage().median()));
			}
			if (a.queued() >= t.minMessages()) {
				if (a.externalShare() >= t.externalShare()) {
					queue.add(Reason.of("external", EXTERNAL, a.externalShare(), a.recipients()));
				}
				if (a.topTemplateShare() >= t.templateShare()) {
					queue.add(Reason.of("template", TEMPLATE, a.topTemplateShare(), a.topTemplate()));
				}
				if (a.deferRatio() >= t.deferRatio()) {
					queue.add(Reason.of("deferred", DEFERRED, a.deferRatio(), a.deferred()));
				}
			}
		}
		int loginPoints = Math.min(t.loginCap(), logins.stream().mapToInt(Reason::points).sum());
		int queuePoints = Math.min(t.queueCap(), queue.stream().mapToInt(Reason::points).sum());
		List<Reason> reasons = new ArrayList<>(logins);
		reasons.addAll(queue);
		reasons.sort(Comparator.comparingInt(Reason::points).reversed());
		boolean likely = loginPoints >= t.minLoginPoints() && queuePoints >= t.minQueuePoints();
		return new Scored(a, loginPoints, queuePoints, likely, reasons);
	}

}
