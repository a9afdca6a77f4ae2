package dev.bulwark.node.cyber;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.web.DebianChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An analyst on the Cyber page, in a real browser (Debian's chromium), on a node replaying the
 * demo's real Suricata and Zeek samples against the demo indicators: live sightings appear and
 * grow, the top indicators and the sensors are listed, the keyboard selects a sighting and shows
 * its evidence, and a click on an indicator shows only its sightings. A contributor promotes a
 * sighting to a hostile-act incident and follows the link to it.
 */
class CyberConsoleBrowserTest {
  static ConfigurableApplicationContext node;
  static String base;
  static Path home;
  static String token;
  static String writerToken;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    DebianChromium.assumeInstalled();
    home = Files.createTempDirectory("bulwark-cyber-console-");
    node =
        BulwarkNodeApplication.start(
            "--server.port=0",
            "--bulwark.home=" + home,
            "--spring.datasource.url=" + NodeDatabase.defaultUrl(home),
            "--logging.level.root=WARN",
            "--bulwark.nation=EST",
            "--bulwark.maritime.enabled=false",
            "--bulwark.cyber.demo=true",
            "--bulwark.cyber.demo.step-millis=150",
            "--bulwark.cyber.index-ttl=PT1S",
            "--bulwark.security.pbkdf2-iterations=1000");
    base = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    token =
        node.getBean(PrincipalStore.class)
            .add(
                "est-analyst",
                "EST",
                EnumSet.of(Role.READER),
                Optional.empty(),
                0L,
                Optional.empty())
            .token();
    writerToken =
        node.getBean(PrincipalStore.class)
            .add(
                "est-writer",
                "EST",
                EnumSet.of(Role.READER, Role.CONTRIBUTOR),
                Optional.empty(),
                0L,
                Optional.empty())
            .token();
    browser = DebianChromium.start("1400,1000");
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (node != null) {
      node.close();
    }
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Opens the Cyber page signed in as {@code user}. */
  private static WebDriverWait signIn(String user, String secret) {
    browser.get(base + "/console/cyber.html");
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
    browser.navigate().refresh();
    // The page redraws its lists every 3 s: an element found a moment ago may be gone, so every
    // wait looks again rather than failing on a stale element.
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofMillis(200));
    wait.ignoring(StaleElementReferenceException.class);
    wait.until(d -> d.findElement(By.id("login-user")).isDisplayed());
    browser.findElement(By.id("login-user")).sendKeys(user);
    browser.findElement(By.id("login-password")).sendKeys(secret);
    browser.findElement(By.id("login-submit")).click();
    return wait;
  }

  @Test
  void aContributorPromotesASightingAndLandsOnTheNewIncident() {
    WebDriverWait wait = signIn("est-writer", writerToken);
    // per indicator: the row's action promotes that sighting
    wait.until(
        d ->
            d.findElements(By.cssSelector("#top-indicators tr")).stream()
                .filter(tr -> tr.getText().contains("DEMO: staging server"))
                .findFirst()
                .map(
                    tr -> {
                      tr.click();
                      return true;
                    })
                .orElse(false));
    wait.until(
        d ->
            count(d, "#sightings tr") >= 1
                && d.findElements(By.cssSelector("#sightings tr")).stream()
                    .allMatch(tr -> tr.getText().contains("DEMO: staging server")));
    wait.until(
        d -> {
          d.findElement(By.cssSelector("#sightings tr button.promote")).click();
          return true;
        });
    wait.until(d -> !d.findElements(By.id("promoted-link")).isEmpty());
    String incident = browser.findElement(By.id("promoted-link")).getText();
    assertThat(incident).startsWith("Incident incident--");
    browser.findElement(By.id("promoted-link")).click();
    wait.until(d -> d.getCurrentUrl().contains("/console/register.html#incident--"));
    try {
      wait.until(
          d ->
              d.findElement(By.id("incident-panel")).isDisplayed()
                  && d.findElement(By.id("incident-panel"))
                      .getText()
                      .contains("Sighting of DEMO: staging server"));
    } finally {
      screenshot("target/cyber-promoted-incident.png");
    }
    assertThat(browser.findElement(By.id("incident-panel")).getText())
        .containsIgnoringCase("cyber");
  }

  @Test
  void liveSightingsOfTheReplayAppearAndShowTheirEvidence() {
    WebDriverWait wait = signIn("est-analyst", token);
    try {
      wait.until(
          d ->
              count(d, "#sightings tr") >= 3
                  && d.findElement(By.id("top-indicators"))
                      .getText()
                      .contains("DEMO: staging server")
                  && d.findElement(By.id("sensors")).getText().contains("demo-sensor"));
    } finally {
      screenshot("target/cyber-console.png");
    }
    assertThat(browser.findElement(By.id("nav-cyber")).getDomAttribute("aria-current"))
        .isEqualTo("page");
    assertThat(browser.findElement(By.id("cyber-summary")).getText()).contains("you may read");
    // a reader is not offered the register's write action
    assertThat(browser.findElements(By.cssSelector("button.promote"))).isEmpty();
    new Actions(browser).sendKeys("j").sendKeys("k").sendKeys(Keys.ENTER).perform();
    wait.until(d -> d.findElement(By.id("evidence")).getText().contains("observed-data"));
    wait.until(d -> d.findElement(By.id("detail")).getText().contains("demo-sensor"));

    wait.until(
        d ->
            d.findElements(By.cssSelector("#top-indicators tr")).stream()
                .filter(tr -> tr.getText().contains("DEMO: staging server"))
                .findFirst()
                .map(
                    tr -> {
                      tr.click();
                      return true;
                    })
                .orElse(false));
    wait.until(d -> d.findElement(By.id("filter-label")).getText().contains("indicator"));
    wait.until(
        d ->
            d.findElements(By.cssSelector("#sightings tr")).stream()
                .allMatch(tr -> tr.getText().contains("DEMO: staging server")));
  }

  private static int count(WebDriver d, String css) {
    Object n =
        ((JavascriptExecutor) d)
            .executeScript("return document.querySelectorAll(arguments[0]).length;", css);
    return ((Number) n).intValue();
  }

  private static void screenshot(String file) {
    try {
      Files.write(Path.of(file), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException | RuntimeException e) {
      // a missing screenshot is not a failure of the page
    }
  }
}
