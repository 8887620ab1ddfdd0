package io.quench.source;

import java.nio.file.Path;
import java.time.Duration;

import io.quench.generator.GeneratorSettings;
import io.quench.generator.IncidentGenerator;
import io.quench.generator.Manifest;
import io.quench.support.Browser;
import io.quench.support.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium: an admin adds a generated GWIA queue as a source, starts a scan,
 * and watches the run page update itself (htmx polling, no reload) to the finished scan
 * with its top senders.
 */
@BrowserTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "quench.bootstrap.admin-password=Sources-Browser-Pw1", "quench.test.context=sources-browser" })
class SourcesBrowserTests {

	@TempDir
	static Path incident;

	private static Manifest manifest;

	private static ChromeDriver browser;

	private static WebDriverWait wait;

	@LocalServerPort
	int port;

	@BeforeAll
	static void generateAndStartBrowser() {
		manifest = IncidentGenerator.generate(GeneratorSettings.of(incident, 2_000, 2, 3));
		browser = Browser.start();
		wait = new WebDriverWait(browser, Duration.ofSeconds(20));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void anAdminAddsAQueueSourceScansItAndWatchesTheRunFinish() {
		browser.get("http://localhost:" + this.port + "/login");
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys("Sources-Browser-Pw1");
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

		browser.get("http://localhost:" + this.port + "/sources");
		browser.findElement(By.id("source-name")).sendKeys("Browser queue");
		new Select(browser.findElement(By.id("source-kind"))).selectByValue("QUEUE");
		browser.findElement(By.id("source-path")).sendKeys(incident.resolve("gwia").toString());
		browser.findElement(By.id("source-zone")).clear();
		browser.findElement(By.id("source-zone")).sendKeys("Europe/Berlin");
		browser.findElement(By.id("source-rescan")).clear();
		browser.findElement(By.id("source-rescan")).sendKeys("manual");
		browser.findElement(By.id("source-name")).submit();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sources-panel"), "Browser queue"));

		browser.findElement(By.cssSelector("#sources-panel button[aria-label*='Browser queue']")).click();
		wait.until(ExpectedConditions.urlMatches(".*/sources/runs/\\d+$"));
		browser.executeScript("window.quenchNoReload = true;");

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#run-panel .run-status"),
				"finished"));
		assertThat(browser.executeScript("return window.quenchNoReload === true;"))
			.as("the page updated itself without a reload")
			.isEqualTo(true);
		assertThat(browser.findElement(By.id("run-panel")).getAttribute("hx-trigger"))
			.as("a finished run stops polling")
			.isNull();
		String topSenders = browser.findElement(By.cssSelector("#run-panel .top-senders")).getText();
		String firstCompromised = manifest.accounts().get(manifest.compromised().get(0)).addresses().get(0);
		assertThat(topSenders).contains(firstCompromised);
		assertThat(browser.findElement(By.id("run-progress-text")).getText()).startsWith("2,000 of 2,000")
			.contains("files");

		assertThat(Browser.consoleErrors(browser)).as("browser console errors").isEmpty();
	}

}
