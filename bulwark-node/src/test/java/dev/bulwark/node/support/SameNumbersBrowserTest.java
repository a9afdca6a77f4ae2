package dev.bulwark.node.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.node.cli.BulwarkMain;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.testing.NodeHttp;
import dev.bulwark.node.web.ConsoleBrowser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One support ledger (issue 19): on one real node with the demo's ledger, the command line ({@code
 * bulwark support fair-share --json} pointed at the node's home), the API ({@code
 * /api/support/fair-share}) and the console's Support page in Chromium show the same numbers for
 * every ally.
 */
class SameNumbersBrowserTest {
  static ConsoleBrowser console;
  static String officerToken;

  @BeforeAll
  static void start() throws Exception {
    console =
        ConsoleBrowser.start(
            "bulwark-same-numbers-",
            "1400,1000",
            "--bulwark.nation=EST",
            "--bulwark.maritime.enabled=false",
            "--bulwark.support.demo=true");
    officerToken = console.token("est-officer", "EST", EnumSet.of(Role.READER, Role.CONTRIBUTOR));
  }

  @AfterAll
  static void stop() {
    if (console != null) {
      console.close();
    }
  }

  @Test
  void theCommandLineTheApiAndTheConsoleShowTheSameFairSharesAndCounts() {
    console.signIn("/console/support.html", "est-officer", officerToken);
    console
        .waiting(Duration.ofSeconds(60))
        .until(d -> ConsoleBrowser.count(d, "#gap-table tbody tr[data-iso3]") >= 30);
    int year = Integer.parseInt(console.browser.findElement(By.id("year")).getDomProperty("value"));

    JsonNode api =
        new NodeHttp(console.base, "est-officer", officerToken)
            .getJson("/api/support/fair-share?year=" + year);
    JsonNode cli = cli("support", "fair-share", "--year", Integer.toString(year), "--json");

    assertThat(api.path("allies").size()).isGreaterThanOrEqualTo(30);
    // the whole table: period, key, baseline, totals and every ally's row
    assertThat(cli).isEqualTo(api);
    assertThat(api.path("counted_eur").asString()).isNotIn("0", "0.00");
    int rows = 0;
    for (JsonNode ally : api.path("allies")) {
      WebElement row =
          console.browser.findElement(
              By.cssSelector("#gap-table tr[data-iso3='" + ally.path("iso3").asString() + "']"));
      var cells = row.findElements(By.tagName("td"));
      String iso3 = ally.path("iso3").asString();
      assertShows(cells.get(2).getText(), ally.path("fair_share_eur").asString(), iso3 + " fair");
      assertShows(cells.get(3).getText(), ally.path("counted_eur").asString(), iso3 + " counted");
      rows++;
    }
    assertThat(rows).isEqualTo(api.path("allies").size());
    console.screenshot("target/support-same-numbers.png");
  }

  /**
   * Checks that the console's text ("EUR 21.15 bn", "EUR 440.6 m", "EUR 12,345") is the amount
   * rounded to the digits it shows: within half of its last digit.
   */
  static void assertShows(String shown, String eur, String what) {
    Matcher m = MONEY.matcher(shown);
    assertThat(m.matches()).as(what + ": " + shown).isTrue();
    String digits = m.group(1).replace(",", "");
    double unit = "bn".equals(m.group(2)) ? 1e9 : "m".equals(m.group(2)) ? 1e6 : 1;
    int decimals = digits.contains(".") ? digits.length() - digits.indexOf('.') - 1 : 0;
    double half = unit * Math.pow(10, -decimals) / 2;
    assertThat(Double.parseDouble(digits) * unit)
        .as(what + ": " + shown + " for EUR " + eur)
        .isCloseTo(Double.parseDouble(eur), within(half * 1.0001));
  }

  private static final Pattern MONEY = Pattern.compile("EUR (-?[0-9,.]+)(?: (bn|m))?");

  /** Runs the command line on the node's home and reads its JSON output. */
  static JsonNode cli(String... args) {
    String previousHome = System.getProperty("bulwark.home");
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setProperty("bulwark.home", console.home.toString());
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(BulwarkMain.execute(args)).as(String.join(" ", args)).isZero();
    } finally {
      System.setOut(stdout);
      if (previousHome == null) {
        System.clearProperty("bulwark.home");
      } else {
        System.setProperty("bulwark.home", previousHome);
      }
    }
    return JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
  }
}
