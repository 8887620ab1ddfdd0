package io.quench.preview;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.quench.source.IngestRun;
import io.quench.source.SourceDefinition;
import io.quench.source.SourceKind;
import io.quench.source.SourceService;
import io.quench.support.Browser;
import io.quench.support.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The acceptance test of the safe preview (issue 5): a corpus of hostile messages
 * (fixtures/preview-hostile) is put in a queue folder, ingested by a real scan and
 * previewed in headless Chromium, the HTML shown too. It fails on any JavaScript dialog,
 * on any console error, and on any request to an origin other than Quench's (Chrome's
 * network log, and a local server that every remote address in the corpus points at); it
 * proves the blocked addresses are shown as text, and j/k page through samples.
 */
@BrowserTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "quench.bootstrap.admin-password=Preview-Browser-Pw1", "quench.test.context=preview-browser" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessagePreviewBrowserTests {

	static final List<String> CORPUS = List.of("xss-html.eml", "svg-script.eml", "remote-resources.eml",
			"headers-subject-attachments.eml", "encoded-word-script.eml", "malformed-mime.eml", "deep-nesting.eml",
			"xml-envelope-hostile.txt", "smtp-script-hostile.txt");

	/**
	 * Served by the canary for the self-check: a page framing, in a sandbox, a document
	 * that tries an image its CSP forbids and a script the sandbox forbids.
	 */
	static final Map<String, String> SELF_CHECK_PAGES = Map.of("/self-check/host",
			"<!DOCTYPE html><title>host</title><iframe sandbox=\"\" src=\"/self-check/frame\"></iframe>",
			"/self-check/frame",
			"<!DOCTYPE html><title>frame</title><img src=\"/self-check/pixel.gif\"><script>alert('self-check')</script>");

	/** Text each message's HTML shows once sanitized. */
	static final Map<String, String> MARKERS = Map.of("xss-html.eml", "XSS corpus body text", "remote-resources.eml",
			"Remote resources corpus body text", "svg-script.eml", "Inline SVG below", "xml-envelope-hostile.txt",
			"Envelope corpus", "smtp-script-hostile.txt", "SMTP corpus");

	@TempDir
	static Path queue;

	@LocalServerPort
	int port;

	@Autowired
	SourceService sources;

	@Autowired
	JdbcClient jdbc;

	/** Every request that reached the canary server (any is a failure). */
	private final List<String> canaryHits = new CopyOnWriteArrayList<>();

	private HttpServer canary;

	private String canaryOrigin;

	private ChromeDriver browser;

	private WebDriverWait wait;

	/** Message id by corpus file. */
	private final Map<String, Long> ids = new LinkedHashMap<>();

	private long sourceId;

	@BeforeAll
	void ingestTheCorpusAndStartTheBrowser() throws IOException {
		this.canary = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.canary.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			this.canaryHits.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
			String body = SELF_CHECK_PAGES.get(path);
			if (body == null) {
				exchange.sendResponseHeaders(204, -1);
			}
			else {
				if (path.endsWith("/frame")) {
					exchange.getResponseHeaders()
						.add("Content-Security-Policy", "default-src 'none'; img-src data:; sandbox");
				}
				exchange.getResponseHeaders().add("Content-Type", "text/html;charset=UTF-8");
				byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, bytes.length);
				exchange.getResponseBody().write(bytes);
			}
			exchange.close();
		});
		this.canary.start();
		this.canaryOrigin = "http://127.0.0.1:" + this.canary.getAddress().getPort();

		Path root = queue.resolve("gwia");
		Files.createDirectories(root.resolve("send"));
		Files.createDirectories(root.resolve("defer"));
		for (String name : CORPUS) {
			try (InputStream in = getClass().getResourceAsStream("/fixtures/preview-hostile/" + name)) {
				String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("CANARY",
						this.canaryOrigin);
				Files.writeString(root.resolve("send/" + name), text);
			}
		}
		for (int i = 1; i <= 3; i++) {
			Files.writeString(root.resolve("defer/sample-" + i + ".eml"), """
					From: same@corp.example
					To: someone%d@else.example
					Subject: Sample number %d
					Date: Thu, 04 Dec 2026 1%d:00:00 +0100

					Plain sample %d.
					""".formatted(i, i, i, i));
			Files.setLastModifiedTime(root.resolve("defer/sample-" + i + ".eml"),
					java.nio.file.attribute.FileTime.fromMillis(1_780_000_000_000L + i * 60_000L));
		}

		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("tester", null,
					List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
		try {
			this.sourceId = this.sources.add(
					new SourceDefinition("Hostile corpus", SourceKind.QUEUE, root, ZoneId.of("Europe/Berlin"), null),
					"tester");
			long runId = this.sources.scan(this.sourceId, "tester");
			await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> !this.sources.run(runId).running());
			assertThat(this.sources.run(runId).status()).isEqualTo(IngestRun.Status.SUCCEEDED);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		for (String name : CORPUS) {
			this.ids.put(name,
					this.jdbc.sql("select id from queue_message where source_id = :s and rel_path = :p")
						.param("s", this.sourceId)
						.param("p", "send/" + name)
						.query(Long.class)
						.single());
		}

		this.browser = Browser.startRecordingRequests();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		this.browser.get(base() + "/login");
		this.browser.findElement(By.id("username")).sendKeys("admin");
		this.browser.findElement(By.id("password")).sendKeys("Preview-Browser-Pw1");
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.canary != null) {
			this.canary.stop(0);
		}
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	@Test
	@Order(1)
	void everyHostileMessagePreviewsWithoutADialogAConsoleErrorOrARequestElsewhere() {
		List<String> problems = new ArrayList<>();
		Browser.requestedUrls(this.browser);
		Browser.consoleErrors(this.browser);
		for (Map.Entry<String, Long> message : this.ids.entrySet()) {
			String name = message.getKey();
			this.browser.get(base() + "/messages/" + message.getValue());
			noDialog(name, problems);
			assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Message " + message.getValue());
			List<WebElement> showHtml = this.browser.findElements(By.cssSelector("#message-html button"));
			if (!showHtml.isEmpty()) {
				assertThat(this.browser.findElements(By.tagName("iframe"))).as("no frame before the click").isEmpty();
				showHtml.get(0).click();
				WebElement frame = this.wait
					.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe.message-frame")));
				assertThat(frame.getAttribute("sandbox")).as("sandbox without any allow-").isEmpty();
				this.wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(frame));
				String shown = this.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")))
					.getText();
				if (MARKERS.containsKey(name)) {
					assertThat(shown).as("the sanitized HTML of %s is shown", name).contains(MARKERS.get(name));
				}
				this.browser.switchTo().defaultContent();
				noDialog(name, problems);
			}
			assertThat(
					this.browser.findElements(By.cssSelector("main a[href^='javascript'], main a[href*='127.0.0.1']")))
				.as("no message address is a link (%s)", name)
				.isEmpty();
			for (LogEntry error : Browser.consoleErrors(this.browser)) {
				problems.add(name + ": console error: " + error.getMessage());
			}
			for (String url : Browser.requestedUrls(this.browser)) {
				if (!url.startsWith(base() + "/") && !url.startsWith("data:")) {
					problems.add(name + ": request to " + url);
				}
			}
		}
		assertThat(this.canaryHits).as("requests that reached the canary server").isEmpty();
		assertThat(problems).isEmpty();
	}

	@Test
	@Order(2)
	void theBlockedAddressesAndHostileTextAreShownAsText() {
		this.browser.get(base() + "/messages/" + this.ids.get("remote-resources.eml"));
		String blocked = this.browser.findElement(By.cssSelector(".message-blocked")).getText();
		for (String path : List.of("/pixel.gif", "/link-stylesheet.css", "/css-import.css", "/font.woff2",
				"/css-background.png", "/inline-style-bg.png", "/iframe.html", "/form-post", "/meta-refresh",
				"/base/")) {
			assertThat(blocked).as("blocked list").contains(this.canaryOrigin + path);
		}
		String links = this.browser.findElement(By.cssSelector(".message-links")).getText();
		assertThat(links).contains("hxxp://127[.]0[.]0[.]1:" + this.canary.getAddress().getPort() + "/pixel.gif");
		assertThat(this.browser.findElement(By.cssSelector(".message-links tr.mismatch")).getText())
			.contains("hxxps://paypal[.]example[.]com[.]evil[.]example/login")
			.contains("https://www.paypal.com/signin");

		this.browser.get(base() + "/messages/" + this.ids.get("headers-subject-attachments.eml"));
		String page = this.browser.findElement(By.tagName("main")).getText();
		assertThat(page).contains("<script>alert('subject')</script> Your invoice")
			.contains("<img src=x onerror=alert('from-name')>")
			.contains("onerror=alert('attachment-name')>.pdf");

		this.browser.get(base() + "/messages/" + this.ids.get("encoded-word-script.eml"));
		assertThat(this.browser.findElement(By.cssSelector(".message-subject")).getText())
			.contains("<script>alert('ew-subject')</script>");
		assertThat(this.canaryHits).isEmpty();
		assertThat(Browser.consoleErrors(this.browser)).isEmpty();
	}

	@Test
	@Order(3)
	void jAndKPageThroughASendersSamples() {
		this.browser.get(base() + "/messages/samples?sender=same@corp.example");
		List<WebElement> samples = this.browser.findElements(By.cssSelector("ol.samples li.sample > a"));
		assertThat(samples).hasSize(3);
		samples.get(0).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".sample-position"),
				"sample 1 of 3"));
		String first = this.browser.getCurrentUrl();
		new Actions(this.browser).sendKeys("j").perform();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".sample-position"),
				"sample 2 of 3"));
		new Actions(this.browser).sendKeys("j").perform();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".sample-position"),
				"sample 3 of 3"));
		new Actions(this.browser).sendKeys("k").perform();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".sample-position"),
				"sample 2 of 3"));
		new Actions(this.browser).sendKeys("k").perform();
		this.wait.until(ExpectedConditions.urlToBe(first));
		assertThat(Browser.consoleErrors(this.browser)).isEmpty();
	}

	@Test
	@Order(4)
	void theDetectorsSeeRequestsAndErrorsInsideASandboxedFrame() {
		// Proves the detectors above see inside a sandboxed frame: a page of the canary
		// frames a document whose image is refused by its CSP and whose script by the
		// sandbox.
		Browser.requestedUrls(this.browser);
		Browser.consoleErrors(this.browser);
		this.browser.get(this.canaryOrigin + "/self-check/host");
		this.wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.tagName("iframe")));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("img")));
		this.browser.switchTo().defaultContent();
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> this.browser.switchTo().alert());
		assertThat(Browser.requestedUrls(this.browser)).contains(this.canaryOrigin + "/self-check/host",
				this.canaryOrigin + "/self-check/frame");
		assertThat(Browser.consoleErrors(this.browser)).extracting(LogEntry::getMessage)
			.anySatisfy((message) -> assertThat(message).contains("/self-check/pixel.gif")
				.contains("violates the following Content Security Policy directive"))
			.anySatisfy((message) -> assertThat(message).contains("Blocked script execution").contains("sandboxed"));
		assertThat(this.canaryHits).contains("GET /self-check/host", "GET /self-check/frame");
	}

	private void noDialog(String name, List<String> problems) {
		try {
			String text = this.browser.switchTo().alert().getText();
			problems.add(name + ": JavaScript dialog: " + text);
			this.browser.switchTo().alert().dismiss();
		}
		catch (NoAlertPresentException ex) {
			// as it must be
		}
	}

}
