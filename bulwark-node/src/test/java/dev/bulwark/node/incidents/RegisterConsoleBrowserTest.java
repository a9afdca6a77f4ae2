package dev.bulwark.node.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.testing.NodeHttp;
import dev.bulwark.node.web.DebianChromium;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An analyst's first minutes on the Register page, in a real browser (Debian's chromium and
 * chromedriver): the list, map and timeline show only what the analyst may see; the keyboard moves
 * through the list and opens an incident; the analyst attributes it through the form and sees the
 * attributions of two nations side by side; selects incidents for the exposure report, previews
 * what is withheld and why, publishes, and the public page opens without sign-in.
 */
class RegisterConsoleBrowserTest {
  static RegisterNode node;
  static NodeHttp est;
  static NodeHttp fin;
  static String estToken;
  static WebDriver browser;
  static String clear;
  static String amber;

  @BeforeAll
  static void start() throws Exception {
    DebianChromium.assumeInstalled();
    node = new RegisterNode();
    estToken =
        node.bean(PrincipalStore.class)
            .add(
                "est-analyst",
                "EST",
                EnumSet.of(Role.READER, Role.CONTRIBUTOR),
                Optional.empty(),
                0L,
                Optional.empty())
            .token();
    est = new NodeHttp(node.base, "est-analyst", estToken);
    fin = node.as("fin-analyst", "FIN", EnumSet.of(Role.READER, Role.CONTRIBUTOR));
    clear =
        IncidentApiTest.create(
            est, IncidentApiTest.form("Clear cable cut", "sabotage-undersea", "clear", "", ""));
    amber =
        IncidentApiTest.create(
            est, IncidentApiTest.form("Amber drone flight", "drone-overflight", "amber", "", ""));
    IncidentApiTest.create(
        fin, IncidentApiTest.form("Finnish eyes only", "espionage", "amber", "", ""));
    fin.postJson(
        "/api/incidents/" + clear + "/attributions",
        "{\"attributed_to\":{\"type\":\"identity\",\"name\":\"Russian Federation\"},"
            + "\"confidence\":40,\"estimative_term\":\"roughly-even-chance\",\"admiralty_code\":\"C3\",\"state_responsibility\":\"state-encouraged\","
            + "\"marking\":{\"tlp\":\"amber\",\"releasable_to\":[\"EST\"]}}");
    browser = DebianChromium.start("1400,1000");
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (node != null) {
      node.close();
    }
  }

  @Test
  void anAnalystWorksTheRegisterWithTheKeyboardAndPublishesAnExposureReport() throws Exception {
    browser.get(node.base + "/console/register.html");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(200));
    wait.until(d -> d.findElement(By.id("login-user")).isDisplayed());
    browser.findElement(By.id("login-user")).sendKeys("est-analyst");
    browser.findElement(By.id("login-password")).sendKeys(estToken);
    browser.findElement(By.id("login-submit")).click();
    try {
      wait.until(
          d -> count(d, "#incident-table tbody tr") == 2 && count(d, "#timeline circle") == 2);
    } finally {
      screenshot("target/register-console-top.png");
    }
    assertThat(browser.findElement(By.id("incident-table")).getText())
        .contains("Clear cable cut")
        .doesNotContain("Finnish eyes only");
    assertThat(count(browser, "#register-map path.leaflet-interactive")).isEqualTo(2);

    // j moves to the second row, k back; Enter opens the selected one
    js("document.getElementById('incident-table').focus();");
    new Actions(browser).sendKeys("j").sendKeys("k").perform();
    String first =
        browser
            .findElement(By.cssSelector("#incident-table tr.selected"))
            .getDomAttribute("data-id");
    new Actions(browser).sendKeys("\n").perform();
    wait.until(d -> d.findElement(By.id("incident-panel")).isDisplayed());
    wait.until(d -> !d.findElement(By.id("incident-title")).getText().equals("Incident"));

    // open the clear incident and attribute it through the form (t)
    js("document.querySelector(\"#incident-table tr[data-id='" + clear + "']\").click();");
    wait.until(d -> d.findElement(By.id("incident-title")).getText().equals("Clear cable cut"));
    wait.until(d -> count(d, "#attributions .nation") == 1);
    new Actions(browser).sendKeys("t").perform();
    browser.findElement(By.id("a-name")).sendKeys("Russian Federation");
    browser.findElement(By.id("a-confidence")).clear();
    browser.findElement(By.id("a-confidence")).sendKeys("80");
    browser.findElement(By.cssSelector("#attribute-form button[type=submit]")).click();
    wait.until(d -> count(d, "#attributions .nation") == 2);
    assertThat(browser.findElement(By.cssSelector("#attributions [data-nation='FIN']")).getText())
        .contains("confidence 40");
    assertThat(browser.findElement(By.cssSelector("#attributions [data-nation='EST']")).getText())
        .contains("confidence 80");
    screenshot("target/register-console-incident.png");

    // select both for the exposure report (x), preview (e), publish
    js("document.getElementById('incident-table').focus();");
    // from the top whichever row was open: k k, then x j x
    new Actions(browser)
        .sendKeys("k")
        .sendKeys("k")
        .sendKeys("x")
        .sendKeys("j")
        .sendKeys("x")
        .sendKeys("e")
        .perform();
    try {
      wait.until(d -> count(d, "#x-published li") == 1 && count(d, "#x-withheld li") >= 2);
    } finally {
      screenshot("target/register-console-preview.png");
    }
    assertThat(browser.findElement(By.id("x-withheld")).getText())
        .contains(amber)
        .contains("marked TLP:AMBER");
    assertThat(first).isNotNull();
    browser.findElement(By.id("x-publish")).click();
    wait.until(d -> count(d, "#x-link") == 1);
    String url = browser.findElement(By.id("x-link")).getDomAttribute("href");
    browser.get(url);
    wait.until(d -> d.getPageSource().contains("Clear cable cut"));
    assertThat(browser.getPageSource())
        .doesNotContain("Amber drone flight")
        .doesNotContain("confidence 40");
    screenshot("target/register-console-exposure.png");
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private static int count(WebDriver d, String css) {
    return d.findElements(By.cssSelector(css)).size();
  }

  private static void screenshot(String file) throws IOException {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), Path.of(file), StandardCopyOption.REPLACE_EXISTING);
  }
}
