package dev.bulwark.node.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.audit.AuditEntry;
import dev.bulwark.node.audit.AuditKeyring;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.store.NodeSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The node's principal table and audit log opened straight on its database (BULWARK_HOME), without
 * Spring, for the commands that read or write the node's store; every such write is recorded in the
 * audit log with {@link #record}. Close it when done. Not thread-safe.
 */
final class NodeStores implements AutoCloseable {
  final NodeSettings settings;
  final HikariDataSource dataSource;
  final PrincipalStore principals;
  final AuditLog audit;

  NodeStores() {
    this(NodeSettings.load());
  }

  NodeStores(NodeSettings settings) {
    this.settings = settings;
    dataSource = StoreNotice.open(settings, 2);
    try {
      principals =
          new PrincipalStore(
              dataSource,
              Clock.systemUTC(),
              Integer.getInteger(
                  "bulwark.security.pbkdf2-iterations", PrincipalStore.DEFAULT_ITERATIONS));
      audit = AuditLog.open(dataSource, Clock.systemUTC(), keyFile(settings), settings.nation());
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /** Where the node's audit key lives: {@code BULWARK_HOME/audit.key}. */
  static Path keyFile(NodeSettings settings) {
    return settings.home().resolve(AuditKeyring.FILE_NAME);
  }

  /** Who runs the command: the operating-system account, as the audit log records it. */
  static String operator() {
    return System.getProperty("user.name", "cli");
  }

  /** Records a write this command made (or refused), as the operator, for this node's nation. */
  void record(
      String action,
      String collection,
      AuditEntry.Decision decision,
      List<String> refs,
      String detail) {
    audit.append(
        new AuditEntry(operator(), settings.nation(), action, collection, decision, refs, detail));
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
