import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Times the web console's main screens in headless Chromium: from the navigation's start
 * (Navigation Timing's time origin) to the moment the screen's data is in the page, recorded in
 * the page by a MutationObserver installed before any of the console's scripts run (so polling
 * from here adds nothing to the figure).
 */
public class ConsoleLatency {

  /** Screen, path, and the element that appears only once the screen's data is shown. */
  record Screen(String name, String path, String dataShown) {}

  public static void main(String[] args) throws java.io.IOException {
    String base = args[0];
    String password = args[1];
    int loads = Integer.parseInt(args[2]);
    String firstPair = args[3];
    List<Screen> screens =
        List.of(
            new Screen("overview", "", "#attention-certificates-within60 .pf-v6-c-list"),
            new Screen("pairs (first page of 50)", "pairs", "#pairs-table tbody a"),
            new Screen("pairs, searched", "pairs?q=pair-0099", "#pairs-table tbody a"),
            new Screen("pair detail", "pairs/" + firstPair, "#nodes-table tbody td"),
            new Screen("certificates (100 of 10,000)", "certificates", "#certificates-table tbody a"),
            // A data row has five cells; the "none yet" row shown while loading has one.
            new Screen("audit trail", "audit", "#audit-table tbody td:nth-child(3)"));
    System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1366,900", "--lang=ja");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja"));
    ChromeDriver driver = new ChromeDriver(options);
    try {
      driver.get(base);
      new WebDriverWait(driver, Duration.ofSeconds(30))
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
          .sendKeys("admin");
      driver.findElement(By.id("password")).sendKeys(password);
      driver.findElement(By.id("sign-in")).click();
      new WebDriverWait(driver, Duration.ofSeconds(30))
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
      System.out.printf("%-34s %8s %8s %8s%n", "screen", "p50 ms", "p95 ms", "max ms");
      for (Screen screen : screens) {
        Map<String, Object> observer =
            driver.executeCdpCommand(
            "Page.addScriptToEvaluateOnNewDocument",
            Map.of(
                "source",
                "new MutationObserver((_, o) => { if (document.querySelector('"
                    + screen.dataShown()
                    + "')) { window.__dataShown = performance.now(); o.disconnect(); } })"
                    + ".observe(document, {childList: true, subtree: true});"));
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < loads + 2; i++) {
          driver.get(base + screen.path());
          Object shown =
              new WebDriverWait(driver, Duration.ofSeconds(30))
                  .until(d -> driver.executeScript("return window.__dataShown"));
          if (i >= 2) { // two warm-up loads: the JIT and caches of a server just started
            times.add(((Number) shown).doubleValue());
          }
        }
        Collections.sort(times);
        System.out.printf(
            "%-34s %8.0f %8.0f %8.0f%n",
            screen.name(), percentile(times, 50), percentile(times, 95), times.get(times.size() - 1));
        driver.executeCdpCommand(
            "Page.removeScriptToEvaluateOnNewDocument",
            Map.of("identifier", observer.get("identifier")));
      }
      if (args.length > 4) { // the overview of a seeded system, for the README
        driver.get(base);
        new WebDriverWait(driver, Duration.ofSeconds(30))
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(screens.get(0).dataShown())));
        java.nio.file.Files.write(
            java.nio.file.Path.of(args[4]),
            driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
      }
    } finally {
      driver.quit();
    }
  }

  static double percentile(List<Double> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }
}
