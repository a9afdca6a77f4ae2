package dev.bulwark.node.store;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The databases the storage tests run against: always a fresh H2 file database, and a fresh schema
 * on the PostgreSQL server named by the system property {@code bulwark.test.postgres.url} or the
 * environment variable {@code BULWARK_TEST_POSTGRES_URL} (which {@code .ci/run} sets). Under CI the
 * PostgreSQL database is mandatory, so a misconfigured CI fails instead of silently testing H2
 * alone.
 */
public final class TestDatabases {
  private TestDatabases() {}

  /** A named way to open a fresh, migrated database. */
  public record Kind(String name, Opener opener) {
    @Override
    public String toString() {
      return name;
    }

    public HikariDataSource open() throws Exception {
      return opener.open();
    }
  }

  /** Opens a fresh database. */
  @FunctionalInterface
  public interface Opener {
    HikariDataSource open() throws Exception;
  }

  public static Stream<Kind> all() {
    List<Kind> kinds = new ArrayList<>();
    kinds.add(new Kind("H2", TestDatabases::freshH2));
    String pg = postgresUrl();
    if (!pg.isEmpty()) {
      kinds.add(new Kind("PostgreSQL", () -> freshPostgres(pg)));
    } else if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI=true but BULWARK_TEST_POSTGRES_URL is not set: the storage tests must run on PostgreSQL too");
    }
    return kinds.stream();
  }

  public static String postgresUrl() {
    String fromProperty = System.getProperty("bulwark.test.postgres.url", "").trim();
    if (!fromProperty.isEmpty()) {
      return fromProperty;
    }
    String fromEnvironment = System.getenv("BULWARK_TEST_POSTGRES_URL");
    return fromEnvironment == null ? "" : fromEnvironment.trim();
  }

  public static HikariDataSource freshH2() throws Exception {
    Path dir = TempDirs.create("bulwark-test-db-");
    return NodeDatabase.open(NodeDatabase.defaultUrl(dir), "bulwark", "", 8);
  }

  public static HikariDataSource freshPostgres(String url) throws SQLException {
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    String separator = url.contains("?") ? "&" : "?";
    return NodeDatabase.open(url + separator + "currentSchema=" + schema, null, null, 8);
  }
}
