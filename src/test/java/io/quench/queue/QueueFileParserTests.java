package io.quench.queue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quench.queue.EnvelopeAddress.Role;
import io.quench.queue.ParsedQueueFile.Dialect;
import io.quench.queue.ParsedQueueFile.Status;

import static io.quench.queue.QueueFixtures.entry;
import static io.quench.queue.QueueFixtures.fixture;
import static io.quench.queue.QueueFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The four dialects of docs/formats.md, one fixture each, and the settings. */
class QueueFileParserTests {

	private final QueueFileParser parser = new QueueFileParser();

	@Test
	void anXmlEnvelopeGivesRolesFromItsElementsAndTheHeadersOfTheMessageAfterIt() throws Exception {
		Path file = fixture("xml-envelope.txt");
		ParsedQueueFile parsed = this.parser.parse(entry(file));

		assertThat(parsed.problem()).isNull();
		assertThat(parsed.status()).isEqualTo(Status.PARSED);
		assertThat(parsed.problem()).isNull();
		assertThat(parsed.dialect()).isEqualTo(Dialect.XML_ENVELOPE);
		assertThat(parsed.relativePath()).isEqualTo("send/xml-envelope.txt");
		assertThat(parsed.folder()).isEqualTo(QueueFolder.SEND);
		assertThat(parsed.size()).isEqualTo(Files.size(file));
		assertThat(parsed.mtime()).isEqualTo(Files.getLastModifiedTime(file).toInstant());
		assertThat(parsed.sha256()).isEqualTo(sha256(file));
		assertThat(parsed.addresses())
			.extracting(EnvelopeAddress::address, EnvelopeAddress::role, EnvelopeAddress::roleSource)
			.containsExactly(tuple("JDoe@Example.org", Role.SENDER, "GWIAEnvelope/Originator/EmailAddress"),
					tuple("a@example.net", Role.RECIPIENT, "GWIAEnvelope/Recipients/Recipient/EmailAddress"),
					tuple("b@example.com", Role.RECIPIENT, "GWIAEnvelope/Recipients/Recipient/EmailAddress"));
		assertThat(parsed.sender()).isEqualTo("jdoe@example.org");
		MessageHeaders headers = parsed.headers();
		assertThat(headers.subject()).isEqualTo("Rechnung über € 1.200 fällig");
		assertThat(headers.from()).isEqualTo("Jürgen Doe <jdoe@example.org>");
		assertThat(headers.to()).isEqualTo("a@example.net, \"B. Example\" <b@example.com>");
		assertThat(headers.cc()).isNull();
		assertThat(headers.date()).isEqualTo(Instant.parse("2025-12-04T09:15:02Z"));
		assertThat(headers.messageId()).isEqualTo("5753717F.A1B2.0099.0@example.org");
		assertThat(headers.firstReceivedHop()).isEqualTo(
				"from [198.51.100.7] (helo=laptop) by gwia.example.org (GroupWise Internet Agent 18.5.0); Thu, 4 Dec 2025 10:15:03 +0100");
		assertThat(headers.xMailer()).isEqualTo("GroupWise 18.5.0");
		assertThat(parsed.warnings()).isEmpty();
	}

	@Test
	void anXmlMessageDecodesTheBase64MessageInItsMimeContentElement() {
		Path file = fixture("xml-message.xml");
		ParsedQueueFile parsed = this.parser.parse(entry(file));

		assertThat(parsed.problem()).isNull();
		assertThat(parsed.status()).isEqualTo(Status.PARSED);
		assertThat(parsed.dialect()).isEqualTo(Dialect.XML_MESSAGE);
		assertThat(parsed.sha256()).isEqualTo(sha256(file));
		assertThat(parsed.addresses()).extracting(EnvelopeAddress::address, EnvelopeAddress::role)
			.containsExactly(tuple("jdoe@example.org", Role.SENDER), tuple("a@example.net", Role.RECIPIENT),
					tuple("c@example.net", Role.RECIPIENT), tuple("d@example.net", Role.RECIPIENT));
		assertThat(parsed.addresses(Role.RECIPIENT)).hasSize(3);
		assertThat(parsed.sender()).isEqualTo("jdoe@example.org");
		MessageHeaders headers = parsed.headers();
		assertThat(headers.subject()).isEqualTo("こんにちは");
		assertThat(headers.from()).isEqualTo("José “JD” Doe <jdoe@example.org>");
		assertThat(headers.to()).isEqualTo("a@example.net");
		assertThat(headers.cc()).isEqualTo("c@example.net");
		assertThat(headers.date()).isEqualTo(Instant.parse("2025-12-05T03:12:43Z"));
		assertThat(headers.messageId()).isEqualTo("20251205031243.GA1@example.org");
		assertThat(headers.firstReceivedHop())
			.isEqualTo("from [203.0.113.45] by gwia.example.org; Fri, 5 Dec 2025 03:12:44 +0000");
		assertThat(headers.xMailer()).isEqualTo("Microsoft Outlook 16.0");
		assertThat(parsed.warnings()).isEmpty();
	}

