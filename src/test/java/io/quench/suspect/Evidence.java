package io.quench.suspect;

import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/** Builds {@link AccountEvidence} for plain scoring tests: a quiet person by default. */
final class Evidence {

	String key;

	long queued = 5;

	long deferred;

	long recipients = 8;

	long externalRecipients = 2;

	long domains = 3;

	String template = "Re: Besprechung am Donnerstag";

	long templateMessages = 2;

	long peakPer5Minutes = 1;

	long logins = 40;

	TreeMap<Long, Long> minutes = new TreeMap<>();

	long ips = 2;

	long networks = 2;

	long failed = 3;

	long smtpAuth;

	long smtpAuthNetworks;

	List<String> platforms = List.of("winnt");

	private Evidence(String key) {
		this.key = key;
	}

	static Evidence person(String key) {
		return new Evidence(key);
	}

	Evidence loginsPerMinute(long logins, long minutes) {
		this.minutes.merge(logins, minutes, Long::sum);
		this.logins += logins * minutes;
		return this;
	}

	AccountEvidence build() {
		return new AccountEvidence(this.key, true, List.of(this.key + "@example.org"), this.queued, this.deferred,
				this.recipients, this.recipients, this.domains, this.externalRecipients, this.template,
				this.templateMessages, this.peakPer5Minutes, Instant.parse("2026-11-28T08:00:00Z"),
				Instant.parse("2026-11-30T17:00:00Z"), this.logins, this.minutes, this.ips, this.networks, this.failed,
				1, this.smtpAuth, this.smtpAuthNetworks, 0, this.platforms);
	}

}
