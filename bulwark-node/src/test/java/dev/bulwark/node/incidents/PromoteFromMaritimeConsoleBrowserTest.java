package dev.bulwark.node.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.maritime.MaritimeDemo;
import dev.bulwark.node.web.ConsoleBrowser;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * On the demo node, in Chromium: the officer opens a live maritime alert and presses {@code p}; the
 * alert is in the register, with the alert itself as evidence, and the register page lists it.
 */
class PromoteFromMaritimeConsoleBrowserTest {
  static ConsoleBrowser console;
  static ConfigurableApplicationContext node;
  static String base;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    console =
        ConsoleBrowser.startTls("bulwark-promote-console-", "1400,900", "--bulwark.demo=true");
    node = console.node;
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
  void pressingPOnAnOpenAlertPutsItInTheRegisterWithItsEvidence() {
    MaritimeDemo.Credentials who = node.getBean(MaritimeDemo.class).credentials().orElseThrow();
    browser.get(base + "/console/");
    browser.findElement(By.id("login-user")).sendKeys(who.user());
    browser.findElement(By.id("login-password")).sendKeys(who.password());
    browser.findElement(By.id("login-submit")).click();
    new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(250))
        .until(d -> d.findElements(By.cssSelector("#alert-list li.alert-item")).size() >= 1);
    browser.findElement(By.id("alert-list")).click();
    new Actions(browser).sendKeys("j").sendKeys("k").sendKeys(Keys.ENTER).perform();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.until(d -> d.findElement(By.id("alert-detail")).isDisplayed());
    new Actions(browser).sendKeys("p").perform();
    wait.until(
        d ->
            String.valueOf(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return document.getElementById('promote-result').textContent;"))
                .contains("In the register as incident--"));
    String status =
        String.valueOf(
            ((JavascriptExecutor) browser)
                .executeScript("return document.getElementById('promote-result').textContent;"));
    String id = status.substring(status.indexOf("incident--")).trim();
    browser.get(base + "/console/register.html");
    wait.until(
        d ->
            d.findElements(By.cssSelector("#incident-table tr[data-id='" + id + "']")).size() == 1);
    assertThat(
            browser
                .findElement(By.cssSelector("#incident-table tr[data-id='" + id + "']"))
                .getText())
        .contains("Promoted alert");
  }
}
