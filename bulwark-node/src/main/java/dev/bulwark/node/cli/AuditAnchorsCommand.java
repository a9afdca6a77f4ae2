package dev.bulwark.node.cli;

import dev.bulwark.node.audit.AnchorJson;
import dev.bulwark.node.audit.AnchorStore;
import dev.bulwark.node.audit.AnchorStore.Direction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark audit anchors}: the audit chain heads this node sent to its peers and received
 * from them; {@code --json} writes the export another node checks its chain against. Not
 * thread-safe.
 */
@Command(
    name = "anchors",
    mixinStandardHelpOptions = true,
    description = {
      "List the audit anchors (chain heads) this node sent to its peers and received from them.",
      "--json writes them in the form a peer's admin checks that peer's log with: bulwark audit verify --anchors FILE."
    },
    footer = "Exit status: 0 listed, 2 store or file unreadable.")
final class AuditAnchorsCommand implements Callable<Integer> {
  @Option(
      names = "--peer",
      paramLabel = "NAME",
      description =
          "Only anchors exchanged with this peer (its peer name for sent, its principal for received).")
  String peer;

  @Option(
      names = "--direction",
      paramLabel = "sent|received",
      description = "Only sent or only received anchors.")
  String direction;

  @Option(
      names = "--json",
      description = "Write JSON (the export bulwark audit verify --anchors reads).")
  boolean json;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of stdout.")
  Path output;

  @Override
  public Integer call() {
    Optional<Direction> only;
    try {
      only = Optional.ofNullable(direction).map(Direction::parse);
    } catch (IllegalArgumentException e) {
      System.err.println("bulwark audit anchors: --direction is sent or received");
      return 2;
    }
    try (NodeStores stores = new NodeStores()) {
      List<AnchorStore.Exchanged> anchors =
          new AnchorStore(stores.dataSource).list(only, Optional.ofNullable(peer));
      String text;
      if (json) {
        text = AnchorJson.export(stores.settings.nation(), anchors) + "\n";
      } else {
        StringBuilder b = new StringBuilder();
        if (anchors.isEmpty()) {
          b.append("no anchors\n");
        }
        for (AnchorStore.Exchanged e : anchors) {
          b.append(
              String.format(
                  "%-8s %-20s %-4s #%d %s at %s%n",
                  e.direction().label(),
                  e.peer(),
                  e.nation(),
                  e.anchor().seq(),
                  e.anchor().link(),
                  instant(e.atMicros())));
        }
        text = b.toString();
      }
      if (output == null) {
        System.out.print(text);
      } else {
        Files.writeString(output, text, StandardCharsets.UTF_8);
        System.out.printf("wrote %d anchor(s) to %s%n", anchors.size(), output);
      }
      return 0;
    } catch (IOException e) {
      System.err.println("bulwark audit anchors: cannot write " + output + ": " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      System.err.println(
          "bulwark audit anchors: cannot open the node's store: "
              + StixImportCommand.rootMessage(e));
      return 2;
    }
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1_000L);
  }
}
