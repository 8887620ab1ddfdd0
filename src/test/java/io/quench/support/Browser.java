package io.quench.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

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
		String reason = unavailableReason();
		if (reason != null) {
			throw new IllegalStateException("Browser tests cannot run: " + reason);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--disable-extensions", "--window-size=1280,900", "--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

}
