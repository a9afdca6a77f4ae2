package dev.bulwark.node.cli;

import dev.bulwark.node.BulwarkNodeApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code bulwark serve}: starts the node and runs until it is stopped. Not thread-safe. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Start the node (TAXII, API, console, /actuator) with BULWARK_HOME's configuration.",
    footer =
        "Spring properties pass through, e.g. --server.port=8443 --spring.datasource.url=jdbc:postgresql://...")
final class ServeCommand implements Callable<Integer> {

  @Unmatched List<String> springArgs = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    NodeRunner.runUntilClosed(BulwarkNodeApplication.start(springArgs.toArray(String[]::new)));
    return 0;
  }
}
