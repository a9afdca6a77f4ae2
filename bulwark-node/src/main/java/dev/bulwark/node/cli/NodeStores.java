package dev.bulwark.node.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.audit.AuditLog;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.storage.NodeDatabase;
import dev.bulwark.node.storage.NodeSettings;
import java.time.Clock;

/**
 * The node's principal table and audit log opened straight on its database (BULWARK_HOME), without
 * Spring, for the principal and audit commands. Close it when done. Not thread-safe.
 */
final class NodeStores implements AutoCloseable {
  final NodeSettings settings;
  final HikariDataSource dataSource;
  final PrincipalStore principals;
  final AuditLog audit;

  NodeStores() {
    settings = NodeSettings.load();
    dataSource = NodeDatabase.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword(), 2);
    principals = new PrincipalStore(dataSource, Clock.systemUTC(),
        Integer.getInteger("bulwark.security.pbkdf2-iterations", PrincipalStore.DEFAULT_ITERATIONS));
    audit = new AuditLog(dataSource, Clock.systemUTC());
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
