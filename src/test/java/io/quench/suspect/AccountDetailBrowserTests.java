package io.quench.suspect;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.quench.source.IngestRun;
import io.quench.source.IngestRunFinished;
import io.quench.source.SourceKind;
import io.quench.support.Browser;
import io.quench.support.BrowserTest;
import io.quench.support.Recipients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance of issue 4's pages in headless Chromium: an operator opens Suspects,
 * sees the compromised account first with its reasons, opens it, sees the login timeline
 * and the queue breakdown, pages the raw log lines (htmx, no reload) and marks the
 * account confirmed compromised with a reason; a second browser session, another
 * operator, then sees that verdict on the Suspects page and on the account page. The data
 * is a small hand-made incident: one account logging in 30 times a minute for 8 minutes
 * and queueing 60 messages in 5 minutes, one person logging in twice.
 */
@BrowserTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "quench.demo.password=Account-Browser-Pw1", "quench.test.context=account-browser" })
class AccountDetailBrowserTests {

	static final String PASSWORD = "Account-Browser-Pw1";

	static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

	static final long SOURCE = 9301;

	private static ChromeDriver first;

	private static ChromeDriver second;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@BeforeAll
	static void startTwoBrowsers() {
		first = Browser.start();
		second = Browser.start();
	}

	@AfterAll
	static void stopBrowsers() {
		if (first != null) {
			first.quit();
		}
		if (second != null) {
			second.quit();
		}
	}

