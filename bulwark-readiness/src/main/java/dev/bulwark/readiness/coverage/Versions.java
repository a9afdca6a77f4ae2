package dev.bulwark.readiness.coverage;

import dev.bulwark.readiness.declaration.Declaration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the version of each unit (nation + unit) valid on a date: the one with the latest {@code
 * validFrom} not after the date; of two with the same {@code validFrom} the later in the input
 * (callers pass versions in the order they were recorded, so a correction wins). A unit with no
 * version valid yet is left out. Stateless; thread-safe.
 */
public final class Versions {
  private Versions() {}

  /** The versions valid on {@code day}, one per unit, in the order of their first appearance. */
  public static List<Declaration> validOn(Iterable<Declaration> recorded, LocalDate day) {
    Map<String, Declaration> current = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (Declaration d : recorded) {
      if (d.validFrom().isAfter(day)) {
        continue;
      }
      Declaration held = current.get(d.key());
      if (held == null) {
        order.add(d.key());
        current.put(d.key(), d);
      } else if (!d.validFrom().isBefore(held.validFrom())) {
        current.put(d.key(), d);
      }
    }
    List<Declaration> out = new ArrayList<>(order.size());
    for (String k : order) {
      out.add(current.get(k));
    }
    return out;
  }
}
