package io.quench.preview;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static io.quench.preview.PreviewFixtures.render;
import static org.assertj.core.api.Assertions.assertThat;

class MessageRendererHostileHtmlTests {

	private static final List<String> REMOTE_URLS = List.of("https://refresh.example/go", "https://base.example/",
			"https://css.example/style.css", "https://import.example/a.css", "https://import2.example/b.css",
			"https://font.example/f.woff", "https://bg.example/bg.png", "https://tracker.example/p.gif",
			"https://frame.example/f.html", "https://form.example/steal", "https://button.example/x",
			"https://object.example/o.swf", "https://embed.example/e.swf", "https://style.example/s.png",
			"https://table-bg.example/t.png", "https://srcset.example/1x.png", "https://srcset.example/2x.png",
			"https://svg.example/x", "https://evil.example/login?u=bank.example");

	private final RenderedMessage message = render("hostile-html.eml");

	@Test
	void noScriptEventHandlerOrLiveLinkSurvives() {
		String html = this.message.sanitizedHtml();

		assertThat(html).isNotNull()
			.doesNotContainIgnoringCase("<script")
			.doesNotContainIgnoringCase("<svg")
			.doesNotContainIgnoringCase("<math")
			.doesNotContainIgnoringCase("<iframe")
			.doesNotContainIgnoringCase("<object")
			.doesNotContainIgnoringCase("<embed")
			.doesNotContainIgnoringCase("<form")
			.doesNotContainIgnoringCase("<input")
			.doesNotContainIgnoringCase("<meta")
			.doesNotContainIgnoringCase("<base")
			.doesNotContainIgnoringCase("<link")
			.doesNotContainIgnoringCase("<style")
			.doesNotContainIgnoringCase("<a ")
			.doesNotContainIgnoringCase("href=")
			.doesNotContainPattern("(?i)\\son[a-z]+\\s*=")
			.doesNotContainIgnoringCase("expression(");
		Document document = Jsoup.parseBodyFragment(html);
		for (Element e : document.getAllElements()) {
			for (Attribute attribute : e.attributes()) {
				assertThat(attribute.getKey()).as("attribute on <%s>", e.tagName()).doesNotStartWithIgnoringCase("on");
				String value = attribute.getValue().toLowerCase();
				assertThat(value).as("%s on <%s>", attribute.getKey(), e.tagName())
					.doesNotContain("javascript:")
					.doesNotContain("vbscript:")
					.doesNotContain("url(")
					.doesNotContain("http:")
					.doesNotContain("https:")
					.doesNotContain("//");
				if (attribute.getKey().equals("src")) {
					assertThat(value).startsWith("data:image/");
				}
			}
		}
	}

	@Test
	void everyRemoteUrlIsListedDefangedAndNeverLive() {
		for (String url : REMOTE_URLS) {
			String host = java.net.URI.create(url).getHost();
			assertThat(this.message.links()).as(url).anySatisfy((link) -> {
				assertThat(link.url()).isEqualTo(url);
				assertThat(link.defanged()).startsWith("hxxps://" + host.replace(".", "[.]"));
			});
		}
		assertThat(this.message.blocked()).contains(new BlockedResource("meta-refresh", "https://refresh.example/go"),
				new BlockedResource("base", "https://base.example/"),
				new BlockedResource("stylesheet", "https://css.example/style.css"),
				new BlockedResource("import", "https://import.example/a.css"),
				new BlockedResource("import", "https://import2.example/b.css"),
				new BlockedResource("font", "https://font.example/f.woff"),
				new BlockedResource("image", "https://tracker.example/p.gif"),
				new BlockedResource("image", "https://style.example/s.png"),
				new BlockedResource("frame", "https://frame.example/f.html"),
				new BlockedResource("form", "https://form.example/steal"),
				new BlockedResource("object", "https://object.example/o.swf"),
				new BlockedResource("object", "https://embed.example/e.swf"));
	}

	@Test
	void blockedImagesAndFramesLeaveAVisiblePlaceholderWithTheDefangedUrl() {
		assertThat(this.message.sanitizedHtml())
			.contains("<span class=\"q-blocked\">[image blocked: hxxps://tracker[.]example/p.gif]</span>")
			.contains("[frame blocked: hxxps://frame[.]example/f.html]")
			.contains("[form blocked: hxxps://form[.]example/steal]")
			.contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\"");
	}

	@Test
	void anchorsBecomeTextFollowedByTheDefangedUrl() {
		assertThat(this.message.sanitizedHtml()).contains(
				"<span class=\"q-link\">https://www.bank.example/login [hxxps://evil[.]example/login?u=bank.example]</span>")
			.contains("[javascript[:]alert('entity')]");
	}

	@Test
	void theMessageCannotSpoofAPlaceholder() {
		assertThat(this.message.sanitizedHtml()).contains("<span>[image blocked: fake]</span>");
	}

	@Test
	void anAnchorShowingAnotherHostIsAMismatch() {
		assertThat(this.message.links()).anySatisfy((link) -> {
			assertThat(link.url()).isEqualTo("https://evil.example/login?u=bank.example");
			assertThat(link.shownText()).isEqualTo("https://www.bank.example/login");
			assertThat(link.mismatch()).isTrue();
		});
		assertThat(this.message.links()).anySatisfy((link) -> {
			assertThat(link.url()).isEqualTo("https://www.bank.example/help");
			assertThat(link.shownText()).isEqualTo("www.bank.example");
			assertThat(link.mismatch()).isFalse();
		});
		assertThat(Links.mismatch("https://mail.bank.example/x", "bank.example")).isFalse();
		assertThat(Links.mismatch("javascript:alert(1)", "https://bank.example")).isTrue();
		assertThat(Links.mismatch("https://evil.example", "Click here")).isFalse();
	}

	@Test
	void scriptUrlsAreListedAsTextOnly() {
		assertThat(this.message.links()).extracting(FoundLink::url)
			.contains("javascript:alert('js')", "JaVaScRiPt:alert('mixed')", "javascript:alert('entity')",
					"vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==");
	}

	@Test
	void listUnsubscribeLinksComeFromTheHeader() {
		assertThat(this.message.links()).filteredOn((link) -> link.where().equals("header"))
			.extracting(FoundLink::defanged)
			.containsExactly("mailto[:]unsub[@]list[.]example?subject=unsubscribe", "hxxps://unsub[.]example/u?id=1");
	}

	@Test
	void theTextIsDerivedFromTheHtmlWithoutScripts() {
		assertThat(this.message.textDerivedFromHtml()).isTrue();
		assertThat(this.message.textBody()).startsWith("Dear customer,\n")
			.contains("Visit http://text-link.example/path for more.")
			.doesNotContain("alert");
	}

}
