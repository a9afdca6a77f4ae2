package dev.bulwark.node.support;

import dev.bulwark.support.contribution.Category;
import dev.bulwark.support.contribution.Channel;
import dev.bulwark.support.contribution.Coalition;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.Status;
import dev.bulwark.support.contribution.ValuationMethod;
import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The contribution ledger in the node's database (table {@code support_contributions}). Entries are
 * only ever added, a whole upload in one transaction: either every entry of it is stored or none (a
 * concurrent upload that took one of its ids makes it fail whole with {@link
 * DuplicateIdException}). Corrections are negative entries pointing at the entry they correct.
 * Thread-safe.
 */
public final class ContributionStore {
  private static final String COLUMNS =
      "seq, id, donor, entry_date, status, category, channel, coalition, amount, currency, eur, valuation,"
          + " fx_basis, description, source, corrects, entered_by, entered_nation, entered_us, batch";

  /** An entry to add, and the id of the entry it corrects ("" for none). */
  public record NewEntry(Contribution contribution, String corrects) {}

  /** Some id of the upload is already in the ledger: nothing was stored. */
  public static final class DuplicateIdException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DuplicateIdException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final DataSource dataSource;
  private final Clock clock;

  public ContributionStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Every entry, in the order they were made. */
  public List<StoredContribution> list() {
    return query("SELECT " + COLUMNS + " FROM support_contributions ORDER BY seq", null);
  }

  /** The ledger as the library sees it. */
  public List<Contribution> ledger() {
    return list().stream().map(StoredContribution::contribution).toList();
  }

  public Optional<StoredContribution> find(String id) {
    return query("SELECT " + COLUMNS + " FROM support_contributions WHERE id = ?", id).stream()
        .findFirst();
  }

  /** The corrections of an entry, oldest first. */
  public List<StoredContribution> correctionsOf(String id) {
    return query(
        "SELECT " + COLUMNS + " FROM support_contributions WHERE corrects = ? ORDER BY seq", id);
  }

  public Set<String> ids() {
    Set<String> out = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT id FROM support_contributions");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the contribution ledger: " + e.getMessage(), e);
    }
  }

  public long count() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM support_contributions");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the contribution ledger: " + e.getMessage(), e);
    }
  }

  /**
   * Adds every entry in one transaction.
   *
   * @throws DuplicateIdException when an id is already in the ledger (nothing is stored)
   */
  public void addAll(List<NewEntry> entries, String enteredBy, String enteredNation, String batch) {
    long now = nowMicros();
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO support_contributions (id, donor, entry_date, status, category, channel, coalition, amount,"
                  + " currency, eur, valuation, fx_basis, description, source, corrects, entered_by, entered_nation,"
                  + " entered_us, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (NewEntry e : entries) {
          Contribution x = e.contribution();
          int p = 1;
          s.setString(p++, x.id());
          s.setString(p++, x.donor());
          s.setObject(p++, x.date());
          s.setString(p++, x.status().name());
          s.setString(p++, x.category().name());
          s.setString(p++, x.channel().name());
          s.setString(p++, x.coalition().map(Enum::name).orElse(""));
          s.setBigDecimal(p++, x.amount());
          s.setString(p++, x.currency());
          s.setBigDecimal(p++, x.eur());
          s.setString(p++, x.valuation().name());
          s.setString(p++, x.fxBasis());
          s.setString(p++, x.description());
          s.setString(p++, x.source());
          s.setString(p++, e.corrects());
          s.setString(p++, enteredBy);
          s.setString(p++, enteredNation);
          s.setLong(p++, now);
          s.setString(p, batch);
          s.addBatch();
        }
        s.executeBatch();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        if (e instanceof SQLException q && isUniqueViolation(q)) {
          throw new DuplicateIdException(
              "an id of this upload is already in the ledger; nothing was stored", e);
        }
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write the contribution ledger: " + e.getMessage(), e);
    }
  }

  private static boolean isUniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException q && "23505".equals(q.getSQLState())) {
        return true;
      }
      if (t instanceof BatchUpdateException b
          && b.getNextException() != null
          && "23505".equals(b.getNextException().getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private List<StoredContribution> query(String sql, String param) {
    List<StoredContribution> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      if (param != null) {
        s.setString(1, param);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the contribution ledger: " + e.getMessage(), e);
    }
  }

  private static StoredContribution row(ResultSet rs) throws SQLException {
    String coalition = rs.getString(8);
    Contribution x =
        new Contribution(
            rs.getString(2),
            rs.getString(3),
            rs.getObject(4, LocalDate.class),
            Status.valueOf(rs.getString(5)),
            Category.valueOf(rs.getString(6)),
            Channel.valueOf(rs.getString(7)),
            coalition.isEmpty() ? Optional.empty() : Optional.of(Coalition.valueOf(coalition)),
            plain(rs.getBigDecimal(9)),
            rs.getString(10),
            rs.getBigDecimal(11).setScale(2),
            ValuationMethod.valueOf(rs.getString(12)),
            rs.getString(13),
            rs.getString(14),
            rs.getString(15));
    return new StoredContribution(
        rs.getLong(1),
        x,
        rs.getString(16),
        rs.getString(17),
        rs.getString(18),
        rs.getLong(19),
        rs.getString(20));
  }

  /** The amount as entered: the column's fixed scale without its trailing zeros. */
  private static BigDecimal plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  private long nowMicros() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
  }
}
