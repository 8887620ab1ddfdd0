package io.quench.login;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogPatternsTests {

	private final LineClassifier classifier = new LineClassifier(LogPatterns.defaults());

	private final List<String> poa = Fixtures.lines("poa-log/1204poa.001");

	private final List<String> gwia = Fixtures.lines("gwia-log/1204log.001");

	@Test
	void reconstructedCsLoginYieldsPlatformIdsAndIp() {
		LineClassifier.Match m = match(LogKind.POA, this.poa.get(0));
		assertThat(m.pattern.name()).isEqualTo("poa.login_success.reconstructed");
		assertThat(m.pattern.type()).isEqualTo(EventType.LOGIN_SUCCESS);
		assertThat(fields(m)).containsExactly("14:02:11", "1F3", "jdoe", "jdoe", "203.0.113.45", "winnt", null, null,
				null);
	}

	@Test
	void soapLoginIsALoginWithPlatformSoap() {
		LineClassifier.Match m = match(LogKind.POA, this.poa.get(1));
		assertThat(m.pattern.name()).isEqualTo("poa.login_success.reconstructed");
		assertThat(fields(m)).containsExactly("14:02:11", "2A0", "gmsadmin", "gmsadmin", "10.10.1.20", "soap", null,
				null, null);
	}

	@Test
	void passwordIncorrectD019IsALoginFailureWithCodeUserAndIp() {
		LineClassifier.Match m = match(LogKind.POA, this.poa.get(2));
		assertThat(m.pattern.name()).isEqualTo("poa.login_failure.reconstructed");
		assertThat(fields(m)).containsExactly("14:02:15", "1F3", "jdoe", null, "203.0.113.45", null, "D019", null,
				null);
	}

	@Test
	void csLogoutIsALogout() {
		LineClassifier.Match m = match(LogKind.POA, this.poa.get(3));
		assertThat(m.pattern.name()).isEqualTo("poa.logout.reconstructed");
		assertThat(fields(m)).containsExactly("14:05:40", "1F3", "jdoe", "jdoe", "203.0.113.45", "winnt", null, null,
				null);
	}

	@Test
	void scheduledEventLineMatchesNoPattern() {
		assertThat(this.classifier.classify(LogKind.POA, this.poa.get(4))).isNull();
	}

	@Test
	void loginFromAnIpv6AddressKeepsTheWholeAddress() {
		LineClassifier.Match m = match(LogKind.POA, this.poa.get(6));
		assertThat(m.group("ip")).isEqualTo("2001:db8::17");
		assertThat(m.group("platform")).isEqualTo("imap");
	}

	@Test
	void smtpAuthAcceptedYieldsUserIpAndMessageNumber() {
		LineClassifier.Match m = match(LogKind.GWIA, this.gwia.get(1));
		assertThat(m.pattern.name()).isEqualTo("gwia.smtp_auth_success.reconstructed");
		assertThat(fields(m)).containsExactly("10:15:03", "2F4", "jdoe", null, "198.51.100.7", null, null, null,
				"41237");
	}

	@Test
	void smtpAuthFailedYieldsUserIpAndMessageNumber() {
		LineClassifier.Match m = match(LogKind.GWIA, this.gwia.get(2));
		assertThat(m.pattern.name()).isEqualTo("gwia.smtp_auth_failure.reconstructed");
		assertThat(fields(m)).containsExactly("10:15:03", "2F4", "jdoe", null, "198.51.100.9", null, null, null,
				"41238");
	}

	@Test
	void senderAndRecipientLinesYieldAddressAndMessageNumber() {
		LineClassifier.Match sender = match(LogKind.GWIA, this.gwia.get(3));
		assertThat(sender.pattern.name()).isEqualTo("gwia.message_sender.reconstructed");
		assertThat(sender.group("address")).isEqualTo("jdoe@example.org");
		assertThat(sender.group("msgId")).isEqualTo("41237");
		LineClassifier.Match recipient = match(LogKind.GWIA, this.gwia.get(4));
		assertThat(recipient.pattern.name()).isEqualTo("gwia.message_recipient.reconstructed");
		assertThat(recipient.group("address")).isEqualTo("a@example.net");
		assertThat(recipient.group("msgId")).isEqualTo("41237");
	}

	@Test
	void relayDeniedYieldsClientIpAndTargetAddress() {
		LineClassifier.Match m = match(LogKind.GWIA, this.gwia.get(5));
		assertThat(m.pattern.name()).isEqualTo("gwia.relay_denied.reconstructed");
		assertThat(fields(m)).containsExactly("10:15:09", "2F6", null, null, "192.0.2.10", null, null,
				"user@example.com", "41240");
	}

	@Test
	void acceptedConnectionLineMatchesNoPattern() {
		assertThat(this.classifier.classify(LogKind.GWIA, this.gwia.get(0))).isNull();
	}

	@Test
	void tolerantPoaPatternsFindFieldsInAnyOrder() {
		List<String> lines = Fixtures.lines("poa-log/tolerant-variants.txt");
		LineClassifier.Match reordered = match(LogKind.POA, lines.get(0));
		assertThat(reordered.pattern.name()).isEqualTo("poa.login_success.tolerant");
		assertThat(fields(reordered)).containsExactly("09:00:01", "3C", "jdoe", "jdoe.ldap", "198.51.100.23", "winnt",
				null, null, null);
		LineClassifier.Match labelled = match(LogKind.POA, lines.get(1));
		assertThat(labelled.pattern.name()).isEqualTo("poa.login_success.tolerant");
		assertThat(fields(labelled)).containsExactly("09:00:02", "3C", "bsmith", null, "198.51.100.24", "SOAP", null,
				null, null);
		LineClassifier.Match failed = match(LogKind.POA, lines.get(2));
		assertThat(failed.pattern.name()).isEqualTo("poa.login_failure.cs-login-failed");
		assertThat(failed.group("gwId")).isEqualTo("csmith");
		assertThat(failed.group("ip")).isEqualTo("198.51.100.25");
		LineClassifier.Match d019 = match(LogKind.POA, lines.get(3));
		assertThat(d019.pattern.name()).isEqualTo("poa.login_failure.tolerant");
		assertThat(fields(d019)).containsExactly("09:00:04", "4D1", "dwu", null, "2001:db8:0:1::5", null, "D019", null,
				null);
		LineClassifier.Match logout = match(LogKind.POA, lines.get(4));
		assertThat(logout.pattern.name()).isEqualTo("poa.logout.tolerant");
		assertThat(logout.group("gwId")).isEqualTo("jdoe");
	}

	@Test
	void tolerantGwiaPatternsFindFieldsInAnyOrder() {
		List<String> lines = Fixtures.lines("gwia-log/tolerant-variants.txt");
		LineClassifier.Match auth = match(LogKind.GWIA, lines.get(0));
		assertThat(auth.pattern.name()).isEqualTo("gwia.smtp_auth_success.tolerant");
		assertThat(fields(auth)).containsExactly("10:20:00", "2F4", "kfoo", null, "198.51.100.30", null, null, null,
				"50001");
		LineClassifier.Match failed = match(LogKind.GWIA, lines.get(1));
		assertThat(failed.pattern.name()).isEqualTo("gwia.smtp_auth_failure.tolerant");
		assertThat(fields(failed)).containsExactly("10:20:01", "2F4", "kbar", null, "198.51.100.31", null, null, null,
				"50002");
		LineClassifier.Match from = match(LogKind.GWIA, lines.get(2));
		assertThat(from.pattern.name()).isEqualTo("gwia.message_sender.mail-from");
		assertThat(from.group("address")).isEqualTo("kfoo@example.org");
		LineClassifier.Match to = match(LogKind.GWIA, lines.get(3));
		assertThat(to.pattern.name()).isEqualTo("gwia.message_recipient.rcpt-to");
		assertThat(to.group("address")).isEqualTo("x@example.net");
		LineClassifier.Match relay = match(LogKind.GWIA, lines.get(4));
		assertThat(relay.pattern.name()).isEqualTo("gwia.relay_denied.tolerant");
		assertThat(fields(relay)).containsExactly("10:20:04", "2F6", null, null, "192.0.2.11", null, null,
				"spam@example.com", "50003");
	}

	@Test
	void aPoaPatternDoesNotApplyToGwiaLines() {
		assertThat(this.classifier.classify(LogKind.GWIA, this.poa.get(0))).isNull();
	}

	@Test
	void aConfiguredPatternForARealCaptureWinsOverTheDefaults() {
		String capture = "14:02:11 1F3 C/S Login: jdoe (jdoe.ldap) via WINNT from 203.0.113.45";
		Map<String, String> config = new LinkedHashMap<>();
		config.put("poa.login_success.capture",
				"^(?<time>\\d{2}:\\d{2}:\\d{2}) (?<thread>\\w+) C/S Login: (?<gwId>\\S+) \\((?<netId>[^)]+)\\) via (?<platform>\\w+) from (?<ip>\\S+)$");
		LogPatterns patterns = LogPatterns.defaults().withOverrides(config);
		LineClassifier.Match m = new LineClassifier(patterns).classify(LogKind.POA, capture);
		assertThat(m.pattern.name()).isEqualTo("poa.login_success.capture");
		assertThat(fields(m)).containsExactly("14:02:11", "1F3", "jdoe", "jdoe.ldap", "203.0.113.45", "WINNT", null,
				null, null);
		assertThat(patterns.patterns().get(0).name()).isEqualTo("poa.login_success.capture");
	}

	@Test
	void anOverrideWithAnExistingNameReplacesInPlaceAndABlankOneRemoves() {
		Map<String, String> config = new LinkedHashMap<>();
		config.put("poa.logout.tolerant", "^\\S+ \\S+ SESSION END");
		config.put("poa.login_success.tolerant", "");
		LogPatterns patterns = LogPatterns.defaults().withOverrides(config);
		assertThat(patterns.find("poa.login_success.tolerant")).isEmpty();
		assertThat(patterns.find("poa.logout.tolerant")).get()
			.extracting(LinePattern::regex, LinePattern::type)
			.containsExactly("^\\S+ \\S+ SESSION END", EventType.LOGOUT);
		assertThat(patterns.patterns()).hasSize(LogPatterns.defaults().patterns().size() - 1);
	}

	@Test
	void patternsFromAMapTakeKindAndEventFromTheName() {
		LogPatterns patterns = LogPatterns.fromMap(Map.of("GWIA.smtp-auth-failure.x", "AUTH refused"));
		assertThat(patterns.patterns()).singleElement()
			.extracting(LinePattern::kind, LinePattern::type)
			.containsExactly(LogKind.GWIA, EventType.SMTP_AUTH_FAILURE);
	}

	@Test
	void anInvalidRegexIsRejectedNamingThePattern() {
		assertThatThrownBy(() -> LogPatterns.fromMap(Map.of("poa.login_success.broken", "C/S Login (?<gwId>\\S+")))
			.isInstanceOf(InvalidLogPatternException.class)
			.hasMessageContaining("'poa.login_success.broken'")
			.hasMessageContaining("not a valid regular expression")
			.extracting((ex) -> ((InvalidLogPatternException) ex).patternName())
			.isEqualTo("poa.login_success.broken");
	}

	@Test
	void aMisspeltGroupNameIsRejected() {
		assertThatThrownBy(() -> LogPatterns.fromMap(Map.of("poa.login_success.x", "User=(?<gwid>\\S+)")))
			.isInstanceOf(InvalidLogPatternException.class)
			.hasMessageContaining("'poa.login_success.x'")
			.hasMessageContaining("[gwid]");
	}

	@Test
	void aNameWithoutKindAndEventIsRejected() {
		assertThatThrownBy(() -> LogPatterns.fromMap(Map.of("login", "C/S Login")))
			.isInstanceOf(InvalidLogPatternException.class)
			.hasMessageContaining("<kind>.<event type>");
		assertThatThrownBy(() -> LogPatterns.fromMap(Map.of("poa.login.x", "C/S Login")))
			.isInstanceOf(InvalidLogPatternException.class)
			.hasMessageContaining("unknown event type 'login'");
	}

	@Test
	void everyDefaultPatternHasALiteralPrefilter() {
		assertThat(LogPatterns.defaults().patterns())
			.allSatisfy((p) -> assertThat(RequiredLiteral.of(p.regex())).as(p.name()).hasSizeGreaterThanOrEqualTo(4));
	}

	private LineClassifier.Match match(LogKind kind, String line) {
		LineClassifier.Match m = this.classifier.classify(kind, line);
		assertThat(m).as(line).isNotNull();
		return m;
	}

	private static List<String> fields(LineClassifier.Match m) {
		return java.util.Arrays.asList(m.group("time"), m.group("thread"), m.group("gwId"), m.group("netId"),
				m.group("ip"), m.group("platform"), m.group("code"), m.group("address"), m.group("msgId"));
	}

}
