package io.quench.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Nothing is downloaded:
 * both paths are given, so Selenium Manager has nothing to look up.
 */
public final class Browser {

	public static final Path CHROMIUM = Path.of(System.getProperty("quench.chromium", "/usr/bin/chromium"));

	public static final Path CHROMEDRIVER = Path.of(System.getProperty("quench.chromedriver", "/usr/bin/chromedriver"));

	private Browser() {
	}

	/** Null when Chromium and its driver are installed, else what is missing. */
	public static String unavailableReason() {
		if (!Files.isExecutable(CHROMIUM)) {
			return CHROMIUM + " is missing (apt-get install -y chromium chromium-driver)";
		}
		if (!Files.isExecutable(CHROMEDRIVER)) {
			return CHROMEDRIVER + " is missing (apt-get install -y chromium-driver)";
		}
		return null;
	}

	/** Console entries at SEVERE level: script errors, CSP violations, failed loads. */
	public static java.util.List<org.openqa.selenium.logging.LogEntry> consoleErrors(ChromeDriver driver) {
		return driver.manage()
			.logs()
			.get(org.openqa.selenium.logging.LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
			.toList();
	}

	public static ChromeDriver start() {
		return start(false);
	}

	/**
	 * A browser that also records every network request (Chrome's performance log, read
	 * with {@link #requestedUrls}) and leaves a JavaScript dialog open instead of
	 * dismissing it, so that a test can see it ({@code switchTo().alert()}).
	 */
	public static ChromeDriver startRecordingRequests() {
		return start(true);
	}

	/**
	 * The URLs of the requests the browser sent since the last call (the performance log
	 * is drained as it is read): {@code Network.requestWillBeSent} events, from the page
	 * and its frames.
	 */
	public static java.util.List<String> requestedUrls(ChromeDriver driver) {
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		java.util.List<String> urls = new java.util.ArrayList<>();
		for (org.openqa.selenium.logging.LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
			tools.jackson.databind.JsonNode message = json.readTree(entry.getMessage()).path("message");
			if ("Network.requestWillBeSent".equals(message.path("method").asString())) {
				urls.add(message.path("params").path("request").path("url").asString());
			}
		}
		return urls;
	}

	private static ChromeDriver start(boolean recordRequests) {
		String reason = unavailableReason();
		if (reason != null) {
			throw new IllegalStateException("Browser tests cannot run: " + reason);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--disable-extensions", "--window-size=1280,900", "--lang=en-US");
		if (recordRequests) {
			LoggingPreferences logs = new LoggingPreferences();
			logs.enable(LogType.PERFORMANCE, java.util.logging.Level.ALL);
			logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
			options.setCapability("goog:loggingPrefs", logs);
			options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
			// Chromium puts sandboxed frames in a process of their own, whose console and
			// network events chromedriver's logs do not carry; in-process, they do (the
			// sandbox and the CSP are enforced all the same).
			options.addArguments("--disable-features=IsolateSandboxedIframes");
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

}
