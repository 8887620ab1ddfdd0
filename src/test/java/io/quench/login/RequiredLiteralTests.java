package io.quench.login;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequiredLiteralTests {

	@Test
	void theLongestLiteralRunIsChosen() {
		assertThat(RequiredLiteral.of("^\\d+ C/S Login (?<p>\\S+) Net Id=")).isEqualTo(" C/S Login ");
	}

	@Test
	void escapedPunctuationIsLiteral() {
		assertThat(RequiredLiteral.of("Error \\[D019\\]")).isEqualTo("Error [D019]");
	}

	@Test
	void literalsInsideRequiredGroupsAndLookaheadsCount() {
		assertThat(RequiredLiteral.of("^x(?=.*?\\b(?<code>D019)\\b)")).isEqualTo("D019");
	}

	@Test
	void optionalPartsAlternationsAndNegativeLookaroundsDoNot() {
		assertThat(RequiredLiteral.of("ab(?:Sender:)?")).isEqualTo("ab");
		assertThat(RequiredLiteral.of("Sender:|Recipient:")).isEmpty();
		assertThat(RequiredLiteral.of("(?:Sender:|Recipient:)x")).isEqualTo("x");
		assertThat(RequiredLiteral.of("xy(?!Login)")).isEqualTo("xy");
		assertThat(RequiredLiteral.of("Logins?")).isEqualTo("Login");
		assertThat(RequiredLiteral.of("[Rr]elay")).isEqualTo("elay");
	}

	@Test
	void caseInsensitiveFlagsStopTheSearch() {
		assertThat(RequiredLiteral.of("(?i)C/S Login")).isEmpty();
		assertThat(RequiredLiteral.of("Log(?i:C/S Login)")).isEqualTo("Log");
		assertThat(RequiredLiteral.of("abc(?i)def|x")).isEmpty();
	}

}
