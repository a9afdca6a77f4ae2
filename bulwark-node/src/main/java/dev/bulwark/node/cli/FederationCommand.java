package dev.bulwark.node.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.federation.CursorStore;
import dev.bulwark.node.federation.FederationStatus;
import dev.bulwark.node.federation.PeerStore;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.NodeSettings;
import dev.bulwark.node.store.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code bulwark federation status}: per peer and collection, cursor, lag and last error. Not
 * thread-safe.
 */
@Command(
    name = "federation",
    mixinStandardHelpOptions = true,
    description = "Show how the exchange with each peer stands.",
    subcommands = {FederationCommand.Status.class})
final class FederationCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Per peer, collection and direction: cursor, objects moved, lag, last error.")
  static final class Status implements Callable<Integer> {
    @Override
    public Integer call() {
      NodeSettings settings = NodeSettings.load();
      try (HikariDataSource ds = PeerCommand.open()) {
        ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
        List<FederationStatus.Line> lines =
            FederationStatus.report(
                new PeerStore(ds),
                new CursorStore(ds),
                store,
                new AccessPolicy(store),
                settings.nation());
        if (lines.isEmpty()) {
          System.out.println("no peers: add one with bulwark peer add");
          return 0;
        }
        System.out.printf(
            "%-16s %-4s %-5s %-16s %-28s %9s %7s %9s %-8s %s%n",
            "PEER",
            "NAT",
            "DIR",
            "COLLECTION",
            "CURSOR",
            "OBJECTS",
            "REFUSED",
            "LAG",
            "STATE",
            "LAST OK");
        boolean failing = false;
        Set<String> errors = new LinkedHashSet<>();
        for (FederationStatus.Line l : lines) {
          failing |= l.failing();
          if (l.failing()) {
            errors.add(l.peer() + ": " + l.lastError());
          }
          System.out.printf(
              "%-16s %-4s %-5s %-16s %-28s %9d %7d %9s %-8s %s%n",
              l.peer(),
              l.nation(),
              l.direction(),
              l.collection(),
              l.cursor(),
              l.objects(),
              l.refused(),
              l.lagObjects().map(String::valueOf).orElse("-"),
              l.failing() ? "FAILING" : l.lastSuccess().isPresent() ? "ok" : "waiting",
              l.lastSuccess().map(t -> ago(t) + " ago").orElse("never"));
        }
        // the reasons below the table, once per peer and reason, whole (they say what to run)
        errors.forEach(System.out::println);
        return failing ? 1 : 0;
      }
    }

    private static String ago(Instant t) {
      Duration d = Duration.between(t, Instant.now());
      return d.toSeconds() < 120
          ? d.toSeconds() + "s"
          : d.toMinutes() < 120 ? d.toMinutes() + "m" : d.toHours() + "h";
    }
  }
}