	@BeforeEach
	void aSmallIncident() {
		if (this.jdbc.sql("select count(*) from source where id = :id")
			.param("id", SOURCE)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		this.jdbc.sql("""
				insert into source (id, name, kind, path, zone, declared, enabled, created_at, updated_at)
				values (:id, 'browser incident', 'QUEUE', '/tmp/none', 'UTC', false, true, :now, :now)
				""").param("id", SOURCE).param("now", T.atOffset(ZoneOffset.UTC)).update();
		this.jdbc
			.sql("""
					insert into directory_account (id, source_id, gw_id, network_id) values (9301, :source, 'jdoe', 'john.doe'),
						(9302, :source, 'mroe', 'mary.roe')
					""")
			.param("source", SOURCE)
			.update();
		this.jdbc
			.sql("""
					insert into directory_address (account_id, address, preferred) values (9301, 'john.doe@example.org', true),
						(9302, 'mary.roe@example.org', true)
					""")
			.update();
		List<Object[]> events = new ArrayList<>();
		for (int i = 0; i < 240; i++) {
			// 30 a minute for 8 minutes, from 40 addresses in 40 networks.
			Instant at = T.plusSeconds(i * 2L);
			String ip = "203.0." + (i % 40) + ".7";
			events.add(new Object[] { at.atOffset(ZoneOffset.UTC), "jdoe", ip, i + 1,
					at.toString().substring(11, 19) + " 1A2 C/S Login imap Net Id=john.doe :: GW Id=jdoe :: " + ip });
		}
		events.add(new Object[] { T.atOffset(ZoneOffset.UTC), "mroe", "10.1.1.5", 241,
				"10:00:00 1B3 C/S Login winnt Net Id=mary.roe :: GW Id=mroe :: 10.1.1.5" });
		events.add(new Object[] { T.plusSeconds(3600).atOffset(ZoneOffset.UTC), "mroe", "10.1.1.5", 242,
				"11:00:00 1B3 C/S Login winnt Net Id=mary.roe :: GW Id=mroe :: 10.1.1.5" });
		for (Object[] e : events) {
			this.jdbc
				.sql("""
						insert into log_event (source_id, at, log_kind, event_type, gw_id, ip, platform, pattern, file_name,
							line_number, byte_offset, raw)
						values (:source, :at, 'POA', 'LOGIN_SUCCESS', :gw, :ip, 'imap', 'test', '1204poa.001', :line, 0, :raw)
						""")
				.param("source", SOURCE)
				.param("at", e[0])
				.param("gw", e[1])
				.param("ip", e[2])
				.param("line", e[3])
				.param("raw", e[4])
				.update();
		}
		for (int i = 0; i < 60; i++) {
			message(9_301_000L + i, "john.doe@example.org", (i % 3 == 0) ? "DEFER" : "SEND",
					"Ihre Rechnung Nr. " + (1000 + i), T.plusSeconds(i * 4L), "victim" + i + "@x" + i + ".example");
		}
		message(9_302_000L, "mary.roe@example.org", "SEND", "Lunch?", T.plusSeconds(600), "colleague@example.org");
		// Written behind the scans' back: say so, as a scan that stored it would (the
		// evidence collected at start-up is empty).
		this.events.publishEvent(new IngestRunFinished(9_301, SOURCE, SourceKind.QUEUE, IngestRun.Status.SUCCEEDED));
	}

	private void message(long id, String sender, String folder, String subject, Instant mtime, String recipient) {
		this.jdbc.sql("""
				insert into queue_message (id, source_id, rel_path, path_hash, folder, size_bytes, mtime, dialect,
					status, sender, sender_domain, subject, recipient_count, first_seen, changed_at, run_id)
				values (:id, :source, :path, :id, :folder, 100, :mtime, 'GWIA', 'PARSED', :sender, 'example.org',
					:subject, 1, :mtime, :mtime, 1)
				""")
			.param("id", id)
			.param("source", SOURCE)
			.param("path", folder.toLowerCase() + "/" + id)
			.param("folder", folder)
			.param("mtime", mtime.atOffset(ZoneOffset.UTC))
			.param("sender", sender)
			.param("subject", subject)
			.update();
		Recipients.add(this.jdbc, id, recipient);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private WebDriverWait logIn(ChromeDriver browser, String user) {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		return wait;
	}

	@Test
	void anOperatorConfirmsACompromisedAccountFromItsPageAndASecondSessionSeesTheVerdict() {
		WebDriverWait wait = logIn(first, "operator");
		first.get(url("/suspects"));
		WebElement top = first.findElement(By.id("suspect-1"));
		assertThat(top.findElement(By.cssSelector("a.account")).getText()).isEqualTo("jdoe");
		assertThat(top.findElement(By.cssSelector(".marker-compromised")).getText())
			.isEqualToIgnoringCase("likely compromised");
		assertThat(top.getText()).contains("peak 30 logins/min, 8 minutes above 10/min: not a human")
			.contains("logins from 40 IPs in 40 /24 networks");

		top.findElement(By.cssSelector("a.account")).click();
		wait.until(ExpectedConditions.urlMatches(".*/accounts/jdoe$"));
		assertThat(first.findElement(By.id("account-reasons")).getText())
			.contains("peak 30 logins/min, 8 minutes above 10/min: not a human");
		WebElement timeline = first.findElement(By.id("logins-chart"));
		assertThat(timeline.findElements(By.cssSelector(".series-solid rect"))).hasSize(8);
		assertThat(first.findElement(By.id("logins-chart-summary")).getText())
			.isEqualTo("peak 30 logins per minute at 2026-12-04 10:00 UTC; 240 successful and 0 failed logins in all.");
		assertThat(first.findElement(By.id("queue-chart-summary")).getText())
			.startsWith("peak 40 messages per hour at 2026-12-04 10:00 UTC; 40 in send/ and 20 in defer/.");
		assertThat(first.findElement(By.id("account-queue-now")).getText())
			.isEqualTo("In the queue now: 40 in send/, 20 in defer/.");
		assertThat(first.findElements(By.cssSelector("table.account-messages a[href^='/messages/']"))).isNotEmpty();

		// The raw lines page with htmx: the page itself stays.
		first.executeScript("window.quenchNoReload = true;");
		assertThat(first.findElement(By.cssSelector("#account-log caption")).getText())
			.isEqualTo("Lines 1 to 50, newest first");
		first.findElement(By.cssSelector("#account-log a[rel=next]")).click();
		wait.until(
				ExpectedConditions.textToBe(By.cssSelector("#account-log caption"), "Lines 51 to 100, newest first"));
		assertThat(first.executeScript("return window.quenchNoReload === true;")).isEqualTo(true);

		new Select(first.findElement(By.id("account-verdict-select"))).selectByValue("CONFIRMED_COMPROMISED");
		first.findElement(By.id("account-verdict-reason")).sendKeys("30 logins a minute from 40 networks");
		first.findElement(By.cssSelector("#account-verdict-form button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.flash.ok"),
				"Verdict on jdoe: confirmed compromised, recorded by operator"));
		assertThat(first.getCurrentUrl()).endsWith("/accounts/jdoe");
		assertThat(first.findElement(By.id("account-verdict")).getText()).isEqualTo("confirmed compromised");
		assertThat(Browser.consoleErrors(first)).as("console errors, first session").isEmpty();

		WebDriverWait secondWait = logIn(second, "approver");
		second.get(url("/suspects"));
		WebElement row = second.findElement(By.id("suspect-1"));
		assertThat(row.findElement(By.cssSelector(".verdict")).getText()).isEqualTo("confirmed compromised");
		row.findElement(By.cssSelector("a.account")).click();
		secondWait.until(ExpectedConditions.urlMatches(".*/accounts/jdoe$"));
		assertThat(second.findElement(By.id("account-verdict")).getText()).isEqualTo("confirmed compromised");
		assertThat(second.findElement(By.cssSelector("table.verdict-history")).getText()).contains("operator")
			.contains("30 logins a minute from 40 networks");
		assertThat(Browser.consoleErrors(second)).as("console errors, second session").isEmpty();
	}

}
