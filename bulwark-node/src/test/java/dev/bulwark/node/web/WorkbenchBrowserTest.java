package dev.bulwark.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.TempDirs;
import dev.bulwark.node.testing.NodeHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analyst's workbench in a real browser (Debian's chromium) at 1280×720, on a real demo node
 * (the demo loads {@code demo/poisonivy.json}): an analyst coming from MISP finds the workbench in
 * the console's navigation, searches "Poison Ivy" and lands on the malware, walks its graph,
 * creates an indicator marked TLP:AMBER releasable to DEU and reads "readable by: EST (origin),
 * DEU" before saving; as the demo's admin adds a principal (its token shown once) and a peer, and
 * verifies the audit chain. And the attacker's view: a reader of another nation sees nothing of an
 * EST-only object, neither in search, nor in the graph, nor as a page (denied looks like missing).
 * Screenshots of each step go to {@code target/wb-*.png}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserTest {
  static final String POISON_IVY = "malware--591f0cb7-d66f-4e14-a8e6-5927b597f920";
  static ConfigurableApplicationContext node;
  static Path home;
  static String base;
  static String adminToken;
  static String deuToken;
  static WebDriver browser;
  static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    DebianChromium.assumeInstalled();
    home = TempDirs.create("bulwark-workbench-test-");
    node =
        BulwarkNodeApplication.start(
            "--server.port=0",
            "--bulwark.home=" + home,
            "--spring.datasource.url=" + NodeDatabase.defaultUrl(home),
            "--bulwark.demo=true",
            "--bulwark.maritime.enabled=false",
            "--bulwark.security.pbkdf2-iterations=1000",
            "--logging.level.root=WARN");
    base = "https://localhost:" + node.getEnvironment().getProperty("local.server.port");
    PrincipalStore principals = node.getBean(PrincipalStore.class);
    // the README's way in: the admin principal the demo prints (and keeps in demo-tokens.txt)
    adminToken =
        Files.readAllLines(home.resolve("demo-tokens.txt")).stream()
            .filter(l -> l.startsWith("admin "))
            .map(l -> l.substring("admin ".length()).trim())
            .findFirst()
            .orElseThrow();
    deuToken =
        principals
            .add(
                "deu-reader",
                "DEU",
                EnumSet.of(Role.READER),
                Optional.empty(),
                0L,
                Optional.empty())
            .token();
    browser = DebianChromium.start("1280,720", "--ignore-certificate-errors");
    // exports are downloads: checked in the page, never written to the machine's Downloads
    ((ChromeDriver) browser)
        .executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "deny"));
    wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(200));
    wait.ignoring(StaleElementReferenceException.class);
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
  @Order(1)
  void anAnalystFromMispSearchesWalksTheGraphCreatesAnIndicatorAndAdministers() {
    // 1. the console's navigation leads to the workbench
    browser.get(base + "/console/register.html");
    signIn("admin", adminToken);
    wait.until(d -> d.findElement(By.id("nav-workbench")).isDisplayed());
    browser.findElement(By.id("nav-workbench")).click();
    wait.until(d -> count(d, "#results tr[data-id]") >= 1);
    assertThat(browser.findElement(By.id("nav-workbench")).getDomAttribute("aria-current"))
        .isEqualTo("page");
    screenshot("wb-1-workbench");

    // 2. search "Poison Ivy" (the keyboard: '/' goes to the search box) and land on the malware
    new Actions(browser).sendKeys("/").perform();
    wait.until(d -> "q".equals(d.switchTo().activeElement().getDomAttribute("id")));
    new Actions(browser).sendKeys("Poison Ivy", Keys.ENTER).perform();
    String row = "#results tr[data-id='" + POISON_IVY + "']";
    wait.until(d -> count(d, row) == 1);
    assertThat(browser.findElement(By.cssSelector(row)).getText()).contains("Poison Ivy");
    screenshot("wb-2-search");
    browser.findElement(By.cssSelector(row + " input[type=checkbox]")).click();
    browser.findElement(By.id("export-selection")).click();
    wait.until(d -> "1".equals(d.findElement(By.tagName("body")).getDomAttribute("data-exported")));
    browser.findElement(By.cssSelector(row + " a.result-link")).click();
    wait.until(
        d ->
            d.findElement(By.id("object-title")).getText().contains("Poison Ivy")
                && count(d, "#graph g.node") >= 2);
    assertThat(browser.getCurrentUrl()).endsWith("#object/" + POISON_IVY);
    assertThat(text("object-fields")).contains("malware").contains("EST");
    assertThat(text("object-readers")).contains("EST").contains("origin");
    assertThat(browser.findElement(By.id("object-json")).isDisplayed()).isFalse();
    new Actions(browser).sendKeys("J").perform();
    wait.until(d -> d.findElement(By.id("object-json")).getText().contains(POISON_IVY));
    new Actions(browser).sendKeys("J").perform();
    screenshot("wb-3-object");

    // 3. walk the graph: the report that contains the malware, expanded one hop, then opened
    String report = "#graph g.node[data-type='report']";
    wait.until(d -> count(d, report) == 1);
    int before = count(browser, "#graph g.node");
    js("document.querySelector(arguments[0]).focus();", report);
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    wait.until(d -> count(d, "#graph g.node") > before);
    wait.until(d -> text("graph-node").contains("expanded"));
    screenshot("wb-4-graph");
    browser.findElement(By.id("graph-open")).click();
    wait.until(d -> d.findElement(By.id("object-title")).getText().contains("Assessing Damage"));
    browser.navigate().back();
    wait.until(d -> d.findElement(By.id("object-title")).getText().contains("Poison Ivy"));

    // 4. create an indicator: the pattern is checked as typed; the readers are shown before saving
    browser.findElement(By.id("tab-new")).click();
    wait.until(d -> d.findElement(By.id("field-pattern")).isDisplayed());
    new Select(browser.findElement(By.id("new-type"))).selectByValue("indicator");
    browser.findElement(By.id("field-name")).sendKeys("Poison Ivy C2 beacon");
    WebElement pattern = browser.findElement(By.id("field-pattern"));
    pattern.sendKeys("[ipv4-addr:value = '203.0.113.9'");
    wait.until(d -> text("pattern-check").contains("✗"));
    pattern.sendKeys("]");
    wait.until(d -> text("pattern-check").contains("valid STIX pattern"));
    new Select(browser.findElement(By.id("new-tlp"))).selectByValue("amber");
    browser.findElement(By.id("new-rel")).sendKeys("DEU");
    wait.until(d -> text("readable-by").contains("readable by: EST (origin), DEU"));
    screenshot("wb-5-create");
    browser.findElement(By.id("save-button")).click();
    wait.until(d -> !d.findElements(By.id("saved-link")).isEmpty());
    String created = browser.findElement(By.id("saved-link")).getText();
    JsonNode page =
        new NodeHttp(base, "admin", adminToken, home).getJson("/api/intel/objects/" + created);
    assertThat(page.path("object").path("pattern").asString())
        .isEqualTo("[ipv4-addr:value = '203.0.113.9']");
    assertThat(page.path("readable_by").path("label").asString())
        .isEqualTo("readable by: EST (origin), DEU");
    browser.findElement(By.id("saved-link")).click();
    wait.until(d -> text("object-readers").contains("DEU"));

    // 4a. edit it (e): a new version; the diff between the two names what changed
    new Actions(browser).sendKeys("e").perform();
    wait.until(d -> d.findElement(By.id("save-button")).getText().contains("new version"));
    browser.findElement(By.id("field-description")).sendKeys("Beacons every 60 s.");
    browser.findElement(By.id("save-button")).click();
    wait.until(d -> !d.findElements(By.id("saved-link")).isEmpty());
    browser.findElement(By.id("saved-link")).click();
    wait.until(d -> count(d, "#versions li") == 2);
    browser.findElement(By.id("diff-button")).click();
    wait.until(d -> text("diff").contains("description"));
    assertThat(text("diff")).contains("Beacons every 60 s.");

    // 4b. a bundle dropped on the import zone: one object refused, so nothing is stored
    browser.findElement(By.id("tab-import")).click();
    wait.until(d -> d.findElement(By.id("drop-zone")).isDisplayed());
    drop(
        "{\"type\":\"bundle\",\"id\":\"bundle--6f0d5a4e-3c52-4b7e-9a43-0d1f5e2b7c11\",\"objects\":["
            + "{\"type\":\"malware\",\"spec_version\":\"2.1\","
            + "\"id\":\"malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061\","
            + "\"created\":\"2026-12-01T00:00:00.000Z\",\"modified\":\"2026-12-01T00:00:00.000Z\","
            + "\"name\":\"Dropped RAT\",\"is_family\":true},"
            + "{\"type\":\"indicator\",\"spec_version\":\"2.1\","
            + "\"id\":\"indicator--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0062\","
            + "\"created\":\"2026-12-01T00:00:00.000Z\",\"modified\":\"2026-12-01T00:00:00.000Z\","
            + "\"pattern\":\"[ipv4-addr:value = \",\"pattern_type\":\"stix\","
            + "\"valid_from\":\"2026-12-01T00:00:00Z\"}]}");
    wait.until(d -> count(d, "#import-table tr[data-status='refused']") == 1);
    assertThat(text("import-summary")).contains("stored whole or not at all");
    assertThat(
            new NodeHttp(base, "admin", adminToken, home)
                .get("/api/intel/objects/malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061")
                .statusCode())
        .isEqualTo(404);
    screenshot("wb-5b-import");

    // 5. administration: add a principal (token shown once), a peer, verify the audit chain
    browser.findElement(By.id("tab-admin")).click();
    wait.until(d -> count(d, "#principals-table tr[data-name='admin']") == 1);
    browser.findElement(By.id("p-name")).sendKeys("fin-liaison");
    browser.findElement(By.id("p-nation")).clear();
    browser.findElement(By.id("p-nation")).sendKeys("FIN");
    browser.findElement(By.id("p-add")).click();
    wait.until(d -> !d.findElements(By.id("new-token")).isEmpty());
    String token = text("new-token");
    assertThat(count(browser, "#principals-table tr[data-name='fin-liaison']")).isEqualTo(1);
    assertThat(browser.findElement(By.id("copy-token")).isDisplayed()).isTrue();
    screenshot("wb-6-principal");
    HttpResponse<String> asNew =
        new NodeHttp(base, "fin-liaison", token, home).get("/api/intel/search?q=x&limit=1");
    assertThat(asNew.statusCode()).isEqualTo(200);
    // change its roles and expiry in place: contributor added, expires at the end of 2099
    String liaison = "#principals-table tr[data-name='fin-liaison'] ";
    browser.findElement(By.cssSelector(liaison + ".edit-principal")).click();
    wait.until(d -> count(d, liaison + ".save-principal") == 1);
    browser.findElement(By.cssSelector(liaison + "input[value='contributor']")).click();
    js(
        "const i = document.querySelector(arguments[0]); i.value = '2099-12-31';",
        liaison + "input[type=date]");
    browser.findElement(By.cssSelector(liaison + ".save-principal")).click();
    wait.until(
        d ->
            count(d, liaison + ".save-principal") == 0
                && d.findElement(By.cssSelector(liaison + "td:nth-child(3)"))
                    .getText()
                    .contains("contributor"));
    assertThat(browser.findElement(By.cssSelector(liaison + "td:nth-child(5)")).getText())
        .isEqualTo("2099-12-31");
    assertThat(node.getBean(PrincipalStore.class).find("fin-liaison").orElseThrow().rolesLabel())
        .isEqualTo("reader,contributor");
    screenshot("wb-6b-principal-changed");

    browser.findElement(By.id("admin-tab-peers")).click();
    wait.until(d -> !d.findElements(By.id("peer-form")).isEmpty());
    browser.findElement(By.id("peer-name")).sendKeys("fin");
    browser.findElement(By.id("peer-nation")).sendKeys("FIN");
    browser.findElement(By.id("peer-url")).sendKeys("https://localhost:9/bulwark/");
    browser.findElement(By.id("peer-token")).sendKeys("bwk_not-a-real-token");
    browser.findElement(By.id("peer-fingerprint")).sendKeys("AB:".repeat(31) + "AB");
    browser.findElement(By.id("peer-add")).click();
    wait.until(d -> count(d, ".peer[data-peer='fin']") == 1);
    // never reached: not "ok" (a failed exchange in the meantime says "failing")
    assertThat(browser.findElement(By.cssSelector(".peer[data-peer='fin'] .peer-status")).getText())
        .isIn("never reached", "failing");
    browser.findElement(By.cssSelector(".peer[data-peer='fin'] .peer-test-button")).click();
    wait.until(
        d -> {
          String t = d.findElement(By.cssSelector(".peer[data-peer='fin'] .peer-test")).getText();
          return !t.isEmpty() && !t.contains("testing");
        });
    assertThat(text("admin-body")).contains("failed");
    screenshot("wb-7-peer");

    browser.findElement(By.id("admin-tab-audit")).click();
    wait.until(d -> count(d, "#audit-table tbody tr") >= 1);
    browser.findElement(By.id("verify-chain")).click();
    wait.until(d -> text("verify-result").contains("intact"));
    screenshot("wb-8-audit");
    // follow one principal: every record shown is theirs
    js("location.hash = '#admin/audit?principal=admin';");
    wait.until(
        d ->
            "principal=admin"
                    .equals(d.findElement(By.id("admin-body")).getDomAttribute("data-query"))
                && count(d, "#audit-table tbody tr") >= 1);
    List<WebElement> rows = browser.findElements(By.cssSelector("#audit-table tbody tr"));
    assertThat(rows).allMatch(r -> r.getText().contains("admin"));
  }

  @Test
  @Order(2)
  void aReaderOfAnotherNationSeesNothingOfAnEstOnlyObject() {
    // EST shares one indicator with everyone (TLP:GREEN) and links it to its own malware, which
    // is not marked and so EST's alone
    NodeHttp est = new NodeHttp(base, "admin", adminToken, home);
    String shared =
        created(
            est.post(
                "/api/intel/objects?collection=intel",
                "{\"object\":{\"type\":\"indicator\",\"name\":\"Shared beacon\",\"pattern\":"
                    + "\"[domain-name:value = 'beacon.example']\",\"pattern_type\":\"stix\","
                    + "\"valid_from\":\"2026-12-01T00:00:00Z\"},\"tlp\":\"green\"}"));
    created(
        est.post(
            "/api/intel/objects?collection=intel",
            "{\"object\":{\"type\":\"relationship\",\"relationship_type\":\"indicates\","
                + "\"source_ref\":\""
                + shared
                + "\",\"target_ref\":\""
                + POISON_IVY
                + "\"},\"tlp\":\"green\"}"));

    // a new sign-in: the tab forgets the admin's credentials, the page loads afresh
    browser.get(base + "/console/workbench.html");
    js("sessionStorage.clear(); location.hash = '#search';");
    browser.navigate().refresh();
    signIn("deu-reader", deuToken);
    wait.until(d -> d.findElement(By.id("results")).getText().length() > 0);
    assertThat(browser.findElement(By.id("tab-admin")).isDisplayed()).isFalse();

    // DEU finds what was released to it (the indicator EST marked AMBER releasable to DEU),
    // never EST's malware, not even in the counts
    search("Poison Ivy");
    wait.until(d -> text("workbench-status").contains("“Poison Ivy”"));
    assertThat(count(browser, "#results tr[data-id='" + POISON_IVY + "']")).isZero();
    assertThat(count(browser, "#results tr[data-type='malware']")).isZero();
    assertThat(text("results")).doesNotContain("Poison Ivy: Assessing");
    assertThat(text("results-count")).doesNotContain("malware");
    search("Shared beacon");
    wait.until(d -> count(d, "#results tr[data-id='" + shared + "']") == 1);

    js("location.hash = '#object/" + shared + "';");
    wait.until(
        d ->
            d.findElement(By.id("object-title")).getText().contains("Shared beacon")
                && count(d, "#graph g.node") >= 1);
    assertThat(count(browser, "#graph g.node[data-id='" + POISON_IVY + "']")).isZero();
    assertThat(browser.findElement(By.id("graph")).getText()).doesNotContain("Poison Ivy");
    assertThat((String) js("return document.getElementById('view-object').outerHTML;"))
        .doesNotContain(POISON_IVY);

    js("location.hash = '#object/" + POISON_IVY + "';");
    wait.until(d -> d.findElement(By.id("object-title")).getText().equals("No such object"));
    String denied = text("view-object").replace(POISON_IVY, "ID");
    screenshot("wb-9-denied");
    String random = "malware--00000000-0000-4000-8000-000000000000";
    js("location.hash = '#object/" + random + "';");
    wait.until(d -> text("view-object").contains(random));
    assertThat(text("view-object").replace(random, "ID")).isEqualTo(denied);
    assertThat(denied).doesNotContain("Poison Ivy").doesNotContain("mitigates");
  }

  private static String created(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JsonMapper.builder().build().readTree(r.body()).path("id").asString();
  }

  /** Drops a file on the import zone, as a user's drag and drop does. */
  private static void drop(String content) {
    js(
        "const dt = new DataTransfer();"
            + " dt.items.add(new File([arguments[0]], 'bundle.json', {type: 'application/json'}));"
            + " document.getElementById('drop-zone').dispatchEvent("
            + "new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
        content);
  }

  private static void search(String q) {
    WebElement box = browser.findElement(By.id("q"));
    box.clear();
    box.sendKeys(q, Keys.ENTER);
  }

  private static void signIn(String user, String token) {
    wait.until(d -> d.findElement(By.id("login-user")).isDisplayed());
    browser.findElement(By.id("login-user")).sendKeys(user);
    browser.findElement(By.id("login-password")).sendKeys(token);
    browser.findElement(By.id("login-submit")).click();
    wait.until(d -> !d.findElement(By.id("login")).isDisplayed());
  }

  private static String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private static int count(WebDriver d, String css) {
    Object n =
        ((JavascriptExecutor) d)
            .executeScript("return document.querySelectorAll(arguments[0]).length;", css);
    return ((Number) n).intValue();
  }

  private static void screenshot(String name) {
    try {
      Files.write(
          Path.of("target", name + ".png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException | RuntimeException e) {
      // a missing screenshot is not a failure of the page
    }
  }
}
