package dev.bulwark.node.web;

import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.TempDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The set-up every console browser test shares: one real node on a random port with its home in a
 * {@link TempDirs} folder, one headless Chromium ({@link DebianChromium}), principals, the sign-in
 * dialog of the shared shell, and the small page helpers (script, count, screenshot). A test class
 * starts one in {@code @BeforeAll} and closes it in {@code @AfterAll}. Not thread-safe (one
 * browser).
 */
public final class ConsoleBrowser implements AutoCloseable {
  /** The node, for its beans. */
  public final ConfigurableApplicationContext node;

  /** {@code http://localhost:PORT}. */
  public final String base;

  /** The node's home folder (deleted at JVM exit). */
  public final Path home;

  /** The browser. */
  public final WebDriver browser;

  private ConsoleBrowser(
      ConfigurableApplicationContext node, String base, Path home, WebDriver browser) {
    this.node = node;
    this.base = base;
    this.home = home;
    this.browser = browser;
  }

  /**
   * Skips the test when Chromium is not installed (outside CI), then starts a node (port 0, H2 in a
   * new home, WARN logging, fast token hashes, plus {@code nodeArguments}) and a browser.
   */
  public static ConsoleBrowser start(String homePrefix, String windowSize, String... nodeArguments)
      throws IOException {
    return start("http", homePrefix, windowSize, nodeArguments);
  }

  /**
   * As {@link #start}, for a node that serves TLS with a self-signed certificate of its own (the
   * demo does): the base is {@code https://localhost:PORT} and the browser accepts that
   * certificate.
   */
  public static ConsoleBrowser startTls(
      String homePrefix, String windowSize, String... nodeArguments) throws IOException {
    return start("https", homePrefix, windowSize, nodeArguments);
  }

  private static ConsoleBrowser start(
      String scheme, String homePrefix, String windowSize, String... nodeArguments)
      throws IOException {
    DebianChromium.assumeInstalled();
    Path home = TempDirs.create(homePrefix);
    ConfigurableApplicationContext node = startNode(home, nodeArguments);
    String base = scheme + "://localhost:" + node.getEnvironment().getProperty("local.server.port");
    try {
      WebDriver browser =
          scheme.equals("https")
              ? DebianChromium.start(windowSize, "--ignore-certificate-errors")
              : DebianChromium.start(windowSize);
      return new ConsoleBrowser(node, base, home, browser);
    } catch (IOException | RuntimeException e) {
      node.close();
      throw e;
    }
  }

  /**
   * A node for a test (also without a browser): port 0, H2 in {@code home}, WARN logging, fast
   * token hashes, plus {@code nodeArguments}.
   */
  public static ConfigurableApplicationContext startNode(Path home, String... nodeArguments) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--bulwark.home=" + home,
                "--spring.datasource.url=" + NodeDatabase.defaultUrl(home),
                "--logging.level.root=WARN",
                "--bulwark.security.pbkdf2-iterations=1000"));
    args.addAll(List.of(nodeArguments));
    return BulwarkNodeApplication.start(args.toArray(String[]::new));
  }

  /** Adds a principal to the node and returns its token. */
  public String token(String name, String nation, Set<Role> roles) {
    return node.getBean(PrincipalStore.class)
        .add(name, nation, roles, Optional.empty(), 0L, Optional.empty())
        .token();
  }

  /** Opens a console page ({@code /console/x.html}) and signs in through the shell's dialog. */
  public void signIn(String page, String user, String token) {
    browser.get(base + page);
    waiting(Duration.ofSeconds(30)).until(d -> d.findElement(By.id("login-user")).isDisplayed());
    browser.findElement(By.id("login-user")).sendKeys(user);
    browser.findElement(By.id("login-password")).sendKeys(token);
    browser.findElement(By.id("login-submit")).click();
  }

  /** A wait on the browser, polling every 200 ms. */
  public WebDriverWait waiting(Duration timeout) {
    return new WebDriverWait(browser, timeout, Duration.ofMillis(200));
  }

  /** Runs a script in the page. */
  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  /** How many elements match the selector. */
  public int count(String css) {
    return count(browser, css);
  }

  /** How many elements match the selector (for use inside a wait's condition). */
  public static int count(WebDriver d, String css) {
    Object n =
        ((JavascriptExecutor) d)
            .executeScript("return document.querySelectorAll(arguments[0]).length;", css);
    return ((Number) n).intValue();
  }

  /** Saves a screenshot; a missing screenshot is not a failure of the page. */
  public void screenshot(String file) {
    try {
      Files.write(Path.of(file), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException | RuntimeException e) {
      // best effort: the page is checked by the assertions, not by the picture
    }
  }

  @Override
  public void close() {
    try {
      browser.quit();
    } finally {
      node.close();
    }
  }
}
