package dev.bulwark.node.cli;

import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.store.NodeSettings;
import dev.bulwark.node.support.ContributionStore;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.ContributionLedger;
import dev.bulwark.support.contribution.ImportResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The support ledger the support commands work on: the node's own ledger in its database (the one
 * the API and the console show, so all three print the same numbers), or, with {@code --ledger
 * FILE}, a CSV file alone (no node). Says which one on stderr, and says when it is empty rather
 * than letting every ally's whole fair share read as a gap. Not thread-safe.
 */
final class SupportHome {

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description =
          "Bulwark home of the node whose ledger to use (default: $BULWARK_HOME, else ~/.bulwark).")
  Path home;

  @Option(
      names = "--ledger",
      paramLabel = "FILE",
      description =
          "Work on this CSV ledger file alone, without a node (the default is the node's ledger"
              + " in its database).")
  Path ledgerFile;

  private Path base() {
    Path base = home;
    if (base == null) {
      return NodeSettings.load().home();
    }
    return base;
  }

  private NodeSettings settings() {
    return home == null ? NodeSettings.load() : NodeSettings.load(home);
  }

  /**
   * The store of the node whose home this is, to record a ledger write in its audit log; opened
   * before the write, so that a write that cannot be recorded is not made.
   */
  NodeStores nodeStores() {
    try {
      return new NodeStores(settings());
    } catch (RuntimeException e) {
      throw new SupportFailure(
          2,
          "cannot open the node's store, so nothing is imported: "
              + StixImportCommand.rootMessage(e));
    }
  }

  /** Whether the commands work on a file alone. */
  boolean fileOnly() {
    return ledgerFile != null;
  }

  /** The file ledger ({@code --ledger FILE}); only in file-only mode. */
  ContributionLedger ledger() {
    return ContributionLedger.inFile(ledgerFile);
  }

  /** Where the ledger is, for messages. */
  String where() {
    return fileOnly() ? ledgerFile.toString() : "the ledger of the node at " + base();
  }

  /**
   * The ledger's entries for figures (fair shares, gaps, forecasts, reports): as {@link #load}, and
   * an empty ledger is said on stderr.
   */
  List<Contribution> counted() {
    List<Contribution> entries = load();
    if (entries.isEmpty()) {
      emptyNotice(System.err);
    }
    return entries;
  }

  /** The ledger's entries; a corrupt ledger is reported as an unreadable input. */
  List<Contribution> load() {
    List<Contribution> entries;
    if (fileOnly()) {
      try {
        entries = ledger().load();
      } catch (RuntimeException e) {
        throw new SupportFailure(2, e.getMessage());
      }
    } else {
      try (NodeStores stores = nodeStores()) {
        entries = new ContributionStore(stores.dataSource, Clock.systemUTC()).ledger();
      }
    }
    return entries;
  }

  void emptyNotice(PrintStream err) {
    err.println(
        "the support ledger is empty ("
            + where()
            + "): no contribution is counted, so a gap below is the whole fair share, not a"
            + " measured shortfall. Import contributions with bulwark support import FILE.");
  }

  /**
   * Adds an import's contributions to the ledger (the node's, in one transaction, or the file) and
   * records it in the node's audit log; returns where they went.
   */
  String append(ImportResult result, String action, String source, String detail) {
    try (NodeStores stores = nodeStores()) {
      String into;
      if (fileOnly()) {
        ledger().append(result);
        into = ledgerFile.toString();
      } else {
        new ContributionStore(stores.dataSource, Clock.systemUTC())
            .addAll(
                result.contributions().stream()
                    .map(c -> new ContributionStore.NewEntry(c, ""))
                    .toList(),
                "cli:" + NodeStores.operator(),
                stores.settings.nation(),
                source);
        into = "the node's ledger";
      }
      stores.record(
          action,
          "",
          AuditEntry.Decision.ALLOW,
          List.of(),
          source + ": " + result.contributions().size() + " contributions into " + into + detail);
      return into;
    }
  }
}
