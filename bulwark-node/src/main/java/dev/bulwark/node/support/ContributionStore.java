package dev.bulwark.node.support;

import dev.bulwark.support.contribution.Category;
import dev.bulwark.support.contribution.Channel;
import dev.bulwark.support.contribution.Coalition;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.Status;
import dev.bulwark.support.contribution.ValuationMethod;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
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

  private static final String INSERT =
      "INSERT INTO support_contributions (id, donor, entry_date, status, category, channel, coalition, amount,"
          + " currency, eur, valuation, fx_basis, description, source, corrects, entered_by, entered_nation,"
          + " entered_us, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** An entry to add, and the id of the entry it corrects ("" for none). */
  public record NewEntry(Contribution contribution, String corrects) {}

  /** Some id of the upload is already in the ledger: nothing was stored. */
  public static final class DuplicateIdException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DuplicateIdException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final SupportSql sql;
  private final Clock clock;

  public ContributionStore(DataSource dataSource, Clock clock) {
    this.sql = new SupportSql(dataSource);
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
    return SupportSql.reading(
        "the contribution ledger",
        () ->
            new HashSet<>(
                sql.jdbc.sql("SELECT id FROM support_contributions").query(String.class).list()));
  }

  public long count() {
    return SupportSql.reading(
        "the contribution ledger",
        () ->
            sql.jdbc.sql("SELECT COUNT(*) FROM support_contributions").query(Long.class).single());
  }

  /**
   * Adds every entry in one transaction.
   *
   * @throws DuplicateIdException when an id is already in the ledger (nothing is stored)
   */
  public void addAll(List<NewEntry> entries, String enteredBy, String enteredNation, String batch) {
    long now = SupportSql.micros(clock);
    sql.inTransaction(
        () -> {
          sql.insertAll(
              INSERT,
              entries.stream()
                  .map(
                      e -> {
                        Contribution x = e.contribution();
                        return new Object[] {
                          x.id(),
                          x.donor(),
                          x.date(),
                          x.status().name(),
                          x.category().name(),
                          x.channel().name(),
                          x.coalition().map(Enum::name).orElse(""),
                          x.amount(),
                          x.currency(),
                          x.eur(),
                          x.valuation().name(),
                          x.fxBasis(),
                          x.description(),
                          x.source(),
                          e.corrects(),
                          enteredBy,
                          enteredNation,
                          now,
                          batch
                        };
                      })
                  .toList());
        },
        "cannot write the contribution ledger",
        "an id of this upload is already in the ledger; nothing was stored");
  }

  private List<StoredContribution> query(String select, String param) {
    return SupportSql.reading(
        "the contribution ledger",
        () ->
            (param == null ? sql.jdbc.sql(select) : sql.jdbc.sql(select).param(param))
                .query((rs, n) -> row(rs))
                .list());
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
}
