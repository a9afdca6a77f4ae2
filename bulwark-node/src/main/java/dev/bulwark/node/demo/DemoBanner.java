package dev.bulwark.node.demo;

import dev.bulwark.node.misp.MispDemo;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the demo node is ready: loads the demo content and prints where to look. Runs once; not
 * thread-safe (Spring calls it on the starting thread).
 */
@Component
@ConditionalOnProperty(name = "bulwark.demo", havingValue = "true")
class DemoBanner {
  private final DemoContent content;
  private final String home;
  private final PrintStream out = System.out;

  DemoBanner(DemoContent content, @Value("${bulwark.home}") String home) {
    this.content = content;
    this.home = home;
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    List<String> loaded = content.load();
    String base = baseUrl(event);
    out.println();
    out.println("Bulwark demo node is running.");
    out.println("  data folder:  " + home);
    // the command line works on BULWARK_HOME: without this line it would open ~/.bulwark instead
    out.println("  command line: export BULWARK_HOME=" + Path.of(home).toAbsolutePath());
    out.println("                (then ./bulwark status, ./bulwark stix import FILE ...)");
    out.println("  demo content loaded into collection 'intel':");
    loaded.forEach(out::println);
    out.println("  health:       " + base + "/actuator/health");
    out.println("  TAXII 2.1:    " + base + "/taxii2/");
    out.println(
        "  MISP feed:    " + base + "/misp/feeds/" + MispDemo.COLLECTION + "/manifest.json");
    out.flush();
  }

  private static String baseUrl(ApplicationReadyEvent event) {
    boolean tls =
        event
            .getApplicationContext()
            .getEnvironment()
            .getProperty("server.ssl.enabled", Boolean.class, false);
    int port = 8080;
    if (event.getApplicationContext() instanceof WebServerApplicationContext web
        && web.getWebServer() != null) {
      port = web.getWebServer().getPort();
    }
    return (tls ? "https" : "http") + "://localhost:" + port;
  }
}
