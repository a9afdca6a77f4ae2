package dev.bulwark.node.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.security.Role;
import dev.bulwark.node.testing.NodeHttp;
import dev.bulwark.node.web.ConsoleBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A planner's first minutes on the Support page, in a real browser (Debian's chromium and
 * chromedriver; nothing is downloaded), on a node with the demo's synthetic ledger: the charts and
 * the gap table show the fair shares, the keyboard moves through the allies and runs the
 * allocation, a contributor enters a contribution through the form and a file with another nation's
 * row is refused naming the row; an admin publishes; and the published HTML report renders, without
 * sign-in, with its charts and the United States' fair share.
 */
class SupportConsoleBrowserTest {
  static ConfigurableApplicationContext node;
  static String base;
  static Path home;
  static String officerToken;
  static String adminToken;
  static WebDriver browser;
  static ConsoleBrowser console;

  @BeforeAll
  static void start() throws Exception {
    console =
        ConsoleBrowser.start(
            "bulwark-support-console-",
            "1400,1000",
            "--bulwark.nation=EST",
            "--bulwark.maritime.enabled=false",
            "--bulwark.support.demo=true");
    node = console.node;
    base = console.base;
    home = console.home;
    browser = console.browser;
    officerToken = console.token("est-officer", "EST", EnumSet.of(Role.READER, Role.CONTRIBUTOR));
    adminToken = console.token("est-admin", "EST", EnumSet.of(Role.ADMIN));
  }

  @AfterAll
  static void stop() {
    if (console != null) {
      console.close();
    }
  }

  @Test
  void aPlannerSeesTheFairSharesRunsTheAllocationEntersAContributionAndThePublishedReportRenders()
      throws Exception {
    signIn("est-officer", officerToken);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(200));
    try {
      wait.until(
          d ->
              count(d, "#gap-table tbody tr") >= 30
                  && count(d, "#fair-share-svg g.ally-bar") >= 30
                  && count(d, "#shortfall-svg rect") >= 4);
    } finally {
      screenshot("target/support-console-top.png");
    }

    int year = Integer.parseInt(browser.findElement(By.id("year")).getDomProperty("value"));
    NodeHttp officer = new NodeHttp(base, "est-officer", officerToken);
    JsonNode table = officer.getJson("/api/support/fair-share?year=" + year);
    String usFairShare = bn(SupportApiTest.ally(table, "USA").path("fair_share_eur").asString());
    WebElement usRow = browser.findElement(By.cssSelector("#gap-table tr[data-iso3='USA']"));
    assertThat(usRow.findElement(By.cssSelector("td.fair")).getText()).isEqualTo(usFairShare);
    assertThat(usRow.getText()).startsWith("United States (USA)");
    assertThat(browser.findElement(By.id("summary")).getText())
        .contains("Shortfall against the baseline");
    assertThat(
            browser
                .findElement(By.cssSelector("#fair-share-svg g.ally-bar[data-iso3='USA']"))
                .getText())
        .contains(usFairShare);

    // the keyboard: the third ally's entries, then the allocation
    js("document.getElementById('gap-table').focus();");
    new Actions(browser).sendKeys("j").sendKeys("j").sendKeys(Keys.ENTER).perform();
    String third =
        browser
            .findElements(By.cssSelector("#gap-table tbody tr"))
            .get(2)
            .getDomAttribute("data-iso3");
    wait.until(d -> d.findElement(By.id("entries-filter")).getText().contains(third));
    List<WebElement> donors =
        browser.findElements(By.cssSelector("#entries-table tbody tr td:nth-child(2)"));
    assertThat(donors).isNotEmpty().allSatisfy(td -> assertThat(td.getText()).isEqualTo(third));
    assertThat(
            browser
                .findElement(By.cssSelector("#fair-share-svg g.selected"))
                .getDomAttribute("data-iso3"))
        .isEqualTo(third);
    new Actions(browser).sendKeys("r").perform();
    wait.until(d -> count(d, "#allocation-table tbody tr[data-id]") >= 8);
    assertThat(
            browser
                .findElement(By.cssSelector("#allocation-table tr[data-id='demo-r-amd-1']"))
                .getText())
        .contains("interceptor missiles");
    assertThat(browser.findElement(By.id("allocation-summary")).getText()).contains("shortfall");
    screenshot("target/support-console.png");

