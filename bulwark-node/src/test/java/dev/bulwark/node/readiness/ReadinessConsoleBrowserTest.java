package dev.bulwark.node.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.testing.NodeHttp;
import dev.bulwark.node.web.ConsoleBrowser;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * A planner's first minutes on the Readiness page, in a real browser (Debian's chromium and
 * chromedriver), on a node with the synthetic demo set: the curve against the tier targets, the
 * tier table with its verified share, domain × plan coverage, the fair-share table and chart and
 * the trend show the node's figures for this reader; the page says the data is synthetic; a
 * contributor edits a declaration through the form (a new version), and the totals follow.
 */
class ReadinessConsoleBrowserTest {
  static final String AS_OF = "2026-06-30";
  static ConsoleBrowser console;
  static String base;
  static String officerToken;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    console =
        ConsoleBrowser.start(
            "bulwark-readiness-console-",
            "1400,1000",
            "--bulwark.nation=EST",
            "--bulwark.maritime.enabled=false");
    base = console.base;
    browser = console.browser;
    ReadinessDemo.load(console.node.getBean(ObjectStore.class), "EST");
    officerToken = console.token("est-officer", "EST", EnumSet.of(Role.READER, Role.CONTRIBUTOR));
  }

  @AfterAll
  static void stop() {
    if (console != null) {
      console.close();
    }
  }

  @Test
  void aPlannerReadsTheCoverageAndEditsADeclaration() {
    console.signIn("/console/readiness.html", "est-officer", officerToken);
    WebDriverWait wait = console.waiting(Duration.ofSeconds(60));
    wait.until(d -> count(d, "#fair-table tbody tr") >= 30);
    js(
        "document.getElementById('as-of').value = arguments[0];"
            + " document.getElementById('show-button').click();",
        AS_OF);
    wait.until(d -> d.findElement(By.id("readiness-status")).getText().contains(AS_OF));
    screenshot("target/readiness-console.png");

    NodeHttp officer = new NodeHttp(base, "est-officer", officerToken);
    JsonNode summary = officer.getJson("/api/readiness/summary?as_of=" + AS_OF);
    long tier1 = summary.get("tiers").get(0).get("declared").asLong();
    assertThat(cell("#tier-table tr[data-tier='1'] td.declared")).isEqualTo(fmt(tier1));
    assertThat(cell("#tier-table tr[data-tier='3'] td.ready"))
        .isEqualTo(fmt(summary.get("tiers").get(2).get("ready").asLong()));
    assertThat(cell("#tier-table tr[data-tier='1'] td.verified")).endsWith("%");
    assertThat(count(browser, "#curve-svg polyline.declared")).isEqualTo(1);
    assertThat(count(browser, "#curve-svg polyline.ready")).isEqualTo(1);
    assertThat(count(browser, "#curve-svg polyline.target")).isEqualTo(1);
    assertThat(count(browser, "#trend-svg polyline")).isEqualTo(2);
    assertThat(count(browser, "#fair-svg g.ally-bar")).isGreaterThanOrEqualTo(31);
    assertThat(count(browser, "#coverage-table tbody tr")).isGreaterThanOrEqualTo(3);
    assertThat(browser.findElement(By.id("synthetic-label")).isDisplayed()).isTrue();
    JsonNode usa = null;
    for (JsonNode a : summary.get("allies")) {
      if (a.get("iso3").asString().equals("USA")) {
        usa = a;
      }
    }
    long usFair = 0;
    for (JsonNode f : usa.get("fair_share")) {
      usFair += f.get("share").asLong();
    }
    assertThat(cell("#fair-table tr[data-iso3='USA'] td.fair")).isEqualTo(fmt(usFair));
    assertThat(browser.findElement(By.id("summary")).getText()).contains("High readiness");

    // edit the first EST declaration: a new version with more personnel, valid from the date
    js("document.getElementById('decl-table').focus();");
    int estRow =
        ((Number)
                js(
                    "return [...document.querySelectorAll('#decl-table tbody tr')]"
                        + ".findIndex(r => r.dataset.nation === 'EST');"))
            .intValue();
    Actions keys = new Actions(browser);
    for (int i = 0; i < estRow; i++) {
      keys.sendKeys("j");
    }
    keys.sendKeys("e").perform();
    String unit = browser.findElement(By.id("d-unit")).getDomProperty("value");
    long before = Long.parseLong(browser.findElement(By.id("d-personnel")).getDomProperty("value"));
    browser.findElement(By.id("d-personnel")).clear();
    browser.findElement(By.id("d-personnel")).sendKeys(Long.toString(before + 100));
    browser.findElement(By.id("d-personnel")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    wait.until(d -> "ok".equals(d.findElement(By.id("enter-result")).getDomAttribute("class")));
    JsonNode now = officer.getJson("/api/readiness/declarations?as_of=" + AS_OF);
    boolean found = false;
    for (JsonNode d : now) {
      if (d.get("unit").asString().equals(unit)) {
        assertThat(d.get("personnel").asLong()).isEqualTo(before + 100);
        found = true;
      }
    }
    assertThat(found).as(unit).isTrue();
    JsonNode after = officer.getJson("/api/readiness/summary?as_of=" + AS_OF);
    long total = 0;
    for (JsonNode t : after.get("tiers")) {
      total += t.get("declared").asLong();
    }
    long totalBefore = 0;
    for (JsonNode t : summary.get("tiers")) {
      totalBefore += t.get("declared").asLong();
    }
    assertThat(total).isIn(totalBefore, totalBefore + 100);
    screenshot("target/readiness-console-after-edit.png");
  }

  private static String fmt(long n) {
    return String.format(Locale.UK, "%,d", n);
  }

  private static String cell(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
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
