package dev.bulwark.node.incidents;

import dev.bulwark.incidents.migration.CrossingCount;
import dev.bulwark.node.store.StoreException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The daily border-crossing counts ({@code migration_crossings}): one row per day, crossing point
 * and nationality group, with the nation and principal that imported it. An import of a file is one
 * transaction (all or nothing); a row for a key already held replaces its count (a corrected
 * figure). Thread-safe (each call takes its own connection).
 */
public final class MigrationCountStore {

  private final DataSource dataSource;

  public MigrationCountStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** What an import did: rows added and rows whose count was replaced. */
  public record Written(int added, int replaced) {}

  /**
   * Stores the counts in one transaction.
   *
   * @throws StoreException when the database fails; nothing is then stored
   */
  public Written putAll(List<CrossingCount> counts, String nation, String by, long nowMicros) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      int added = 0;
      int replaced = 0;
      try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE migration_crossings SET crossings = ?, origin_nation = ?, imported_by = ?,"
                      + " imported_us = ? WHERE crossing_point = ? AND crossing_date = ?"
                      + " AND nationality_group = ?");
          PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO migration_crossings (crossing_point, crossing_date,"
                      + " nationality_group, crossings, origin_nation, imported_by, imported_us)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (CrossingCount n : counts) {
          update.setInt(1, n.count());
          update.setString(2, nation);
          update.setString(3, by);
          update.setLong(4, nowMicros);
          update.setString(5, n.crossingPoint());
          update.setDate(6, Date.valueOf(n.date()));
          update.setString(7, n.nationalityGroup());
          if (update.executeUpdate() > 0) {
            replaced++;
            continue;
          }
          insert.setString(1, n.crossingPoint());
          insert.setDate(2, Date.valueOf(n.date()));
          insert.setString(3, n.nationalityGroup());
          insert.setInt(4, n.count());
          insert.setString(5, nation);
          insert.setString(6, by);
          insert.setLong(7, nowMicros);
          insert.executeUpdate();
          added++;
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
      return new Written(added, replaced);
    } catch (SQLException e) {
      throw new StoreException("cannot store crossing counts", e);
    }
  }

  /** Every count, by crossing point and day. */
  public List<CrossingCount> all() {
    List<CrossingCount> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT crossing_date, crossing_point, nationality_group, crossings"
                    + " FROM migration_crossings ORDER BY crossing_point, crossing_date,"
                    + " nationality_group");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(
            new CrossingCount(
                rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getInt(4)));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read crossing counts", e);
    }
  }
}
