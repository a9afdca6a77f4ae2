package dev.bulwark.node.maritime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.web.ConsoleBrowser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The watch desk of issue 18 in a real browser (Debian's chromium), on a running demo node: land
 * and coastlines drawn from the shipped Natural Earth layer with place names, grid labels and a
 * scale; a vessel found by name, its particulars shown and its track played back; the alert list
 * sorted with a high alert first, and its export. Screenshots go to {@code target/watch-*.png}.
 */
class MaritimeConsoleBrowserTest {
  static ConsoleBrowser console;
  static ConfigurableApplicationContext node;
  static Path home;
  static String base;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    console = ConsoleBrowser.startTls("bulwark-watch-console-", "1400,900", "--bulwark.demo=true");
    node = console.node;
    home = console.home;
    base = console.base;
    browser = console.browser;
  }

  @AfterAll
  static void stop() {
    if (console != null) {
      console.close();
    }
  }

  @Test
  void theWatchDeskShowsLandFindsAVesselPlaysItsTrackAndListsAHighAlertFirst() {
    MaritimeDemo.Credentials who = node.getBean(MaritimeDemo.class).credentials().orElseThrow();
    browser.get(base + "/console/");
    js("sessionStorage.clear();");
    browser.get(base + "/console/");
    browser.findElement(By.id("login-user")).sendKeys(who.user());
    browser.findElement(By.id("login-password")).sendKeys(who.password());
    browser.findElement(By.id("login-submit")).click();

    long sizeAtStart = sizeOf(home);
    long startedAt = System.nanoTime();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(250));
    wait.until(d -> count("path.land") >= 1 && count(".place-label") >= 40);
    assertThat(count(".grid-label")).isGreaterThan(4);
    assertThat(browser.findElement(By.cssSelector(".leaflet-control-scale")).getText())
        .contains("km");

    // the list: a high alert first, once the replay has raised one
    new WebDriverWait(browser, Duration.ofSeconds(180), Duration.ofMillis(500))
        .until(
            d ->
                count("#alert-list li .sev-high") >= 1 && count("#alert-list li .sev-medium") >= 1);
    assertThat(js("return document.querySelector('#alert-list li.alert-item .sev').textContent;"))
        .isEqualTo("high");
    assertThat(
            js(
                "const li = document.querySelector('#alert-list li.alert-item');"
                    + " const head = document.querySelector('#alert-list-panel .filters');"
                    + " return li.getBoundingClientRect().top >= head.getBoundingClientRect().bottom - 1;"))
        .isEqualTo(true);
    // one clock for every watch officer (the demo's is not an admin): track time, replay speed
    wait.until(
        d -> d.findElement(By.cssSelector(".shell-status")).getText().contains("(replay ×60)"));
    assertThat(browser.findElement(By.cssSelector(".shell-status")).getText())
        .contains("track time");
    screenshot("target/watch-list.png");

    // a vessel by name, its particulars, its track played back
    browser.findElement(By.id("vessel-query")).sendKeys("SCENARIO EAGLE");
    wait.until(d -> count("#vessel-results li.vessel-result") >= 1);
    browser.findElement(By.cssSelector("#vessel-results li.vessel-result")).click();
    wait.until(
        d ->
            d.findElement(By.id("vessel-panel")).isDisplayed()
                && d.findElement(By.id("vessel-title")).getText().startsWith("SCENARIO EAGLE")
                && count("path.vessel-track") == 1);
    assertThat(browser.findElement(By.id("vessel-facts")).getText())
        .contains("COK")
        .contains("tanker")
        .contains("228 × 32 m, draught 10.4 m")
        .containsPattern("status\\s+(under way using engine|not reported)");
    String before = browser.findElement(By.id("track-time")).getText();
    browser.findElement(By.id("play-button")).click();
    wait.until(
        d -> {
          String now = d.findElement(By.id("track-time")).getText();
          return !now.isEmpty() && !now.equals(before);
        });
    assertThat(count(".track-mark")).isGreaterThan(2);
    screenshot("target/watch-vessel.png");
    // evidence in plain words for a kind other than anchor drag
    browser.findElement(By.id("vessel-back")).click();
    String other = "#alert-list li.alert-item:not([data-id^=\"anchor-drag\"])";
    new WebDriverWait(browser, Duration.ofSeconds(180), Duration.ofMillis(500))
        .until(d -> count(other) >= 1);
    browser.findElement(By.cssSelector(other)).click();
    wait.until(d -> d.findElement(By.id("detail-plain")).getText().contains("(track time)"));
    assertThat(browser.findElement(By.id("detail-plain")).getText())
        .doesNotContain("_")
        .containsPattern("[0-9] (kn|m|km|min)\\b");
    screenshot("target/watch-evidence.png");
    // how fast the demo's store grows (issue 18: it was 25 MB a minute), for the documentation
    double minutes = (System.nanoTime() - startedAt) / 60e9;
    System.out.printf(
        "demo store: %d -> %d bytes in %.1f min of demo (x60): %.2f MB/h%n",
        sizeAtStart, sizeOf(home), minutes, (sizeOf(home) - sizeAtStart) / minutes * 60 / 1e6);
  }

  static long sizeOf(Path dir) {
    try (var s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException e) {
      return -1;
    }
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private static long count(String css) {
    Object n = js("return document.querySelectorAll('" + css + "').length;");
    return n instanceof Number x ? x.longValue() : 0;
  }

  private static void screenshot(String file) {
    try {
      Files.write(Path.of(file), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException | RuntimeException e) {
      // best effort: a missing screenshot is not a failure of the console
    }
  }
}
