package dev.bulwark.node.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows that a writer keeps in the same transaction as its batch of objects (for a TAXII POST, the
 * status resource and the audit records), so that the objects and the record of who added them
 * commit together or not at all. The store calls it once its batch's rows are inserted, with the
 * batch's outcomes in order, on the connection of the write transaction; it must not commit. It
 * runs while the store's write lock is held, so it should be short. If it throws, the batch is not
 * stored.
 *
 * <p>It may be called more than once for one batch (a group transaction that failed is retried one
 * batch at a time); each call is in a new transaction, the earlier one rolled back. Implementations
 * are called from one thread at a time.
 */
@FunctionalInterface
public interface BatchRecords {
  /** Nothing to record. */
  BatchRecords NONE = (connection, outcomes) -> {};

  /** Writes the rows on {@code c}, in the batch's transaction. */
  void write(Connection c, List<AddOutcome> outcomes) throws SQLException;
}
