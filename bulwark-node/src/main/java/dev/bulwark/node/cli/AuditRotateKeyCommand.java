package dev.bulwark.node.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.store.NodeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bulwark audit rotate-key}: adds a new audit key to BULWARK_HOME/audit.key that links
 * records from now on (the old keys stay to verify older records); {@code --replace-lost} starts a
 * new key file when the old one is lost. Both are recorded in the chain. Not thread-safe.
 */
@Command(
    name = "rotate-key",
    mixinStandardHelpOptions = true,
    description = {
      "Add a new audit key that links records from now on; older keys stay in BULWARK_HOME/audit.key to verify older records.",
      "A running node picks the new key up with the next record it appends."
    },
    footer = "Exit status: 0 rotated, 2 store or key unreadable.")
final class AuditRotateKeyCommand implements Callable<Integer> {
  @Option(
      names = "--replace-lost",
      description =
          "The key file is lost: start a new one. Keyed records before it can then no longer be verified.")
  boolean replaceLost;

  @Override
  public Integer call() {
    NodeSettings settings = NodeSettings.load();
    Path keyFile = NodeStores.keyFile(settings);
    try {
      if (replaceLost) {
        if (Files.exists(keyFile)) {
          System.err.println(
              "bulwark audit rotate-key: "
                  + keyFile
                  + " exists; --replace-lost is for a lost key file");
          return 2;
        }
        try (HikariDataSource ds = StoreNotice.open(settings, 2)) {
          AuditLog log =
              AuditLog.replaceLostKey(
                  ds, Clock.systemUTC(), keyFile, NodeStores.operator(), settings.nation());
          System.out.printf(
              "new audit key %s in %s; keyed records before #%d can no longer be verified%n",
              log.keys().current().id(), keyFile, log.keys().keyedFrom());
        }
        return 0;
      }
      try (NodeStores stores = new NodeStores(settings)) {
        String old = stores.audit.keys().current().id();
        AuditLog log = stores.audit.rotateKey(NodeStores.operator(), settings.nation());
        System.out.printf(
            "audit key %s replaces %s for new records (%s keeps both)%n",
            log.keys().current().id(), old, keyFile);
      }
      return 0;
    } catch (RuntimeException e) {
      System.err.println("bulwark audit rotate-key: " + StixImportCommand.rootMessage(e));
      return 2;
    }
  }
}
