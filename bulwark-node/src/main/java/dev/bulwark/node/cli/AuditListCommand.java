package dev.bulwark.node.cli;

import dev.bulwark.node.audit.AuditRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bulwark audit list}: prints audit records, oldest first. Not thread-safe. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Print audit records, oldest first.")
final class AuditListCommand implements Callable<Integer> {
  @Option(
      names = "--after",
      defaultValue = "0",
      paramLabel = "SEQ",
      description = "Only records after this one.")
  long after;

  @Option(
      names = "--limit",
      defaultValue = "100",
      paramLabel = "N",
      description = "At most N records (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--principal",
      paramLabel = "NAME",
      description = "Only this principal's records.")
  String principal;

  @Override
  public Integer call() {
    try (NodeStores stores = new NodeStores()) {
      for (AuditRecord r : stores.audit.list(after, limit, Optional.ofNullable(principal))) {
        var e = r.entry();
        System.out.printf(
            "#%d %s %s/%s %s %s %s %d object(s) %s%n",
            r.seq(),
            Instant.ofEpochSecond(r.atMicros() / 1_000_000L, (r.atMicros() % 1_000_000L) * 1000L),
            e.principal(),
            e.nation(),
            e.action(),
            e.collectionId().isEmpty() ? "-" : e.collectionId(),
            e.decision(),
            e.objectRefs().size(),
            e.detail());
      }
      return 0;
    } catch (RuntimeException e) {
      System.err.println(
          "bulwark audit list: cannot open the node's store: " + StixImportCommand.rootMessage(e));
      return 2;
    }
  }
}