    // a contribution through the form (n focuses it; Ctrl+Enter sends)
    new Actions(browser).sendKeys("n").perform();
    js("document.getElementById('c-date').value = arguments[0];", year + "-02-03");
    browser.findElement(By.id("c-amount")).sendKeys("123456");
    browser.findElement(By.id("c-description")).sendKeys("Entered in the browser test");
    browser.findElement(By.id("c-description")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    wait.until(d -> "ok".equals(d.findElement(By.id("enter-result")).getDomAttribute("class")));
    JsonNode mine =
        officer
            .getJson("/api/support/contributions?donor=EST&period=" + year)
            .path("contributions");
    assertThat(mine.toString()).contains("Entered in the browser test");
    boolean found = false;
    for (JsonNode e : mine) {
      if (e.path("description").asString().equals("Entered in the browser test")) {
        assertThat(e.path("eur").asString()).isEqualTo("123456.00");
        assertThat(e.path("entered_by").asString()).isEqualTo("est-officer");
        found = true;
      }
    }
    assertThat(found).isTrue();

    // a file with another nation's row is refused whole, naming the row
    long before = node.getBean(ContributionStore.class).count();
    Path csv = Files.createTempFile(home, "upload-", ".csv");
    Files.writeString(
        csv,
        "id,donor,date,status,category,channel,coalition,amount,currency,eur,valuation,fx_basis,description,source\n"
            + "b-1,EST,"
            + year
            + "-03-01,delivered,training,bilateral,,1000,EUR,,donor_reported,,,\n"
            + "b-2,USA,"
            + year
            + "-03-01,delivered,training,bilateral,,1000,EUR,,donor_reported,,,\n");
    browser.findElement(By.id("u-file")).sendKeys(csv.toString());
    browser.findElement(By.id("u-submit")).click();
    wait.until(
        d -> "refused".equals(d.findElement(By.id("enter-result")).getDomAttribute("class")));
    assertThat(browser.findElement(By.id("enter-result")).getText())
        .contains("403")
        .contains("line 3")
        .contains("USA");
    assertThat(node.getBean(ContributionStore.class).count()).isEqualTo(before);

    // an admin publishes this year's report from the page
    js("sessionStorage.clear();");
    signIn("est-admin", adminToken);
    wait.until(
        d ->
            d.findElement(By.id("publish-panel")).isDisplayed()
                && count(d, "#gap-table tbody tr") >= 30);
    int published = count(browser, "#publications li a");
    browser.findElement(By.id("publish-button")).click();
    wait.until(d -> count(d, "#publications li a") == published + 1);
    String url = browser.findElement(By.cssSelector("#publications li a")).getDomAttribute("href");
    assertThat(url).startsWith(base + "/public/support/reports/");

    // the published HTML report, without credentials
    js("sessionStorage.clear();");
    browser.get(url);
    wait.until(d -> count(d, "svg") >= 3);
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page).contains("TLP:CLEAR").contains("Gap table").contains("SYNTHETIC demo entry");
    WebElement usa =
        browser
            .findElements(
                By.xpath("//tr[td[starts-with(normalize-space(.), 'United States (USA)')]]"))
            .get(0);
    assertThat(usa.getText()).contains(usFairShare);
    Number chartWidth =
        (Number) js("return document.querySelector('svg').getBoundingClientRect().width;");
    assertThat(chartWidth.doubleValue()).isGreaterThan(300);
    assertThat(count(browser, "svg rect")).isGreaterThan(60);
    screenshot("target/support-public-report.png");
  }

  private static void signIn(String user, String token) {
    console.signIn("/console/support.html", user, token);
  }

  /** As the page and the library's report write it: "EUR 21.15 bn". */
  static String bn(String eur) {
    return String.format(Locale.ROOT, "EUR %.2f bn", Double.parseDouble(eur) / 1e9);
  }

  private static Object js(String script, Object... args) {
    return console.js(script, args);
  }

  private static int count(WebDriver d, String css) {
    return ConsoleBrowser.count(d, css);
  }

  private static void screenshot(String file) {
    console.screenshot(file);
  }
}
