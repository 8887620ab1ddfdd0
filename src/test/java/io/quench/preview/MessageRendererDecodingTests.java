package io.quench.preview;

import org.junit.jupiter.api.Test;

import static io.quench.preview.PreviewFixtures.header;
import static io.quench.preview.PreviewFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

class MessageRendererDecodingTests {

	@Test
	void aQuotedPrintableBodyIsDecodedInItsCharset() {
		RenderedMessage message = render("quoted-printable.eml");

		assertThat(message.textBody())
			.isEqualTo("Grüße aus München, a long line that is wrapped with a soft line break, and 100 €.\r\n");
		assertThat(message.textDerivedFromHtml()).isFalse();
		assertThat(message.sanitizedHtml()).isNull();
		assertThat(message.warnings()).isEmpty();
		assertThat(message.truncated()).isFalse();
	}

	@Test
	void aBase64BodyIsDecodedInItsCharset() {
		RenderedMessage message = render("base64.eml");

		assertThat(message.textBody()).isEqualTo("Très cher client, votre colis à 12 € est arrivé.\n");
		assertThat(message.subject()).isEqualTo("base64");
	}

	@Test
	void encodedWordsAreDecodedInEachCharset() {
		RenderedMessage message = render("encoded-words.eml");

		assertThat(message.subject()).isEqualTo("Rechnung über € 1.200 fällig");
		assertThat(header(message, "From")).isEqualTo("Jürgen Doe <jdoe@example.org>");
		assertThat(header(message, "X-Latin1-Q")).isEqualTo("Grüße aus Köln");
		assertThat(header(message, "X-Windows-1252-Q")).isEqualTo("“Quoted” – offer");
		assertThat(header(message, "X-Koi8-B")).isEqualTo("Привет, мир");
		assertThat(header(message, "X-Shift-Jis-B")).isEqualTo("お知らせ");
		assertThat(header(message, "X-Utf8-Q")).isEqualTo("naïve café");
		assertThat(message.headers()).anySatisfy((h) -> {
			assertThat(h.name()).isEqualTo("Subject");
			assertThat(h.raw()).startsWith("Subject: =?UTF-8?B?");
		});
	}

	@Test
	void rfc2231FileNamesAreDecodedWithCharsetAndContinuations() {
		RenderedMessage message = render("rfc2231-attachment.eml");

		assertThat(message.textBody()).isEqualTo("see attached");
		assertThat(message.attachments()).hasSize(3);
		AttachmentInfo pdf = message.attachments().get(0);
		assertThat(pdf.name()).isEqualTo("Rechnung für März.pdf");
		assertThat(pdf.declaredType()).isEqualTo("application/pdf");
		assertThat(pdf.detectedType()).isEqualTo("pdf");
		assertThat(pdf.disposition()).isEqualTo("attachment");
		assertThat(pdf.size()).isEqualTo("%PDF-1.4\n%fake pdf for the test\n".length());
		assertThat(pdf.sha256()).isEqualTo(sha256("%PDF-1.4\n%fake pdf for the test\n".getBytes()));
		AttachmentInfo exe = message.attachments().get(1);
		assertThat(exe.name()).isEqualTo("Überweisung.pdf.exe");
		assertThat(exe.detectedType()).isEqualTo("exe");
		assertThat(message.attachments().get(2).name()).isEqualTo("été.pdf");
		assertThat(message.partCount()).isEqualTo(5);
	}

	@Test
	void aMessageWithoutContentTypeIsPlainText() {
		RenderedMessage message = render("no-content-type.eml");

		assertThat(message.textBody()).isEqualTo("Just text, see http://example.com/path?a=1.\r\n");
		assertThat(message.links()).singleElement().satisfies((link) -> {
			assertThat(link.url()).isEqualTo("http://example.com/path?a=1");
			assertThat(link.defanged()).isEqualTo("hxxp://example[.]com/path?a=1");
			assertThat(link.where()).isEqualTo("text");
		});
		assertThat(message.attachments()).isEmpty();
	}

	@Test
	void rawEightBitHeadersAreReadAsUtf8OrLatin1WithAWarning() {
		RenderedMessage message = render("eight-bit-header.eml");

		assertThat(message.subject()).isEqualTo("Grüße \u0096 Angebot");
		assertThat(header(message, "X-Mailer")).isEqualTo("Überall 1.0");
		assertThat(message.warnings()).anyMatch((w) -> w.contains("Subject") && w.contains("ISO-8859-1"));
	}

	@Test
	void aScriptInAnEncodedWordStaysTextAndNeverReachesTheHtml() {
		RenderedMessage message = render("script-in-encoded-word.eml");

		assertThat(message.subject()).isEqualTo("<script>alert('subject')</script><img src=x onerror=alert(2)>");
		assertThat(header(message, "From")).isEqualTo("<script>alert(1)</script> <jdoe@example.org>");
		assertThat(message.attachments()).singleElement().satisfies((a) -> {
			assertThat(a.name()).isEqualTo("<script>alert(3)</script>.html");
			assertThat(a.detectedType()).isEqualTo("html");
		});
		assertThat(message.sanitizedHtml()).doesNotContainIgnoringCase("<script").contains("<b>friend</b>");
		assertThat(message.blocked()).contains(new BlockedResource("script", "https://evil.example/x.js"));
		assertThat(message.textBody()).contains("Hello friend").doesNotContain("alert");
		assertThat(message.textDerivedFromHtml()).isTrue();
	}

	@Test
	void urlsAreDefanged() {
		assertThat(Links.defang("https://evil.example/x")).isEqualTo("hxxps://evil[.]example/x");
		assertThat(Links.defang("HTTP://user@bank.example.com:8080/a.b?c=d.e"))
			.isEqualTo("hxxp://user[@]bank[.]example[.]com:8080/a.b?c=d.e");
		assertThat(Links.defang("ftp://files.example/f")).isEqualTo("fxp://files[.]example/f");
		assertThat(Links.defang("www.example.com/x")).isEqualTo("www[.]example[.]com/x");
		assertThat(Links.defang("javascript:alert(1)")).isEqualTo("javascript[:]alert(1)");
		assertThat(Links.defang("mailto:a@b.example")).isEqualTo("mailto[:]a[@]b[.]example");
	}

	static String sha256(byte[] bytes) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
