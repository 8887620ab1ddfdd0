package io.quench.suspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScorerTests {

	private final RankingProperties defaults = RankingProperties.defaults();

	/**
	 * Thirty quiet people, a newsletter, a Mobility service account and two attackers.
	 */
	private List<AccountEvidence> office() {
		List<AccountEvidence> accounts = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			Evidence person = Evidence.person("person" + i);
			person.queued = 3 + i % 7;
			person.networks = 1 + i % 2;
			person.ips = person.networks;
			accounts.add(person.loginsPerMinute(2, i % 3).build());
		}
		Evidence newsletter = Evidence.person("newsletter");
		newsletter.queued = 200;
		newsletter.recipients = 400;
		newsletter.externalRecipients = 400;
		newsletter.domains = 50;
		newsletter.templateMessages = 200;
		newsletter.peakPer5Minutes = 18;
		newsletter.networks = 1;
		accounts.add(newsletter.build());
		Evidence service = Evidence.person("gmsadmin");
		service.queued = 0;
		service.networks = 1;
		service.ips = 1;
		service.platforms = List.of("soap");
		accounts.add(service.loginsPerMinute(30, 4000).build());
		Evidence burst = Evidence.person("burst");
		burst.queued = 1500;
		burst.deferred = 200;
		burst.recipients = 9000;
		burst.externalRecipients = 8900;
		burst.domains = 900;
		burst.templateMessages = 1400;
		burst.peakPer5Minutes = 60;
		burst.ips = 140;
		burst.networks = 138;
		burst.smtpAuth = 1500;
		burst.smtpAuthNetworks = 130;
		burst.platforms = List.of("imap", "soap", "winnt");
		accounts.add(burst.loginsPerMinute(47, 300).build());
		Evidence slow = Evidence.person("slow");
		slow.queued = 150;
		slow.recipients = 900;
		slow.externalRecipients = 860;
		slow.domains = 45;
		slow.templateMessages = 130;
		slow.peakPer5Minutes = 2;
		slow.ips = 8;
		slow.networks = 8;
		slow.smtpAuth = 150;
		slow.smtpAuthNetworks = 6;
		accounts.add(slow.build());
		return accounts;
	}

	private static Map<String, Scored> byKey(List<Scored> ranking) {
		return ranking.stream().collect(Collectors.toMap((s) -> s.evidence().key(), (s) -> s));
	}

	@Test
	void onlyAccountsWithBothLoginAndQueueEvidenceAreLikelyCompromised() {
		List<Scored> ranking = Scorer.rank(office(), this.defaults);

		assertThat(ranking.stream().filter(Scored::likelyCompromised).map((s) -> s.evidence().key()))
			.containsExactlyInAnyOrder("burst", "slow");
		assertThat(ranking.get(0).evidence().key()).isEqualTo("burst");
		Map<String, Scored> scored = byKey(ranking);
		// Strong queue evidence alone (a newsletter) and strong login evidence alone (a
		// Mobility account) both stay below the line.
		assertThat(scored.get("newsletter").loginPoints()).isZero();
		assertThat(scored.get("newsletter").queuePoints()).isEqualTo(this.defaults.queueCap());
		assertThat(scored.get("gmsadmin").loginPoints()).isEqualTo(Scorer.RATE_NOT_HUMAN);
		assertThat(scored.get("gmsadmin").likelyCompromised()).isFalse();
		assertThat(scored.get("slow").score()).isGreaterThan(scored.get("newsletter").score())
			.isGreaterThan(scored.get("gmsadmin").score());
	}

	@Test
	void absoluteThresholdsGiveFullPointsAndOutliersFewer() {
		Map<String, Scored> scored = byKey(Scorer.rank(office(), this.defaults));

		assertThat(scored.get("burst").reasons()).extracting(Reason::code, Reason::points)
			.contains(org.assertj.core.groups.Tuple.tuple("loginRate", Scorer.RATE_NOT_HUMAN),
					org.assertj.core.groups.Tuple.tuple("loginNetworks", Scorer.NETWORKS_MANY),
					org.assertj.core.groups.Tuple.tuple("burst", Scorer.BURST_NOT_HUMAN));
		assertThat(scored.get("slow").reasons()).extracting(Reason::code)
			.contains("loginNetworksOutlier", "smtpAuth")
			.doesNotContain("loginRate", "loginNetworks");
		assertThat(scored.get("burst").loginPoints()).isEqualTo(this.defaults.loginCap());
	}

	@Test
	void aHigherHumanLoginRateReranksTheCachedEvidence() {
		List<AccountEvidence> evidence = office();

		Map<String, Scored> relaxed = byKey(Scorer.rank(evidence, this.defaults.withHumanLoginsPerMinute(50)));

		assertThat(relaxed.get("gmsadmin").reasons()).extracting(Reason::code).doesNotContain("loginRate");
		assertThat(relaxed.get("burst").reasons()).extracting(Reason::code).doesNotContain("loginRate");
		assertThat(relaxed.get("burst").likelyCompromised()).isTrue();
	}

	@Test
	void brieflyLoggingInFastIsNotEnoughForTheNotHumanRate() {
		List<AccountEvidence> accounts = new ArrayList<>(office());
		accounts.add(Evidence.person("script").loginsPerMinute(15, 4).build());

		Scored script = byKey(Scorer.rank(accounts, this.defaults)).get("script");

		assertThat(script.reasons()).extracting(Reason::code).doesNotContain("loginRate");
	}

}
