package dev.bulwark.node;

import java.util.function.Consumer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Bulwark node as a Spring Boot application: storage, TAXII, REST, console.
 *
 * <p>Started only by {@code bulwark serve} and {@code bulwark demo}; the other commands run on the
 * libraries alone. Each feature package brings its own configuration class.
 */
@SpringBootApplication
public class BulwarkNodeApplication {

  /** Starts the node with Spring's usual command-line properties ({@code --server.port=N}, ...). */
  public static ConfigurableApplicationContext start(String... args) {
    return new SpringApplication(BulwarkNodeApplication.class).run(args);
  }

  /**
   * Starts the node and hands its context to {@code created} before the context is refreshed (so
   * before the database opens): {@code bulwark demo} must know the context of a start it stops.
   */
  public static ConfigurableApplicationContext start(
      Consumer<ConfigurableApplicationContext> created, String... args) {
    SpringApplication app = new SpringApplication(BulwarkNodeApplication.class);
    app.addInitializers(created::accept);
    return app.run(args);
  }
}
