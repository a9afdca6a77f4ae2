package dev.bulwark.support.allocation;

import dev.bulwark.support.contribution.Coalition;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What an ally offers: units of an item ({@link Kind#ITEMS}) or an amount of euros ({@link
 * Kind#FUNDS}) for a coalition, available from a date. Items fill only requirements of the same
 * item and coalition; funds fill any requirement of their coalition, or of any coalition when the
 * coalition is empty. Immutable and thread-safe.
 *
 * @param quantity units for items, euros for funds
 */
public record Offer(
    String id,
    String ally,
    Kind kind,
    Optional<Coalition> coalition,
    String item,
    double quantity,
    LocalDate availableFrom) {

  /** What is offered. */
  public enum Kind {
    ITEMS,
    FUNDS
  }

  public Offer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ally, "ally");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(coalition, "coalition");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(availableFrom, "availableFrom");
    if (!(quantity > 0) || !Double.isFinite(quantity)) {
      throw new IllegalArgumentException("offer " + id + ": quantity must be positive");
    }
    if (kind == Kind.ITEMS && (coalition.isEmpty() || item.isBlank())) {
      throw new IllegalArgumentException("offer " + id + ": items need a coalition and an item");
    }
  }

  /** Whether this offer is of a kind that could fill the requirement, ignoring dates. */
  public boolean matches(Requirement r) {
    if (coalition.isPresent() && coalition.get() != r.coalition()) {
      return false;
    }
    return kind == Kind.FUNDS || item.equalsIgnoreCase(r.item());
  }

  /** Whether it could fill the requirement in time. */
  public boolean canFill(Requirement r) {
    return matches(r) && !availableFrom.isAfter(r.needBy());
  }

  /** How much of this offer's capacity one unit of the requirement uses. */
  public double capacityPerUnit(Requirement r) {
    return kind == Kind.FUNDS ? r.unitValueEur() : 1.0;
  }
}
