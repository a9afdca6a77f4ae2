package dev.bulwark.support.allocation;

import dev.bulwark.support.contribution.Coalition;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A need of Ukraine's forces: so many units of an item for a capability coalition, each worth a
 * unit value, wanted by a date. Immutable and thread-safe.
 *
 * @param priority 1 (most urgent) to 5; its weight in the shortfall is {@code 6 - priority}
 */
public record Requirement(
    String id,
    Coalition coalition,
    String item,
    double quantity,
    double unitValueEur,
    int priority,
    LocalDate needBy) {

  public Requirement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(coalition, "coalition");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(needBy, "needBy");
    if (!(quantity > 0) || !Double.isFinite(quantity)) {
      throw new IllegalArgumentException("requirement " + id + ": quantity must be positive");
    }
    if (!(unitValueEur > 0) || !Double.isFinite(unitValueEur)) {
      throw new IllegalArgumentException("requirement " + id + ": unit value must be positive");
    }
    if (priority < 1 || priority > 5) {
      throw new IllegalArgumentException("requirement " + id + ": priority must be 1..5");
    }
  }

  /** The weight of one euro of shortfall: 5 for priority 1 down to 1 for priority 5. */
  public int weight() {
    return 6 - priority;
  }

  public double valueEur() {
    return quantity * unitValueEur;
  }
}
