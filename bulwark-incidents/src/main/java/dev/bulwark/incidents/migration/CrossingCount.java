package dev.bulwark.incidents.migration;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The crossings of one nationality group at one crossing point on one day. Immutable.
 *
 * @param date the day
 * @param crossingPoint the crossing point's name (e.g. {@code Vaalimaa})
 * @param nationalityGroup the group as the border guard reports it (e.g. {@code SY}, {@code other})
 * @param count people, 0 or more
 */
public record CrossingCount(
    LocalDate date, String crossingPoint, String nationalityGroup, int count) {

  /** Checks the parts. */
  public CrossingCount {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(crossingPoint, "crossingPoint");
    Objects.requireNonNull(nationalityGroup, "nationalityGroup");
    if (count < 0) {
      throw new IllegalArgumentException("a count is 0 or more");
    }
  }
}
