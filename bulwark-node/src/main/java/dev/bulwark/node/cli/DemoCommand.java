package dev.bulwark.node.cli;

import dev.bulwark.node.BulwarkNodeApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code bulwark demo}: starts the node on a fresh embedded database, loads demo content and says
 * where to look. Without {@code --home} its data goes to a temporary folder deleted at exit ({@link
 * DemoHome}). Not thread-safe.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Start a node on a fresh embedded database with demo content and print where to look.")
final class DemoCommand implements Callable<Integer> {

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description =
          "Folder for the demo node's data, kept (default: a new temporary folder, deleted at"
              + " exit).")
  Path home;

  @Unmatched List<String> springArgs = new ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path dir = home != null ? home : Files.createTempDirectory("bulwark-demo-");
    Files.createDirectories(dir);
    List<String> args = new ArrayList<>();
    args.add("--bulwark.home=" + dir.toAbsolutePath());
    args.add("--bulwark.demo=true");
    if (home == null) {
      // Tomcat's own work folder would be a second temporary folder, left behind at each exit
      args.add("--server.tomcat.basedir=" + dir.toAbsolutePath().resolve("tomcat"));
    }
    args.addAll(springArgs);
    AtomicReference<ConfigurableApplicationContext> created = new AtomicReference<>();
    if (home == null) {
      // before the start: a SIGTERM during it (the demo content takes a while) must clean up too
      Runtime.getRuntime().addShutdownHook(DemoHome.deleteWhenClosed(created::get, dir));
    }
    ConfigurableApplicationContext context =
        BulwarkNodeApplication.start(created::set, args.toArray(String[]::new));
    NodeRunner.runUntilClosed(context);
    return 0;
  }
}
