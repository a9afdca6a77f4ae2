package dev.bulwark.node.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Keeps PostgreSQL on the identifier-key index for lookups by {@link ObjectKey}. Without column
 * statistics (a table just filled by an import, before autovacuum has analysed it) PostgreSQL
 * prices {@code id_key IN (...)} at a fixed selectivity per value, so a list of a few hundred keys
 * looks like the whole table and is planned as a sequential scan: on a million objects every TAXII
 * POST then read the whole table twice (3,200 objects/s instead of 10,000). The lookups therefore
 * run in a transaction that prices sequential scans out; on H2, whose plans do not depend on
 * statistics here, nothing changes. Stateless; thread-safe.
 */
final class KeyLookups {
  private KeyLookups() {}

  /**
   * Starts the connection's lookups; returns whether a transaction was begun, which {@link #end}
   * then commits. A caller already in a transaction passes {@code inTransaction}.
   */
  static boolean begin(Connection c, boolean inTransaction) throws SQLException {
    if (!isPostgres(c)) {
      return false;
    }
    boolean begun = false;
    if (!inTransaction && c.getAutoCommit()) {
      c.setAutoCommit(false);
      begun = true;
    }
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL enable_seqscan = off");
    }
    return begun;
  }

  /** Ends what {@link #begin} started. */
  static void end(Connection c, boolean begun) throws SQLException {
    if (begun) {
      c.commit();
      c.setAutoCommit(true);
    }
  }

  static boolean isPostgres(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
  }
}
