package io.quench.preview;

import java.time.Instant;
import java.util.List;

import io.quench.web.WebSliceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ MessageController.class, MessageApiController.class })
@WebSliceTest
class MessageControllerTests {

	static final String HOSTILE = "<script>alert(1)</script>";

	static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

	static final String PREVIEW_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox; "
			+ "frame-ancestors 'self'";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	MessageService messages;

	static StoredMessage stored() {
		return new StoredMessage(42, 7, "send", "send/5f0a" + HOSTILE + ".001", 300_000, T, "ab".repeat(32),
				"XML_ENVELOPE", "PARSED", null, "spam@a.example", HOSTILE,
				List.of(new StoredMessage.Recipient("victim@b.example", "recipient"),
						new StoredMessage.Recipient("who@c.example", "unknown")),
				2, List.of("odd " + HOSTILE), null);
	}

	static RenderedMessage rendered() {
		return new RenderedMessage(
				List.of(new HeaderField("Subject", HOSTILE, "Subject: =?utf-8?q?...?="),
						new HeaderField("X-" + HOSTILE, "v", "X-...: v")),
				List.of("from evil.example by gwia", "from " + HOSTILE), HOSTILE, "Dear " + HOSTILE + "\nline two",
				false, "<p>Hello <b>there</b></p>",
				List.of(new BlockedResource("image", "http://tracker.example/p.gif?u=" + HOSTILE)),
				List.of(new FoundLink("javascript:alert(1)", "javascript:alert(1)", "Click " + HOSTILE, true, "html"),
						new FoundLink("http://evil.example/x", "hxxp://evil[.]example/x", null, false, "text")),
				List.of(new AttachmentInfo(HOSTILE + ".exe", "application/pdf", "exe", 4096, "cd".repeat(32),
						"attachment")),
				List.of("bad boundary " + HOSTILE), 4, false);
	}

