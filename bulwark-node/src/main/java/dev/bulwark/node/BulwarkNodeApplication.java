package dev.bulwark.node;

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
    SpringApplication app = new SpringApplication(BulwarkNodeApplication.class);
    return app.run(args);
  }
}
