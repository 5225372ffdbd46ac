package org.waterhole.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's ChromeDriver (never a downloaded one),
 * with a fresh profile. ChromeDriver listens on a port the system gives it and says which. The test fails, rather than skips, when they are missing: {@code .ci/run}
 * installs them.
 */
public final class Browser implements AutoCloseable {

	static final File CHROMIUM = new File("/usr/bin/chromium");

	static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	/** Says on which port it listens, in a line like this. */
	private static final Pattern STARTED = Pattern.compile("started successfully on port (\\d+)");

	private final Process chromedriver;

	private final WebDriver driver;

	private final Path profile;

	private final String base;

	public Browser(int port, int width, int height) {
		if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
			throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver "
					+ "(/usr/bin/chromium, /usr/bin/chromedriver): run .ci/run, or apt-get install -y chromium chromium-driver");
		}
		try {
			profile = Files.createTempDirectory("waterhole-chromium");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
				// No transitions (Bootstrap honours reduced motion): axe reads a button's colours as
				// they end, not halfway through a hover's fade.
				"--force-prefers-reduced-motion");
		// The console, where Chromium reports what the Content-Security-Policy refused.
		LoggingPreferences console = new LoggingPreferences();
		console.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, console);
		chromedriver = startChromeDriver();
		try {
			driver = new RemoteWebDriver(URI.create("http://127.0.0.1:" + reportedPort(chromedriver)).toURL(), options);
		}
		catch (IOException | RuntimeException ex) {
			chromedriver.destroy();
			throw new IllegalStateException("ChromeDriver did not start a browser", ex);
		}
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
		base = "http://localhost:" + port;
	}

	/** What Chromium's console said about Content-Security-Policy violations since the last call. */
	public List<String> contentSecurityPolicyViolations() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter(message -> message.contains("Content Security Policy"))
			.toList();
	}

	public WebDriver driver() {
		return driver;
	}

	public void open(String path) {
		driver.get(base + path);
	}

	public void signIn(String email, String password) {
		open("/login");
		driver.findElement(By.id("email")).sendKeys(email);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
	}

	/** Scrolls the element to the middle of the window and clicks it, as a person would. */
	public void click(By locator) {
		click(driver.findElement(locator));
	}

	public void click(WebElement element) {
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

	/**
	 * Waits (up to 10 s) for a condition on a page that htmx may be changing under it: elements
	 * replaced while the condition reads them don't count as a failure.
	 */
	public void await(Function<WebDriver, Boolean> condition) {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		// A failure says where the browser is and what the page says, not only that it waited.
		wait.withMessage(() -> "at " + driver.getCurrentUrl() + ", the page reads: " + pageText());
		wait.ignoring(StaleElementReferenceException.class)
			.until(d -> {
				try {
					return condition.apply(d);
				}
				catch (WebDriverException ex) {
					// Chromium's other word for an element replaced while it was read (seen with 156).
					if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
						return false;
					}
					throw ex;
				}
			});
	}

	/** The current page's main text, shortened, for a failure's message. */
	private String pageText() {
		try {
			String text = driver.findElement(org.openqa.selenium.By.tagName("body")).getText().replaceAll("\\s+", " ");
			return text.length() > 1500 ? text.substring(0, 1500) + "…" : text;
		}
		catch (WebDriverException ex) {
			return "(unreadable: " + ex.getClass().getSimpleName() + ")";
		}
	}

	/** Waits (up to 10 s) until the browser is at an address ending with {@code end}. */
	public void waitForUrlEnding(String end) {
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith(end));
	}

	/** The axe-core rules broken on the current page with a serious or critical impact. */
	public List<String> seriousAccessibilityViolations() {
		return new AxeBuilder().analyze(driver)
			.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.map(Browser::describe)
			.toList();
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
				+ rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
	}

	/** ChromeDriver on a port the system gives it: it says which (see {@link #reportedPort}). */
	private static Process startChromeDriver() {
		try {
			return new ProcessBuilder(CHROMEDRIVER.getPath(), "--port=0").redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The port ChromeDriver says it listens on. What it writes afterwards is read and dropped, so
	 * that a full pipe never holds it up.
	 */
	private static int reportedPort(Process chromedriver) {
		CompletableFuture<Integer> port = new CompletableFuture<>();
		Thread output = new Thread(() -> {
			try (BufferedReader lines = chromedriver.inputReader()) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					Matcher started = STARTED.matcher(line);
					if (started.find()) {
						port.complete(Integer.parseInt(started.group(1)));
					}
				}
			}
			catch (IOException ex) {
				port.completeExceptionally(ex);
			}
			port.completeExceptionally(new IllegalStateException("ChromeDriver ended without saying its port"));
		}, "chromedriver-output");
		output.setDaemon(true);
		output.start();
		try {
			// A safety net only: ChromeDriver says its port as soon as it listens.
			return port.get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("ChromeDriver did not say its port", ex);
		}
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			chromedriver.destroy();
		}
		try (var files = Files.walk(profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// a temporary directory left behind is not worth failing a test for
		}
	}

}
