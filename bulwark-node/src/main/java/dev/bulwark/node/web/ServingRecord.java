package dev.bulwark.node.web;

import dev.bulwark.node.store.ServingFile;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code BULWARK_HOME/node.serving} while the node serves ({@link ServingFile}), for {@code
 * bulwark status}. Spring calls it on its own thread at start and stop; not thread-safe otherwise.
 */
@Component
class ServingRecord {
  private final Path home;

  ServingRecord(@Value("${bulwark.home}") String home) {
    this.home = Path.of(home);
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    boolean tls =
        event
            .getApplicationContext()
            .getEnvironment()
            .getProperty("server.ssl.enabled", Boolean.class, false);
    int port = -1;
    if (event.getApplicationContext() instanceof WebServerApplicationContext web
        && web.getWebServer() != null) {
      port = web.getWebServer().getPort();
    }
    ServingFile.write(home, (tls ? "https" : "http") + "://localhost:" + port + "/");
  }

  @EventListener
  void closed(ContextClosedEvent event) {
    ServingFile.remove(home);
  }
}