	static MessagePreview preview(Integrity integrity) {
		return new MessagePreview(stored(), "GWIA queue", integrity, rendered(),
				new RawChunk(0, "Subject: " + HOSTILE + "\r\n", 262_144, 300_000));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theMessagePageShowsEverySectionWithHostileTextEscapedAndNoFrameUntilAsked() throws Exception {
		given(this.messages.preview(42, "user")).willReturn(preview(Integrity.UNCHANGED));
		this.mvc.perform(get("/messages/42"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(not(containsString(HOSTILE))))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(stringContainsInOrder("Envelope", "spam@a.example", "Recipients (2)",
					"victim@b.example", "recipient", "who@c.example", "role unknown", "send", "GWIA queue",
					"send/5f0a&lt;script&gt;", "300,000 bytes", "2026-12-04 10:00:00", "ab".repeat(32), "XML_ENVELOPE",
					"PARSED", "File unchanged since ingestion", "odd &lt;script&gt;")))
			.andExpect(content().string(stringContainsInOrder("Headers", "Subject", "X-&lt;script&gt;",
					"Received chain", "<ol class=\"received\">", "from evil.example by gwia", "Text",
					"<pre class=\"message-body\">Dear &lt;script&gt;", "Show HTML", "Blocked resources", "image",
					"http://tracker.example/p.gif?u=&lt;script&gt;", "Links", "javascript:alert(1)", "mismatch",
					"Click &lt;script&gt;", "hxxp://evil[.]example/x", "Attachments",
					"&lt;script&gt;alert(1)&lt;/script&gt;.exe", "application/pdf", "exe", "4,096", "cd".repeat(32),
					"Warnings", "bad boundary &lt;script&gt;", "Raw source",
					"<pre class=\"raw\">Subject: &lt;script&gt;", "hx-get=\"/messages/42/raw?offset=262144\"",
					"Load more (37,856 bytes left)")))
			.andExpect(content().string(containsString("hx-get=\"/messages/42/html\"")))
			.andExpect(content().string(not(containsString("<iframe"))))
			.andExpect(content().string(not(containsString("href=\"javascript"))))
			.andExpect(content().string(not(containsString("href=\"http://evil"))))
			.andExpect(content().string(not(containsString("/messages/42/attachment"))))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aChangedOrVanishedFileSaysSo() throws Exception {
		given(this.messages.preview(42, "user")).willReturn(preview(Integrity.CHANGED));
		this.mvc.perform(get("/messages/42"))
			.andExpect(content().string(containsString("File changed since ingestion")));
		given(this.messages.preview(42, "user"))
			.willReturn(new MessagePreview(stored(), "GWIA queue", Integrity.VANISHED, null, null));
		this.mvc.perform(get("/messages/42"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("File vanished")))
			.andExpect(content().string(containsString("only what ingestion stored is shown")))
			.andExpect(content().string(containsString("spam@a.example")))
			.andExpect(content().string(not(containsString("Raw source"))))
			.andExpect(content().string(not(containsString(HOSTILE))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void showHtmlSwapsInASandboxedFrameWithoutScriptsOrSameOrigin() throws Exception {
		this.mvc.perform(get("/messages/42/html").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString(
					"<iframe class=\"message-frame\" sandbox=\"\" src=\"/messages/42/html\" referrerpolicy=\"no-referrer\"")))
			.andExpect(content().string(not(containsString("allow-"))))
			.andExpect(content().string(not(containsString("<html"))));
		then(this.messages).should(never()).html(anyLong(), anyString());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theHtmlDocumentHasItsOwnStrictHeadersAndMayBeFramedByTheConsoleOnly() throws Exception {
		given(this.messages.html(42, "user")).willReturn(rendered());
		this.mvc.perform(get("/messages/42/html"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/html;charset=UTF-8"))
			.andExpect(header().string("Content-Security-Policy", PREVIEW_CSP))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().string("X-Frame-Options", "SAMEORIGIN"))
			.andExpect(content().string(containsString("<body>\n<p>Hello <b>there</b></p>")))
			.andExpect(content().string(not(containsString("<script"))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aMessageWithoutHtmlGetsADocumentSayingSo() throws Exception {
		given(this.messages.html(42, "user")).willReturn(null);
		this.mvc.perform(get("/messages/42/html"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This message has no HTML part.")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void loadMoreGetsTheNextRangeAsAFragment() throws Exception {
		given(this.messages.raw(42, 262_144, "user"))
			.willReturn(new RawChunk(262_144, "tail " + HOSTILE, 300_000, 300_000));
		this.mvc.perform(get("/messages/42/raw").param("offset", "262144").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<pre class=\"raw\">tail &lt;script&gt;")))
			.andExpect(content().string(not(containsString("Load more"))))
			.andExpect(content().string(not(containsString("<html"))));
		given(this.messages.raw(42, 0, "user")).willReturn(new RawChunk(0, "head", 262_144, 600_000));
		this.mvc.perform(get("/messages/42/raw").header("HX-Request", "true"))
			.andExpect(content().string(containsString("hx-get=\"/messages/42/raw?offset=262144\"")));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void anUnknownMessageIsA404() throws Exception {
		given(this.messages.preview(anyLong(), anyString())).willThrow(new MessageNotFoundException(9));
		given(this.messages.html(anyLong(), anyString())).willThrow(new MessageNotFoundException(9));
		given(this.messages.detail(anyLong(), anyString())).willThrow(new MessageNotFoundException(9));
		this.mvc.perform(get("/messages/9")).andExpect(status().isNotFound());
		this.mvc.perform(get("/messages/9/html")).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/messages/9")).andExpect(status().isNotFound());
		this.mvc.perform(get("/messages/not-a-number")).andExpect(status().isBadRequest());
	}

	@Test
	void anonymousCallersAreSentToLoginOrRefused() throws Exception {
		this.mvc.perform(get("/messages/42")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/messages/samples").param("sender", "a@b.example")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/messages/42/html")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/messages/42/html").header("HX-Request", "true"))
			.andExpect(header().string("HX-Refresh", "true"));
		this.mvc.perform(get("/messages/42/raw")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/api/v1/messages").param("sender", "a@b.example")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/messages/42")).andExpect(status().isUnauthorized());
		then(this.messages).shouldHaveNoInteractions();
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theSamplesPageListsWhyEachWasPickedAndLinksCarryTheList() throws Exception {
		given(this.messages.samples("spam@a.example", MessageQuery.Queue.SEND)).willReturn(
				List.of(new Sample(5, "send", HOSTILE, T, List.of(new Sample.Reason(Sample.Kind.NEWEST, null, 0))),
						new Sample(3, "send", "Invoice 12", T,
								List.of(new Sample.Reason(Sample.Kind.OLDEST, null, 0),
										new Sample.Reason(Sample.Kind.COMMON_SUBJECT, "Invoice #", 1200))),
						new Sample(9, "send", null, T,
								List.of(new Sample.Reason(Sample.Kind.RARE_DOMAIN, "corp.example", 1)))));
		this.mvc.perform(get("/messages/samples").param("sender", "spam@a.example").param("queue", "send"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(HOSTILE))))
			.andExpect(content().string(stringContainsInOrder(
					"href=\"/messages/5?sample=1&amp;of=5,3,9&amp;sender=spam@a.example&amp;queue=send\"",
					"&lt;script&gt;", "newest", "/messages/3?sample=2&amp;of=5,3,9", "oldest",
					"most common subject &quot;Invoice #&quot; (1,200 messages)", "/messages/9?sample=3",
					"(no subject)", "rare recipient domain corp.example (1 messages)")));
		this.mvc.perform(get("/messages/samples").param("sender", "spam@a.example").param("queue", "other"))
			.andExpect(status().isBadRequest());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aSampleShowsItsPositionWithPreviousAndNextForJAndK() throws Exception {
		given(this.messages.preview(3, "user")).willReturn(preview(Integrity.UNCHANGED));
		this.mvc.perform(get("/messages/3").param("sample", "2").param("of", "5,3,9").param("sender", "spam@a.example"))
			.andExpect(content().string(containsString("sample 2 of 3")))
			.andExpect(content().string(containsString(
					"href=\"/messages/5?sample=1&amp;of=5,3,9&amp;sender=spam@a.example\" rel=\"prev\" data-hotkey=\"k\"")))
			.andExpect(content().string(containsString(
					"href=\"/messages/9?sample=3&amp;of=5,3,9&amp;sender=spam@a.example\" rel=\"next\" data-hotkey=\"j\"")))
			.andExpect(content().string(containsString("href=\"/messages/samples?sender=spam@a.example\"")));
		this.mvc.perform(get("/messages/3").param("sample", "1").param("of", "5,3,9"))
			.andExpect(content().string(not(containsString("data-hotkey"))));
		this.mvc.perform(get("/messages/3").param("sample", "2").param("of", "5,x,9"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-hotkey"))));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theListApiIsPagedJsonWithAValidatedQuery() throws Exception {
		given(this.messages.list(
				any()))
			.willReturn(new MessageListPage(List.of(new MessageSummary(42, "send", "send/a.001", "spam@a.example",
					List.of("v@b.example"), HOSTILE, 1234, T, "ab".repeat(32), "PARSED")), 1, 10, 11));
		this.mvc
			.perform(get("/api/v1/messages").param("sender", " Spam@A.example ")
				.param("queue", "SEND")
				.param("page", "1")
				.param("size", "10"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("application/json")))
			.andExpect(content().json("""
					{"items":[{"id":42,"queue":"send","path":"send/a.001","sender":"spam@a.example",
					"recipients":["v@b.example"],"subject":"<script>alert(1)</script>","size":1234,
					"mtime":"2026-12-04T10:00:00Z","sha256":"%s","status":"PARSED"}],
					"page":1,"size":10,"total":11}
					""".formatted("ab".repeat(32))));
		then(this.messages).should().list(new MessageQuery("spam@a.example", MessageQuery.Queue.SEND, 1, 10));
		this.mvc.perform(get("/api/v1/messages").param("sender", "a@b.example").param("size", "501"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/messages").param("sender", "a@b.example").param("queue", "other"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/messages")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/messages").param("sender", "a@b.example").param("page", "-1"))
			.andExpect(status().isBadRequest());
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void theDetailApiHasTheEnvelopeHeadersLinksAttachmentsAndWarningsButNoBody() throws Exception {
		given(this.messages.detail(42, "user")).willReturn(preview(Integrity.UNCHANGED));
		this.mvc.perform(get("/api/v1/messages/42"))
			.andExpect(status().isOk())
			.andExpect(content()
				.json("""
						{"id":42,"source":"GWIA queue","queue":"send","sender":"spam@a.example",
						"recipients":[{"address":"victim@b.example","role":"recipient"},{"address":"who@c.example","role":"unknown"}],
						"recipientCount":2,"size":300000,"mtime":"2026-12-04T10:00:00Z","integrity":"UNCHANGED",
						"dialect":"XML_ENVELOPE","status":"PARSED",
						"headers":[{"name":"Subject"},{}],
						"receivedChain":["from evil.example by gwia","from <script>alert(1)</script>"],
						"links":[{"url":"javascript:alert(1)","mismatch":true,"where":"html"},
							{"defanged":"hxxp://evil[.]example/x","where":"text"}],
						"attachments":[{"declaredType":"application/pdf","detectedType":"exe","size":4096}],
						"warnings":["bad boundary <script>alert(1)</script>"]}
						"""))
			.andExpect(content().string(not(containsString("Hello <b>there</b>"))))
			.andExpect(content().string(not(containsString("textBody"))));
	}

}
