package dev.bulwark.node.support;

import dev.bulwark.support.allocation.Offer;
import dev.bulwark.support.allocation.Requirement;
import dev.bulwark.support.contribution.Coalition;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;

/**
 * Ukraine's requirements and the allies' offers that the allocation assigns (tables {@code
 * support_requirements}, {@code support_offers}). An upload is stored whole or not at all; an id
 * already held makes it fail with {@link ContributionStore.DuplicateIdException}. Thread-safe.
 */
public final class PlanningStore {
  private static final String DUPLICATE =
      "an id of this upload is already held; nothing was stored";

  private final SupportSql sql;
  private final Clock clock;

  public PlanningStore(DataSource dataSource, Clock clock) {
    this.sql = new SupportSql(dataSource);
    this.clock = clock;
  }

  /** An offer and who entered it. */
  public record StoredOffer(Offer offer, String enteredBy) {}

  public List<Requirement> requirements() {
    return SupportSql.reading(
        "the requirements",
        () ->
            sql.jdbc
                .sql(
                    "SELECT id, coalition, item, quantity, unit_value_eur, priority, need_by FROM support_requirements ORDER BY id")
                .query(
                    (rs, n) ->
                        new Requirement(
                            rs.getString(1),
                            Coalition.valueOf(rs.getString(2)),
                            rs.getString(3),
                            rs.getDouble(4),
                            rs.getDouble(5),
                            rs.getInt(6),
                            rs.getObject(7, LocalDate.class)))
                .list());
  }

  public List<StoredOffer> offers() {
    return SupportSql.reading(
        "the offers",
        () ->
            sql.jdbc
                .sql(
                    "SELECT id, ally, kind, coalition, item, quantity, available_from, entered_by FROM support_offers ORDER BY id")
                .query(
                    (rs, n) -> {
                      String coalition = rs.getString(4);
                      Offer o =
                          new Offer(
                              rs.getString(1),
                              rs.getString(2),
                              Offer.Kind.valueOf(rs.getString(3)),
                              coalition.isEmpty()
                                  ? Optional.empty()
                                  : Optional.of(Coalition.valueOf(coalition)),
                              rs.getString(5),
                              rs.getDouble(6),
                              rs.getObject(7, LocalDate.class));
                      return new StoredOffer(o, rs.getString(8));
                    })
                .list());
  }

  public void addRequirements(List<Requirement> items, String enteredBy) {
    sql.inTransaction(
        () -> {
          sql.insertAll(
              "INSERT INTO support_requirements (id, coalition, item, quantity, unit_value_eur, priority, need_by,"
                  + " entered_by, entered_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              items.stream()
                  .map(
                      r ->
                          new Object[] {
                            r.id(),
                            r.coalition().name(),
                            r.item(),
                            r.quantity(),
                            r.unitValueEur(),
                            r.priority(),
                            r.needBy(),
                            enteredBy,
                            SupportSql.micros(clock)
                          })
                  .toList());
        },
        "cannot store the upload",
        DUPLICATE);
  }

  public void addOffers(List<Offer> items, String enteredBy) {
    sql.inTransaction(
        () -> {
          sql.insertAll(
              "INSERT INTO support_offers (id, ally, kind, coalition, item, quantity, available_from, entered_by,"
                  + " entered_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              items.stream()
                  .map(
                      o ->
                          new Object[] {
                            o.id(),
                            o.ally(),
                            o.kind().name(),
                            o.coalition().map(Enum::name).orElse(""),
                            o.item(),
                            o.quantity(),
                            o.availableFrom(),
                            enteredBy,
                            SupportSql.micros(clock)
                          })
                  .toList());
        },
        "cannot store the upload",
        DUPLICATE);
  }

  /** Removes a requirement; false when there was none. */
  public boolean deleteRequirement(String id) {
    return delete("DELETE FROM support_requirements WHERE id = ?", id);
  }

  /** Removes an offer; false when there was none. */
  public boolean deleteOffer(String id) {
    return delete("DELETE FROM support_offers WHERE id = ?", id);
  }

  private boolean delete(String statement, String id) {
    try {
      return sql.jdbc.sql(statement).param(id).update() > 0;
    } catch (DataAccessException e) {
      throw new IllegalStateException("cannot delete " + id + ": " + e.getMessage(), e);
    }
  }
}