	@Test
	void anSmtpScriptTakesMailFromAndRcptToWithMixedLineEnds() {
		Path file = fixture("smtp-script.txt");
		ParsedQueueFile parsed = this.parser.parse(entry(file));

		assertThat(parsed.problem()).isNull();
		assertThat(parsed.status()).isEqualTo(Status.PARSED);
		assertThat(parsed.dialect()).isEqualTo(Dialect.SMTP_SCRIPT);
		assertThat(parsed.sha256()).isEqualTo(sha256(file));
		assertThat(parsed.addresses())
			.extracting(EnvelopeAddress::address, EnvelopeAddress::role, EnvelopeAddress::roleSource)
			.containsExactly(tuple("JDoe@Example.org", Role.SENDER, "MAIL FROM"),
					tuple("a@example.net", Role.RECIPIENT, "RCPT TO"),
					tuple("b@example.net", Role.RECIPIENT, "RCPT TO"));
		assertThat(parsed.sender()).isEqualTo("jdoe@example.org");
		assertThat(parsed.headers().subject()).isEqualTo("Grüße aus dem Büro");
		assertThat(parsed.headers().to()).isEqualTo("a@example.net, b@example.net");
		assertThat(parsed.headers().date()).isEqualTo(Instant.parse("2025-12-02T04:59:59Z"));
		assertThat(parsed.headers().messageId()).isEqualTo("abc.123@example.org");
		assertThat(parsed.warnings()).isEmpty();
	}

	@Test
	void aBareMessageTakesTheSenderFromSenderBeforeFromAndReturnPath() {
		Path file = fixture("rfc5322.eml");
		ParsedQueueFile parsed = this.parser.parse(entry(file));

		assertThat(parsed.problem()).isNull();
		assertThat(parsed.status()).isEqualTo(Status.PARSED);
		assertThat(parsed.dialect()).isEqualTo(Dialect.RFC5322);
		assertThat(parsed.sha256()).isEqualTo(sha256(file));
		assertThat(parsed.sender()).isEqualTo("jdoe@example.org");
		assertThat(parsed.addresses())
			.extracting(EnvelopeAddress::address, EnvelopeAddress::role, EnvelopeAddress::roleSource)
			.containsExactly(tuple("JDoe@Example.org", Role.SENDER, "Sender:"),
					tuple("news@example.org", Role.SENDER, "From:"),
					tuple("bounce@example.org", Role.SENDER, "Return-Path:"),
					tuple("x@example.net", Role.RECIPIENT, "Cc:"), tuple("y@example.net", Role.RECIPIENT, "Bcc:"),
					tuple("z@example.com", Role.RECIPIENT, "Bcc:"));
		MessageHeaders headers = parsed.headers();
		assertThat(headers.subject()).isEqualTo("Gewinn für Sie");
		assertThat(headers.from()).isEqualTo("Marketing <news@example.org>");
		assertThat(headers.to()).isEqualTo("undisclosed-recipients:;");
		assertThat(headers.firstReceivedHop()).isEqualTo(
				"from [192.0.2.99] (unknown [192.0.2.99]) by relay.example.org with ESMTPA; Tue, 2 Dec 2025 08:00:00 +0000");
		assertThat(headers.xMailer()).isEqualTo("Mutt/2.2");
		assertThat(headers.date()).isEqualTo(Instant.parse("2025-12-02T08:00:00Z"));
	}

