package dev.bulwark.bench.readiness;

import dev.bulwark.readiness.declaration.Declaration;
import dev.bulwark.readiness.declaration.Declaration.SubRatings;
import dev.bulwark.readiness.declaration.Domain;
import dev.bulwark.readiness.declaration.Status;
import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.ally.Ally;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;

/**
 * {@code units} synthetic units spread over the 32 allies, each with {@code years} yearly versions
 * (valid from 1 January of 2022, 2023, …), oldest version first: {@code units × years}
 * declarations. Fixed seed. Immutable after construction.
 */
public final class SyntheticDeclarations {
  public final List<Declaration> all;

  public SyntheticDeclarations(int units, int years, long seed) {
    Random r = new Random(seed);
    List<Ally> allies = Allies.nato().all();
    List<Declaration> out = new ArrayList<>(units * years);
    for (int y = 0; y < years; y++) {
      Random u = new Random(seed);
      for (int i = 0; i < units; i++) {
        Ally a = allies.get(u.nextInt(allies.size()));
        Domain d = Domain.values()[u.nextInt(Domain.values().length)];
        out.add(
            new Declaration(
                a.iso3(),
                "unit " + i,
                d,
                "formation",
                100 + r.nextInt(4000),
                Map.of("vehicles", r.nextInt(100)),
                r.nextInt(200),
                OptionalInt.empty(),
                new String[] {"north", "centre", "south"}[u.nextInt(3)],
                Status.values()[r.nextInt(Status.values().length)],
                1 + r.nextInt(5),
                SubRatings.NONE,
                LocalDate.of(2022 + y, 1, 1)));
      }
    }
    this.all = List.copyOf(out);
  }
}
