package dev.bulwark.node.cli;

import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.ContributionLedger;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --home} option of the support commands and the file ledger under it. Not thread-safe.
 */
final class SupportHome {

  @Option(names = "--home", paramLabel = "DIR", description = "Bulwark home (default: $BULWARK_HOME, else ~/.bulwark); the ledger is DIR/support/contributions.csv.")
  Path home;

  Path supportDir() {
    Path base = home;
    if (base == null) {
      String env = System.getenv("BULWARK_HOME");
      base = Path.of(env != null && !env.isBlank() ? env : System.getProperty("user.home") + "/.bulwark");
    }
    return base.resolve("support");
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
