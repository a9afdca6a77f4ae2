package dev.bulwark.node.cli;

import dev.bulwark.node.store.NodeSettings;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.ContributionLedger;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --home} option of the support commands and the file ledger under it. Not thread-safe.
 */
final class SupportHome {

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description =
          "Bulwark home (default: $BULWARK_HOME, else ~/.bulwark); the ledger is DIR/support/contributions.csv.")
  Path home;

  Path supportDir() {
    return base().resolve("support");
  }

  private Path base() {
    Path base = home;
    if (base == null) {
      String env = System.getenv("BULWARK_HOME");
      base =
          Path.of(
              env != null && !env.isBlank() ? env : System.getProperty("user.home") + "/.bulwark");
    }
    return base;
  }

  /**
   * The store of the node whose home this is, to record a ledger write in its audit log; opened
   * before the write, so that a write that cannot be recorded is not made.
   */
  NodeStores nodeStores() {
    try {
      return new NodeStores(NodeSettings.load(base()));
    } catch (RuntimeException e) {
      throw new SupportFailure(
          2,
          "cannot open the node's audit log, so nothing is imported: "
              + StixImportCommand.rootMessage(e));
    }
  }

  ContributionLedger ledger() {
    return new ContributionLedger(supportDir());
  }

  /** The ledger's entries; a corrupt ledger is reported as an unreadable input. */
  List<Contribution> load() {
    try {
      return ledger().load();
    } catch (RuntimeException e) {
      throw new SupportFailure(2, e.getMessage());
    }
  }
}
