package dev.bulwark.node.support;

import dev.bulwark.support.allocation.Offer;
import dev.bulwark.support.allocation.Requirement;
import dev.bulwark.support.contribution.Coalition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Ukraine's requirements and the allies' offers that the allocation assigns (tables {@code
 * support_requirements}, {@code support_offers}). An upload is stored whole or not at all; an id
 * already held makes it fail with {@link ContributionStore.DuplicateIdException}. Thread-safe.
 */
public final class PlanningStore {
  private final DataSource dataSource;
  private final Clock clock;

  public PlanningStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** An offer and who entered it. */
  public record StoredOffer(Offer offer, String enteredBy) {}

  public List<Requirement> requirements() {
    List<Requirement> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, coalition, item, quantity, unit_value_eur, priority, need_by FROM support_requirements ORDER BY id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Requirement(
                rs.getString(1),
                Coalition.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getDouble(4),
                rs.getDouble(5),
                rs.getInt(6),
                rs.getObject(7, LocalDate.class)));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the requirements: " + e.getMessage(), e);
    }
  }

  public List<StoredOffer> offers() {
    List<StoredOffer> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, ally, kind, coalition, item, quantity, available_from, entered_by FROM support_offers ORDER BY id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String coalition = rs.getString(4);
        Offer o =
            new Offer(
                rs.getString(1),
                rs.getString(2),
                Offer.Kind.valueOf(rs.getString(3)),
                coalition.isEmpty() ? Optional.empty() : Optional.of(Coalition.valueOf(coalition)),
                rs.getString(5),
                rs.getDouble(6),
                rs.getObject(7, LocalDate.class));
        out.add(new StoredOffer(o, rs.getString(8)));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the offers: " + e.getMessage(), e);
    }
  }

  public void addRequirements(List<Requirement> items, String enteredBy) {
    write(
        "INSERT INTO support_requirements (id, coalition, item, quantity, unit_value_eur, priority, need_by,"
            + " entered_by, entered_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        items,
        (s, r) -> {
          s.setString(1, r.id());
          s.setString(2, r.coalition().name());
          s.setString(3, r.item());
          s.setDouble(4, r.quantity());
          s.setDouble(5, r.unitValueEur());
          s.setInt(6, r.priority());
          s.setObject(7, r.needBy());
          s.setString(8, enteredBy);
          s.setLong(9, nowMicros());
        });
  }

  public void addOffers(List<Offer> items, String enteredBy) {
    write(
        "INSERT INTO support_offers (id, ally, kind, coalition, item, quantity, available_from, entered_by,"
            + " entered_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        items,
        (s, o) -> {
          s.setString(1, o.id());
          s.setString(2, o.ally());
          s.setString(3, o.kind().name());
          s.setString(4, o.coalition().map(Enum::name).orElse(""));
          s.setString(5, o.item());
          s.setDouble(6, o.quantity());
          s.setObject(7, o.availableFrom());
          s.setString(8, enteredBy);
          s.setLong(9, nowMicros());
        });
  }

  /** Removes a requirement; false when there was none. */
  public boolean deleteRequirement(String id) {
    return delete("DELETE FROM support_requirements WHERE id = ?", id);
  }

  /** Removes an offer; false when there was none. */
  public boolean deleteOffer(String id) {
    return delete("DELETE FROM support_offers WHERE id = ?", id);
  }

  private boolean delete(String sql, String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, id);
      return s.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot delete " + id + ": " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface Binder<T> {
    void bind(PreparedStatement s, T item) throws SQLException;
  }

  private <T> void write(String sql, List<T> items, Binder<T> binder) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement(sql)) {
        for (T item : items) {
          binder.bind(s, item);
          s.addBatch();
        }
        s.executeBatch();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        if (e instanceof SQLException q && uniqueViolation(q)) {
          throw new ContributionStore.DuplicateIdException(
              "an id of this upload is already held; nothing was stored", e);
        }
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the upload: " + e.getMessage(), e);
    }
  }

  private static boolean uniqueViolation(SQLException e) {
    for (SQLException q = e; q != null; q = q.getNextException()) {
      if ("23505".equals(q.getSQLState())) {
        return true;
      }
    }
    return e.getCause() instanceof SQLException c && "23505".equals(c.getSQLState());
  }

  private long nowMicros() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
  }
}
