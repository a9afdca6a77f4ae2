package dev.bulwark.readiness.coverage;

import dev.bulwark.readiness.declaration.Declaration;
import dev.bulwark.readiness.declaration.Declaration.SubRatings;
import dev.bulwark.readiness.declaration.Domain;
import dev.bulwark.readiness.declaration.Status;
import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalInt;

/** Short-hand declarations for the tests. */
final class Decl {
  private Decl() {}

  static Declaration of(
      String nation, String unit, int personnel, int ntm, int c, Status status, String validFrom) {
    return new Declaration(
        nation,
        unit,
        Domain.LAND,
        "brigade",
        personnel,
        Map.of(),
        ntm,
        OptionalInt.empty(),
        "north",
        status,
        c,
        SubRatings.NONE,
        LocalDate.parse(validFrom));
  }
}
