package io.quench.web;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quench.support.Browser;
import io.quench.support.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium: the bootstrap admin logs in with the one-time password from the
 * log, is made to choose a new one, sees the navigation, and logs out; an htmx action
 * after the session expired reloads the page to the login page. The browser console must
 * stay free of errors (CSP violations show there).
 */
@BrowserTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "quench.bootstrap.admin-password=", "quench.test.context=browser-first-start" })
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginFlowBrowserTests {

	private static final Pattern ONE_TIME = Pattern.compile("one-time password\\s+(\\S+)\\s");

	private static final String NEW_PASSWORD = "Browser-Chosen-Pw-9";

	@LocalServerPort
	int port;

	private static ChromeDriver browser;

	private static WebDriverWait wait;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
		wait = new WebDriverWait(browser, Duration.ofSeconds(10));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	@Test
	@Order(1)
	void theBootstrapAdminChangesThePasswordSeesTheNavigationAndLogsOut(CapturedOutput output) {
		Matcher matcher = ONE_TIME.matcher(output.getAll());
		assertThat(matcher.find()).as("one-time password in the log").isTrue();
		String oneTime = matcher.group(1);

		browser.get(url("/suspects"));
		wait.until(ExpectedConditions.urlContains("/login"));
		logIn("admin", oneTime);

		wait.until(ExpectedConditions.urlContains("/account/password"));
		assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("temporary password");
		browser.findElement(By.id("currentPassword")).sendKeys(oneTime);
		browser.findElement(By.id("newPassword")).sendKeys(NEW_PASSWORD);
		browser.findElement(By.id("confirmPassword")).sendKeys(NEW_PASSWORD);
		browser.findElement(By.cssSelector("#password-form button[type=submit]")).click();

		wait.until(ExpectedConditions.urlContains("/incidents"));
		List<String> navigation = browser.findElements(By.cssSelector("nav.sidenav a"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(navigation).containsExactly("Incidents", "Suspects", "Senders", "Queues", "Logins", "Approvals",
				"Audit", "Sources", "Ranking settings", "Admin");
		assertThat(browser.findElement(By.cssSelector("nav.sidenav a[aria-current=page]")).getText())
			.isEqualTo("Incidents");
		browser.findElement(By.linkText("Suspects")).click();
		wait.until(ExpectedConditions.urlContains("/suspects"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Suspects");

		browser.findElement(By.cssSelector(".topbar-user form button")).click();
		wait.until(ExpectedConditions.urlContains("/login?logout"));
		browser.get(url("/suspects"));
		wait.until(ExpectedConditions.urlContains("/login"));
		assertNoConsoleErrors();
	}

	@Test
	@Order(2)
	void anHtmxActionAfterTheSessionExpiredReloadsToTheLoginPage() {
		browser.get(url("/login"));
		logIn("admin", NEW_PASSWORD);
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/admin/users"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("operators-panel")));

		// An htmx action works while signed in: the panel is swapped, the page stays.
		browser.findElement(By.cssSelector("#operators-panel td.actions form button")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".temporary-password")));
		assertThat(browser.getCurrentUrl()).endsWith("/admin/users");

		// The session ends behind the page's back (expiry, server restart): the next htmx
		// action
		// reloads the page, which lands on the login form, not a login form inside the
		// panel.
		browser.manage().deleteCookieNamed("JSESSIONID");
		browser.findElement(By.cssSelector("#operators-panel td.actions form button")).click();
		wait.until(ExpectedConditions.urlContains("/login"));
		assertThat(browser.findElements(By.id("operators-panel"))).isEmpty();
		assertThat(browser.findElement(By.id("username")).isDisplayed()).isTrue();
	}

	private void logIn(String username, String password) {
		WebDriver page = browser;
		page.findElement(By.id("username")).sendKeys(username);
		page.findElement(By.id("password")).sendKeys(password);
		page.findElement(By.cssSelector("form button[type=submit]")).click();
	}

	private void assertNoConsoleErrors() {
		assertThat(Browser.consoleErrors(browser)).as("browser console errors").isEmpty();
	}

}
