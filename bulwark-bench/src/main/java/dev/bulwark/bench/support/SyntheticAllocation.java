package dev.bulwark.bench.support;

import dev.bulwark.support.allocation.Offer;
import dev.bulwark.support.allocation.Requirement;
import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.ally.Ally;
import dev.bulwark.support.contribution.Coalition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A reproducible synthetic allocation problem: requirements spread over the eight coalitions with
 * five items each and need-by dates over two years; offers from the 32 allies, 70 % items and 30 %
 * funds earmarked to a coalition, available over the same two years. Not thread-safe.
 */
public final class SyntheticAllocation {

  public final List<Requirement> requirements = new ArrayList<>();
  public final List<Offer> offers = new ArrayList<>();

  public SyntheticAllocation(int requirementCount, int offerCount, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Coalition[] coalitions = Coalition.values();
    LocalDate start = LocalDate.of(2025, 1, 1);
    for (int i = 0; i < requirementCount; i++) {
      Coalition c = coalitions[random.nextInt(coalitions.length)];
      int item = random.nextInt(5);
      requirements.add(
          new Requirement(
              "R" + i,
              c,
              c.name().toLowerCase() + "-item-" + item,
              1 + random.nextInt(200),
              1_000.0 * (1 + random.nextInt(5_000)),
              1 + random.nextInt(5),
              start.plusDays(random.nextInt(730))));
    }
    List<Ally> allies = Allies.nato().all();
    for (int i = 0; i < offerCount; i++) {
      Coalition c = coalitions[random.nextInt(coalitions.length)];
      String ally = allies.get(random.nextInt(allies.size())).iso3();
      LocalDate from = start.plusDays(random.nextInt(730));
      if (random.nextInt(10) < 7) {
        offers.add(
            new Offer(
                "O" + i,
                ally,
                Offer.Kind.ITEMS,
                Optional.of(c),
                c.name().toLowerCase() + "-item-" + random.nextInt(5),
                10 + random.nextInt(1_000),
                from));
      } else {
        offers.add(
            new Offer(
                "O" + i,
                ally,
                Offer.Kind.FUNDS,
                Optional.of(c),
                "",
                1e6 * (1 + random.nextInt(500)),
                from));
      }
    }
  }
}
