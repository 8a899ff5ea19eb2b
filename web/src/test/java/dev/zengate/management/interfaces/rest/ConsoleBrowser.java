package dev.zengate.management.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's {@code chromium} and {@code chromedriver}) in one language, driving
 * the console as an operator would; every screen it checks is also checked by axe-core and for
 * Content-Security-Policy violations, and kept as a screenshot under {@code
 * target/console-screenshots}.
 */
final class ConsoleBrowser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target/console-screenshots");
  static final Path DOWNLOADS = Path.of("target/console-downloads").toAbsolutePath();

  private final ChromeDriver driver;
  private final URI application;
  private final Path profile;
  final String language;

  private boolean closed;

  ConsoleBrowser(URI application, String language) {
    this.application = application;
    this.language = language;
    try {
      this.profile = Files.createTempDirectory("zengate-chromium-");
      Files.createDirectories(DOWNLOADS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.setProperty(
        "webdriver.chrome.driver",
        System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1366,900",
        "--lang=" + language,
        "--user-data-dir=" + profile);
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "intl.accept_languages",
            language,
            "download.default_directory",
            DOWNLOADS.toString(),
            "download.prompt_for_download",
            false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(options);
  }

  ConsoleBrowser open(String path) {
    driver.get(application.resolve(path).toString());
    return this;
  }

  ConsoleBrowser signIn(String user, String password) {
    open("");
    field("username").sendKeys(user);
    field("password").sendKeys(password);
    click("sign-in");
    waitFor(By.id("sign-out"));
    return this;
  }

  WebElement field(String id) {
    return waitFor(By.id(id));
  }

  void click(String id) {
    WebElement element = waitFor(By.id(id));
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.elementToBeClickable(element));
    element.click();
  }

  WebElement waitFor(By by) {
    return until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void waitForText(By by, String text) {
    until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  /** Waits for a condition; when it never comes, keeps what the browser showed, for the report. */
  <T> T until(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      String name = "failed-" + System.currentTimeMillis();
      screenshot(name);
      try {
        Files.writeString(
            SCREENSHOTS.resolve(name + "-" + language + ".html"),
            driver.getPageSource()
                + "\n<!-- browser log:\n"
                + driver.manage().logs().get(LogType.BROWSER).getAll()
                + "\n-->");
      } catch (IOException io) {
        e.addSuppressed(io);
      }
      throw e;
    }
  }

  boolean present(By by) {
    return !driver.findElements(by).isEmpty();
  }

  String text(By by) {
    return waitFor(by).getText();
  }

  String currentPath() {
    return URI.create(driver.getCurrentUrl()).getPath();
  }

  Cookie cookie(String name) {
    return driver.manage().getCookieNamed(name);
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  Object asyncScript(String js, Object... args) {
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
  }

  /**
   * Checks the screen as it is now: no serious or critical axe-core violation, no CSP violation in
   * the browser's log; and keeps a screenshot of it.
   */
  void checkScreen(String name) {
    screenshot(name);
    assertNoAccessibilityProblems(name);
    assertNoPolicyViolations(name);
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(
          SCREENSHOTS.resolve(name + "-" + language + ".png"),
          ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void assertNoAccessibilityProblems(String name) {
    script(Axe.source());
    Object violations =
        asyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document).then(r => done(r.violations"
                + "  .filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + "  .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '"
                + "    + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '))),"
                + "  e => done(['axe failed: ' + e]));");
    assertEquals(List.of(), violations, "accessibility of " + name + " (" + language + ")");
  }

  private void assertNoPolicyViolations(String name) {
    List<String> violations =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .map(LogEntry::getMessage)
            .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
            .toList();
    assertTrue(violations.isEmpty(), "CSP violations on " + name + ": " + violations);
  }

  @Override
  public void close() {
    if (closed) {
      return; // by its test's try block and again after the test
    }
    closed = true;
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary profile left behind is harmless.
    }
  }

  /** axe-core from the console's node_modules (npm ci installed it), read once. */
  private static final class Axe {
    private static String source;

    static synchronized String source() {
      if (source == null) {
        Path file =
            Path.of(
                System.getProperty("zengate.console.dir", "src/main/console"),
                "node_modules/axe-core/axe.min.js");
        try {
          source = Files.readString(file);
        } catch (IOException e) {
          throw new UncheckedIOException("axe-core not installed: run npm ci in the console", e);
        }
      }
      return source;
    }
  }
}
