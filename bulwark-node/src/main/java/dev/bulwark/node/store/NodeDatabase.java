package dev.bulwark.node.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Opens the node's database (H2 file by default, PostgreSQL by configuration) and brings its schema
 * up to date with Flyway. Used by the node and by the commands that work on the store without
 * starting Spring ({@code stix import}, {@code principal add}, {@code audit verify}). Stateless;
 * thread-safe.
 */
public final class NodeDatabase {
  private NodeDatabase() {}

  /** The embedded default: an H2 file database in PostgreSQL mode under {@code home/db}. */
  public static String defaultUrl(Path home) {
    return "jdbc:h2:file:" + home.toAbsolutePath().resolve("db").resolve("bulwark") + H2_OPTIONS;
  }

  /**
   * H2 options: PostgreSQL mode so that one SQL dialect serves both; WRITE_DELAY=0 so that a commit
   * is on disk before it is acknowledged (an acknowledged write survives a crash); AUTO_SERVER so
   * that the commands ({@code principal add}, {@code peer add}, {@code federation status}) work
   * while the node runs on the same database. CACHE_SIZE (in KB) raises H2's page cache from 16 MB
   * to 128 MB: with the default, a store of a few hundred thousand objects reads back from the file
   * most index pages that it writes (half the page reads disappear, measured on a 100,000-object
   * import); it is a ceiling, not an allocation. LOCK_TIMEOUT (ms) lets a command's write wait for
   * the node's transaction in progress (writers queue on one row lock) instead of failing after
   * H2's default of one second.
   */
  public static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE"
          + ";CACHE_SIZE=131072;LOCK_TIMEOUT=10000";

  /** A pooled data source for the URL, with the schema migrated. The caller closes it. */
  public static HikariDataSource open(String url, String user, String password, int maxPoolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    // Flyway holds one connection for its lock while it migrates on another
    config.setMaximumPoolSize(Math.max(2, maxPoolSize));
    config.setPoolName("bulwark");
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      migrate(dataSource);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return dataSource;
  }

  /** Applies the Flyway migrations in {@code classpath:db/migration}. */
  public static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }
}
