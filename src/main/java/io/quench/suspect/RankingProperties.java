package io.quench.suspect;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ranking's thresholds (docs/ranking.md explains each). Thresholds apply when the
 * ranking is computed from the cached evidence, so a changed value re-ranks without
 * reading events again; {@code trustedHosts} changes which events count, so it is part of
 * the evidence cache key.
 *
 * @param humanLoginsPerMinute more successful logins than this in one minute is not a
 * person typing a password...
 * @param sustainedMinutes ...when it happens in at least this many minutes
 * @param loginNetworks successful logins from at least this many distinct /24 networks in
 * the window
 * @param failedLogins refused logins (POA and SMTP AUTH) worth a point, when also an
 * outlier in the population
 * @param messagesPer5Minutes queued within one 5-minute slot: more than a person sends
 * (10 a minute for 5 minutes)
 * @param externalShare share of recipients outside the local domains that marks bulk mail
 * @param templateShare share of one subject template that marks a campaign
 * @param deferRatio share of messages in {@code defer/} that says receivers refuse it
 * @param minMessages shares (external, template, defer) count only from this many queued
 * messages
 * @param outlierMads how many scaled MADs above the population median make an outlier
 * @param loginCap most points from login evidence
 * @param queueCap most points from queue evidence
 * @param minLoginPoints login points needed for "likely compromised"...
 * @param minQueuePoints ...together with this many queue points
 * @param trustedHosts client addresses or CIDR blocks of trusted applications (Mobility,
 * archiving, WebAccess) whose logins are not counted
 */
@ConfigurationProperties("quench.ranking")
record RankingProperties(@DefaultValue("10") int humanLoginsPerMinute, @DefaultValue("5") int sustainedMinutes,
		@DefaultValue("20") int loginNetworks, @DefaultValue("100") int failedLogins,
		@DefaultValue("50") int messagesPer5Minutes, @DefaultValue("0.9") double externalShare,
		@DefaultValue("0.8") double templateShare, @DefaultValue("0.5") double deferRatio,
		@DefaultValue("20") int minMessages, @DefaultValue("3.5") double outlierMads, @DefaultValue("6") int loginCap,
		@DefaultValue("5") int queueCap, @DefaultValue("3") int minLoginPoints, @DefaultValue("2") int minQueuePoints,
		@DefaultValue List<String> trustedHosts) {

	RankingProperties {
		if (humanLoginsPerMinute < 1 || sustainedMinutes < 1 || loginNetworks < 1 || failedLogins < 1
				|| messagesPer5Minutes < 1 || minMessages < 1) {
			throw new IllegalArgumentException("quench.ranking counts must be at least 1");
		}
		if (outlierMads <= 0) {
			throw new IllegalArgumentException("quench.ranking.outlier-mads must be positive");
		}
		trustedHosts = (trustedHosts == null) ? List.of() : List.copyOf(trustedHosts);
		TrustedHosts.of(trustedHosts);
	}

	/** The defaults, for tests and plain-Java use. */
	static RankingProperties defaults() {
		return new RankingProperties(10, 5, 20, 100, 50, 0.9, 0.8, 0.5, 20, 3.5, 6, 5, 3, 2, List.of());
	}

	RankingProperties withTrustedHosts(List<String> hosts) {
		return new RankingProperties(this.humanLoginsPerMinute, this.sustainedMinutes, this.loginNetworks,
				this.failedLogins, this.messagesPer5Minutes, this.externalShare, this.templateShare, this.deferRatio,
				this.minMessages, this.outlierMads, this.loginCap, this.queueCap, this.minLoginPoints,
				this.minQueuePoints, hosts);
	}

	RankingProperties withHumanLoginsPerMinute(int rate) {
		return new RankingProperties(rate, this.sustainedMinutes, this.loginNetworks, this.failedLogins,
				this.messagesPer5Minutes, this.externalShare, this.templateShare, this.deferRatio, this.minMessages,
				this.outlierMads, this.loginCap, this.queueCap, this.minLoginPoints, this.minQueuePoints,
				this.trustedHosts);
	}

}