	@Test
	void anEnvelopeWhoseElementsDoNotTellRolesKeepsThemUnknownAndNamesTheFirstAsProbableSender() {
		ParsedQueueFile parsed = this.parser.parse(entry(fixture("unknown-structure.xml")));

		assertThat(parsed.problem()).isNull();
		assertThat(parsed.status()).isEqualTo(Status.PARSED);
		assertThat(parsed.dialect()).isEqualTo(Dialect.XML_ENVELOPE);
		assertThat(parsed.addresses()).extracting(EnvelopeAddress::address, EnvelopeAddress::role)
			.containsExactly(tuple("Probable@Example.org", Role.UNKNOWN), tuple("other@example.net", Role.UNKNOWN));
		assertThat(parsed.sender()).isEqualTo("probable@example.org");
		assertThat(parsed.warnings()).anyMatch((w) -> w.contains("probable sender"));
		assertThat(parsed.headers().subject()).isEqualTo("unknown roles");
	}

	@Test
	void elementNamePatternsFromTheSettingsOverrideTheDefaults() {
		ParsedQueueFile withDefaults = this.parser.parse(entry(fixture("custom-elements.xml")));
		assertThat(withDefaults.addresses()).extracting(EnvelopeAddress::role)
			.containsExactly(Role.UNKNOWN, Role.UNKNOWN);

		QueueParserSettings settings = new QueueParserSettings(QueueParserSettings.DEFAULT_ADDRESS_ELEMENTS,
				"(?i)^absender$", "(?i)^empfaenger$", QueueParserSettings.DEFAULT_MESSAGE_ELEMENTS);
		ParsedQueueFile parsed = new QueueFileParser(settings).parse(entry(fixture("custom-elements.xml")));

		assertThat(parsed.addresses())
			.extracting(EnvelopeAddress::address, EnvelopeAddress::role, EnvelopeAddress::roleSource)
			.containsExactly(tuple("chef@example.org", Role.SENDER, "Umschlag/Absender/EmailAddress"),
					tuple("kunde@example.net", Role.RECIPIENT, "Umschlag/Empfaenger/EmailAddress"));
		assertThat(parsed.sender()).isEqualTo("chef@example.org");
		assertThat(parsed.headers().subject()).isEqualTo("custom element names");
	}

	@Test
	void rawEightBitHeadersAreReadAsUtf8WhenValidElseAsWindows1252() {
		ParsedQueueFile parsed = this.parser.parse(entry(fixture("eight-bit-header.eml")));

		assertThat(parsed.problem()).isNull();
		assertThat(parsed.status()).isEqualTo(Status.PARSED);
		assertThat(parsed.headers().subject()).isEqualTo("Grüße € 5");
		assertThat(parsed.headers().xMailer()).isEqualTo("König Mailer");
		assertThat(parsed.headers().date()).isNull();
		assertThat(parsed.warnings()).contains("raw 8-bit bytes in header Subject: not UTF-8, read as windows-1252",
				"raw 8-bit bytes in header X-Mailer: read as UTF-8", "unparseable Date: not a date");
	}

	@Test
	void settingsRefuseAnInvalidRegularExpression() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new QueueParserSettings("(", "a", "b", "c"))
			.withMessageContaining("addressElements");
	}

	@Test
	void anEnvelopeInALatin1CharsetAfterABomAndBlankLinesStillFindsTheMessageStart(@TempDir Path dir) throws Exception {
		byte[] envelope = ("\r\n  <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\r\n<Env><From><Name>M\u00fcller \u00e9t\u00e9</Name>"
				+ "<EmailAddress>m@example.org</EmailAddress></From></Env>\r\n\r\nSubject: latin\r\n\r\nbody\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		byte[] bom = { (byte) 0xef, (byte) 0xbb, (byte) 0xbf };
		Path file = dir.resolve("latin1.xml");
		Files.write(file, bom);
		Files.write(file, envelope, StandardOpenOption.APPEND);

		ParsedQueueFile parsed = this.parser.parse(entry(file));

		assertThat(parsed.problem()).isNull();
		assertThat(parsed.dialect()).isEqualTo(Dialect.XML_ENVELOPE);
		assertThat(parsed.sender()).isEqualTo("m@example.org");
		assertThat(parsed.headers().subject()).isEqualTo("latin");
		assertThat(parsed.sha256()).isEqualTo(sha256(file));
	}

}
