package io.quench.suspect;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The sentences operators read, built from the same numbers as the evidence. */
class ReasonTextTests {

	private final ReasonText text;

	ReasonTextTests() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		this.text = new ReasonText(messages);
	}

	@Test
	void everyReasonOfAnAttackerShowsItsNumbers() {
		Evidence attacker = Evidence.person("attacker");
		attacker.queued = 18_230;
		attacker.deferred = 2_100;
		attacker.recipients = 40_000;
		attacker.externalRecipients = 38_400;
		attacker.domains = 9_102;
		attacker.template = "Ihre Rechnung Nr. # fällig";
		attacker.templateMessages = 16_590;
		attacker.peakPer5Minutes = 240;
		attacker.ips = 31;
		attacker.networks = 29;
		attacker.smtpAuth = 18_230;
		attacker.smtpAuthNetworks = 29;
		attacker.loginsPerMinute(47, 312);
		List<AccountEvidence> accounts = new java.util.ArrayList<>();
		for (int i = 0; i < 10; i++) {
			accounts.add(Evidence.person("p" + i).build());
		}
		accounts.add(attacker.build());

		Scored scored = Scorer.rank(accounts, RankingProperties.defaults()).get(0);
		Map<String, String> sentences = scored.reasons()
			.stream()
			.collect(Collectors.toMap(Reason::code, this.text::format));

		assertThat(sentences).containsEntry("loginRate", "peak 47 logins/min, 312 minutes above 10/min: not a human")
			.containsEntry("loginNetworks", "logins from 31 IPs in 29 /24 networks")
			.containsEntry("smtpAuth", "18,230 SMTP AUTH logins from 29 /24 networks (population median 0)")
			.containsEntry("burst", "peak 240 messages in 5 minutes: not a human")
			.containsEntry("volume", "18,230 queued, 2,100 of them in defer/ (population median 5)")
			.containsEntry("domains", "40,000 recipients in 9,102 domains (population median 3 domains)")
			.containsEntry("external", "96% of 40,000 recipients external")
			.containsEntry("template", "one subject template in 91% of messages: \"Ihre Rechnung Nr. # fällig\"");
	}

}
