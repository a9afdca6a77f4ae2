package dev.bulwark.node.cli;

import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.store.NodeSettings;
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
    List<String> args = new ArrayList<>();
    if (springArgs.stream().noneMatch(a -> a.startsWith("--bulwark.home="))) {
      // an absolute home: H2 refuses a database path relative to the working folder, and
      // BULWARK_HOME=est ./bulwark serve is how the README's federation script starts a node
      args.add("--bulwark.home=" + NodeSettings.load().home().toAbsolutePath().normalize());
    }
    // a start failure is said in one line by CommandFailures (e.g. a busy port, with the hint),
    // not by Spring's failure report and stack trace
    args.add("--logging.level.org.springframework.boot.diagnostics=OFF");
    args.addAll(springArgs);
    NodeRunner.runUntilClosed(BulwarkNodeApplication.start(args.toArray(String[]::new)));
    return 0;
  }
}
