package dev.bulwark.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.stix.MaritimeExtension;
import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.audit.AuditRecord;
import dev.bulwark.node.maritime.MaritimeDemo;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.store.TempDirs;
import dev.bulwark.node.testing.NodeHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A watch officer's first minute, in a real browser (Debian's chromium and chromedriver; nothing is
 * downloaded): the console of a running demo node shows the infrastructure layer and the alerts the
 * replay raises; the officer opens one with the keyboard and acknowledges it; the acknowledgement
 * is in the API, in the store as a new STIX version of the incident, and in the audit log. And what
 * the console shell gives every page: the sign-in kept when moving between the pages, a failed
 * request shown in the status line, and data shown as text, never as markup.
 */
class ConsoleBrowserTest {
  static ConfigurableApplicationContext node;
  static Path home;
  static String base;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    DebianChromium.assumeInstalled();
    home = TempDirs.create("bulwark-console-test-");
    node =
        BulwarkNodeApplication.start(
            "--server.port=0",
            "--bulwark.home=" + home,
            "--spring.datasource.url=" + NodeDatabase.defaultUrl(home),
            "--bulwark.demo=true",
            "--logging.level.root=WARN");
    base = "https://localhost:" + node.getEnvironment().getProperty("local.server.port");
    browser = DebianChromium.start("1400,900", "--ignore-certificate-errors");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (node != null) {
      node.close();
    }
  }

  @Test
  void anOfficerSeesTheLayerAndAnAlertOpensItAndAcknowledgesIt() {
    MaritimeDemo.Credentials who = signInAsDemoUser();

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(d -> count(d, "path.asset-path") == 14 && count(d, "path.haven-area") == 12);
    new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofMillis(250))
        .until(
            d -> count(d, "#alert-list li.alert-item") >= 1 && count(d, "path.alert-marker") >= 1);

    browser.findElement(By.id("alert-list")).click();
    new Actions(browser).sendKeys("j").sendKeys("k").sendKeys(Keys.ENTER).perform();
    wait.until(
        d ->
            d.findElement(By.id("alert-detail")).isDisplayed()
                && !d.findElement(By.id("detail-title")).getText().isEmpty());
    String alertId = browser.findElement(By.id("alert-detail")).getDomAttribute("data-id");
    new Actions(browser).sendKeys("a").perform();
    // the detail is redrawn when live events arrive: read it afresh each time
    wait.until(
        d ->
            "acknowledged"
                .equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "const e = document.getElementById('detail-status'); return e ? e.textContent : '';")));

    screenshot("target/console-alert.png");

    NodeHttp api = new NodeHttp(base, who.user(), who.password(), home);
    JsonNode alert = api.getJson("/api/maritime/alerts/" + alertId);
    assertThat(alert.path("acknowledged_by").asString()).isEqualTo(who.user());
    assertThat(alert.path("status").asString()).isEqualTo("acknowledged");

    List<StoredObject> versions =
        node.getBean(ObjectStore.class)
            .versions("maritime-alerts", alert.path("incident_id").asString(), ReadFilter.SYSTEM);
    JsonNode latest =
        JsonMapper.builder().build().readTree(versions.get(versions.size() - 1).json());
    JsonNode ext = latest.path("extensions").path(MaritimeExtension.ID);
    assertThat(versions.size()).isGreaterThanOrEqualTo(2);
    assertThat(ext.path("acknowledged_by").asString()).isEqualTo(who.user());
    List<AuditRecord> audit = node.getBean(AuditLog.class).list(0, 10_000, Optional.of(who.user()));
    assertThat(audit)
        .anyMatch(
            r ->
                r.entry().action().equals("maritime.acknowledge")
                    && r.entry()
                        .objectRefs()
                        .get(0)
                        .startsWith(alert.path("incident_id").asString()));
  }

  @Test
  void theShellKeepsTheSignInAcrossPagesShowsAFailedRequestAndShowsDataAsText() {
    MaritimeDemo.Credentials who = signInAsDemoUser();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofMillis(250));
    String markup = "<img src=x onerror=\"document.body.dataset.injected='yes'\"> <b>bold</b> & co";

    // a note written as markup is shown as the text it is
    wait.until(d -> count(d, "#alert-list li.alert-item") >= 1);
    js("document.getElementById('alert-list').focus();");
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    wait.until(d -> d.findElement(By.id("alert-detail")).isDisplayed());
    new Actions(browser).sendKeys("n").perform();
    browser.findElement(By.id("note-text")).sendKeys(markup);
    browser.findElement(By.id("note-text")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    wait.until(
        d ->
            String.valueOf(js("return document.getElementById('detail-notes').textContent;"))
                .contains(markup));
    assertThat(count(browser, "#detail-notes img, #detail-notes b")).isZero();

    // to the Support page: no second sign-in; the navigation marks where the user is
    browser.findElement(By.id("nav-support")).click();
    wait.until(
        d ->
            d.getCurrentUrl().endsWith("/console/support.html")
                && !d.findElement(By.id("login")).isDisplayed()
                && d.findElement(By.id("support-status")).getText().startsWith(who.user() + " ("));
    assertThat(browser.findElement(By.id("nav-support")).getDomAttribute("aria-current"))
        .isEqualTo("page");
    assertThat(browser.findElement(By.id("nav-maritime")).getDomAttribute("aria-current")).isNull();

    // a contribution described in markup: the ledger table shows the text
    browser.findElement(By.id("c-amount")).sendKeys("1000");
    browser.findElement(By.id("c-description")).sendKeys(markup);
    browser.findElement(By.id("c-description")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    wait.until(d -> "ok".equals(d.findElement(By.id("enter-result")).getDomAttribute("class")));
    wait.until(
        d ->
            Boolean.TRUE.equals(
                js(
                    "return [...document.querySelectorAll('#entries-table td')]"
                        + ".some((td) => td.textContent === arguments[0]);",
                    markup)));
    assertThat(count(browser, "#entries-table img, #entries-table b")).isZero();

    // a request the node refuses: its reason in the status line, until the next one succeeds
    js("document.getElementById('baseline').value = '-1';");
    js("document.getElementById('gap-table').focus();");
    new Actions(browser).sendKeys("]").perform();
    wait.until(
        d ->
            "shell-status error"
                .equals(d.findElement(By.id("support-status")).getDomAttribute("class")));
    assertThat(browser.findElement(By.id("support-status")).getText())
        .startsWith("not loaded: ")
        .contains("baseline")
        .contains("must be between 0 and 1e15");
    js("document.getElementById('baseline').value = '40000000000';");
    new Actions(browser).sendKeys("[").perform();
    wait.until(d -> d.findElement(By.id("support-status")).getText().startsWith(who.user() + " ("));
    assertThat(browser.findElement(By.id("support-status")).getDomAttribute("class"))
        .isEqualTo("shell-status");

    // and back to the watch, still signed in, its status line following the live events
    browser.findElement(By.id("nav-maritime")).click();
    wait.until(
        d -> !d.findElement(By.id("login")).isDisplayed() && count(d, "path.asset-path") == 14);
    wait.until(d -> d.findElement(By.id("watch-status")).getText().contains("track time 2"));
    String first = browser.findElement(By.id("watch-status")).getText();
    wait.until(
        d -> {
          String now = d.findElement(By.id("watch-status")).getText();
          return !now.equals(first) && now.contains("track time 2");
        });
    assertThat(js("return document.body.dataset.injected || null;")).isNull();
  }

  @Test
  void anAdminsStatusLineShowsTheSourcesRateAndTheNodesAlertCount() {
    String token =
        node.getBean(PrincipalStore.class)
            .add(
                "console-admin",
                node.getEnvironment().getProperty("bulwark.nation", "EST"),
                EnumSet.of(Role.ADMIN),
                Optional.empty(),
                0L,
                Optional.empty())
            .token();
    signIn("console-admin", token);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(250));
    // the status (GET and its live event), read through its snake_case fields
    wait.until(
        d ->
            d.findElement(By.id("watch-status"))
                .getText()
                .matches("\\d+ vessels · \\d+ msg/s · \\d+ alerts · track time 2\\d{3}-.*"));
  }

  @Test
  void theConsoleWithoutItsTrailingSlashOpensTheSamePageWithItsShell() {
    browser.get(base + "/console");
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.id("nav-maritime")).isEmpty());
    assertThat(browser.getCurrentUrl()).endsWith("/console/");
  }

  /** Opens the maritime page with no credentials kept in the tab, and signs in as the demo user. */
  private static MaritimeDemo.Credentials signInAsDemoUser() {
    MaritimeDemo.Credentials who = node.getBean(MaritimeDemo.class).credentials().orElseThrow();
    signIn(who.user(), who.password());
    return who;
  }

  private static void signIn(String user, String password) {
    browser.get(base + "/console/");
    js("sessionStorage.clear();");
    browser.get(base + "/console/");
    browser.findElement(By.id("login-user")).sendKeys(user);
    browser.findElement(By.id("login-password")).sendKeys(password);
    browser.findElement(By.id("login-submit")).click();
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  /** Keeps what the officer saw, for people looking at a build (best effort). */
  private static void screenshot(String file) {
    try {
      byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
      Files.write(Path.of(file), png);
    } catch (IOException | RuntimeException e) {
      // a missing screenshot is not a failure of the console
    }
  }

  private static long count(WebDriver d, String css) {
    Object n =
        ((JavascriptExecutor) d)
            .executeScript("return document.querySelectorAll(arguments[0]).length;", css);
    return ((Number) n).longValue();
  }
}
