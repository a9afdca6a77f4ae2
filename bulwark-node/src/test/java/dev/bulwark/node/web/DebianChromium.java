package dev.bulwark.node.web;

import dev.bulwark.node.store.TempDirs;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian chromium driven by Debian's chromedriver, for the console tests: explicit paths,
 * so Selenium never looks for (or downloads) a browser, and the flags that keep chromium off the
 * network. Outside CI a machine without the packages skips the test; under {@code CI=true} it
 * fails. Stateless.
 */
public final class DebianChromium {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private DebianChromium() {}

  /** Skips the calling test when the browser is missing on a developer's machine (never in CI). */
  public static void assumeInstalled() {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    Assumptions.assumeTrue(
        ci || (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)),
        "chromium and chromedriver are not installed (CI installs them)");
  }

  /**
   * A new headless browser with a fresh profile and the given window size, plus any extra flags.
   */
  public static WebDriver start(String windowSize, String... extraArguments) throws IOException {
    Path profile = TempDirs.create("bulwark-chromium-");
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=" + windowSize));
    arguments.addAll(List.of(extraArguments));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(arguments);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }
}
