package dev.bulwark.node.support;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the support stores share: a {@link JdbcClient} on the node's database, a batch insert
 * (uploads run to 20,000 rows: one JDBC batch, not a round trip a row), a transaction template (an
 * upload is stored whole or not at all) and the test for a unique-key violation (SQLState 23505 in
 * H2 and PostgreSQL, however the driver wraps it). Thread-safe.
 */
final class SupportSql {
  final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final TransactionTemplate transaction;

  SupportSql(DataSource dataSource) {
    this.template = new JdbcTemplate(dataSource);
    this.jdbc = JdbcClient.create(template);
    this.transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
  }

  /**
   * Runs {@code work} in one transaction, rolled back whole when it fails.
   *
   * @param failure what could not be done, for the message of a database failure
   * @throws ContributionStore.DuplicateIdException with {@code duplicateMessage} when an id was
   *     already held
   * @throws IllegalStateException on any other database failure
   */
  void inTransaction(Runnable work, String failure, String duplicateMessage) {
    try {
      transaction.executeWithoutResult(status -> work.run());
    } catch (DataAccessException e) {
      if (isUniqueViolation(e)) {
        throw new ContributionStore.DuplicateIdException(duplicateMessage, e);
      }
      throw new IllegalStateException(failure + ": " + e.getMessage(), e);
    }
  }

  /**
   * Inserts every row with {@code insert} as one JDBC batch; call it inside {@link #inTransaction}
   * so that the upload is stored whole or not at all. {@link JdbcClient} has no batch call.
   */
  void insertAll(String insert, List<Object[]> rows) {
    template.batchUpdate(insert, rows);
  }

  /** Reads with {@code read}, saying what could not be read when the database fails. */
  static <T> T reading(String what, Supplier<T> read) {
    try {
      return read.get();
    } catch (DataAccessException e) {
      throw new IllegalStateException("cannot read " + what + ": " + e.getMessage(), e);
    }
  }

  static long micros(Clock clock) {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
  }

  private static boolean isUniqueViolation(DataAccessException e) {
    if (e instanceof DuplicateKeyException) {
      return true;
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof SQLException q) {
        for (SQLException n = q; n != null; n = n.getNextException()) {
          if ("23505".equals(n.getSQLState())) {
            return true;
          }
        }
      }
      if (t instanceof BatchUpdateException b
          && b.getNextException() != null
          && "23505".equals(b.getNextException().getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
