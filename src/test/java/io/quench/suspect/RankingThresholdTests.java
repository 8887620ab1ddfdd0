package io.quench.suspect;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RankingThresholdTests {

	@Test
	void everyPropertyOfTheRecordButTheTrustedHostsIsAThresholdWithItsDefault() {
		assertThat(RankingThreshold.values()).hasSize(RankingProperties.class.getRecordComponents().length - 1);
		RankingProperties defaults = RankingProperties.defaults();
		assertThat(RankingThreshold.HUMAN_LOGINS_PER_MINUTE.valueIn(defaults)).isEqualTo("10");
		assertThat(RankingThreshold.EXTERNAL_SHARE.valueIn(defaults)).isEqualTo("0.9");
		assertThat(RankingThreshold.OUTLIER_MADS.valueIn(defaults)).isEqualTo("3.5");
		assertThat(RankingThreshold.byProperty("messages-per-5-minutes"))
			.contains(RankingThreshold.MESSAGES_PER_5_MINUTES);
		assertThat(RankingThreshold.byProperty("trusted-hosts")).isEmpty();
	}

	@Test
	void valuesAreCheckedForKindAndRangeAndStoredCanonically() {
		assertThat(RankingThreshold.HUMAN_LOGINS_PER_MINUTE.parse(" 5 ")).isEqualTo("5");
		assertThat(RankingThreshold.HUMAN_LOGINS_PER_MINUTE.parse("5.0")).isEqualTo("5");
		assertThat(RankingThreshold.EXTERNAL_SHARE.parse("0.950")).isEqualTo("0.95");
		assertThat(RankingThreshold.EXTERNAL_SHARE.parse("1")).isEqualTo("1");
		assertThat(RankingThreshold.MIN_LOGIN_POINTS.parse("0")).isEqualTo("0");
		for (String bad : new String[] { "0", "2.5", "abc", "", "10001", "1e9", "NaN", "-1", "9".repeat(40) }) {
			assertThatExceptionOfType(InvalidThresholdException.class).as(bad)
				.isThrownBy(() -> RankingThreshold.HUMAN_LOGINS_PER_MINUTE.parse(bad))
				.withMessageContaining("human-logins-per-minute must be a whole number from 1 to 10000");
		}
		assertThatExceptionOfType(InvalidThresholdException.class)
			.isThrownBy(() -> RankingThreshold.DEFER_RATIO.parse("1.5"))
			.withMessageContaining("from 0 to 1");
	}

	@Test
	void changedValuesReplaceOnlyTheirOwnProperty() {
		RankingProperties base = RankingProperties.defaults().withTrustedHosts(java.util.List.of("10.0.0.0/8"));
		RankingProperties changed = RankingThreshold.apply(base,
				Map.of(RankingThreshold.HUMAN_LOGINS_PER_MINUTE, "5", RankingThreshold.TEMPLATE_SHARE, "0.7"));
		assertThat(changed.humanLoginsPerMinute()).isEqualTo(5);
		assertThat(changed.templateShare()).isEqualTo(0.7);
		assertThat(changed.withHumanLoginsPerMinute(10).withTrustedHosts(base.trustedHosts()))
			.isEqualTo(RankingThreshold.apply(base, Map.of(RankingThreshold.TEMPLATE_SHARE, "0.7")));
		assertThat(RankingThreshold.apply(base, Map.of())).isEqualTo(base);
	}

}
