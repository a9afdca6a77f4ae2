package dev.bulwark.support.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.support.contribution.Coalition;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assertj.core.api.Assertions;

class AllocatorPropertyTest {

  private static final LocalDate DAY0 = LocalDate.of(2025, 1, 1);
  private static final List<String> ALLIES = List.of("USA", "DEU", "POL", "EST");
  private final Allocator allocator = new Allocator();

  /** Forces the large-problem path (pooled, fixed-fill stage 2) on small problems. */
  private final Allocator pooled = new Allocator(0, Duration.ofSeconds(30));

  record Problem(List<Requirement> requirements, List<Offer> offers) {}

  @Provide
  Arbitrary<Problem> problems() {
    Arbitrary<Requirement> req =
        Combinators.combine(
                Arbitraries.of(Coalition.ARTILLERY, Coalition.DRONES),
                Arbitraries.of("a", "b"),
                Arbitraries.integers().between(1, 50),
                Arbitraries.integers().between(1, 20),
                Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(0, 30))
            .as(
                (c, item, q, v, p, d) ->
                    new Requirement("?", c, item, q, v * 1000.0, p, DAY0.plusDays(d)));
    Arbitrary<Offer> offer =
        Combinators.combine(
                Arbitraries.of(ALLIES),
                Arbitraries.of(Offer.Kind.values()),
                Arbitraries.of(
                    Optional.of(Coalition.ARTILLERY),
                    Optional.of(Coalition.DRONES),
                    Optional.<Coalition>empty()),
                Arbitraries.of("a", "b"),
                Arbitraries.integers().between(1, 60),
                Arbitraries.integers().between(0, 30))
            .as(
                (a, k, c, item, q, d) ->
                    k == Offer.Kind.FUNDS
                        ? new Offer("?", a, k, c, "", q * 5000.0, DAY0.plusDays(d))
                        : new Offer(
                            "?",
                            a,
                            k,
                            Optional.of(c.orElse(Coalition.ARTILLERY)),
                            item,
                            q,
                            DAY0.plusDays(d)));
    return Combinators.combine(req.list().ofMaxSize(8), offer.list().ofMaxSize(8))
        .as((rs, os) -> new Problem(renumberR(rs), renumberO(os)));
  }

  private static List<Requirement> renumberR(List<Requirement> rs) {
    List<Requirement> out = new ArrayList<>();
    for (int i = 0; i < rs.size(); i++) {
      Requirement r = rs.get(i);
      out.add(
          new Requirement(
              "R" + i,
              r.coalition(),
              r.item(),
              r.quantity(),
              r.unitValueEur(),
              r.priority(),
              r.needBy()));
    }
    return out;
  }

  private static List<Offer> renumberO(List<Offer> os) {
    List<Offer> out = new ArrayList<>();
    for (int i = 0; i < os.size(); i++) {
      Offer o = os.get(i);
      out.add(
          new Offer(
              "O" + i,
              o.ally(),
              o.kind(),
              o.coalition(),
              o.item(),
              o.quantity(),
              o.availableFrom()));
    }
    return out;
  }

  private static Map<String, Double> shares() {
    return Map.of("USA", 5.0, "DEU", 2.0, "POL", 1.0, "EST", 0.1);
  }

  @Property(tries = 60)
  void neverMoreThanOfferedNorBeforeAvailable(@ForAll("problems") Problem problem) {
    checkLimits(
        problem, allocator.allocate(problem.requirements(), problem.offers(), shares(), Map.of()));
    checkLimits(
        problem, pooled.allocate(problem.requirements(), problem.offers(), shares(), Map.of()));
  }

  private static void checkLimits(Problem problem, AllocationResult result) {
    Map<String, Offer> offers = new HashMap<>();
    problem.offers().forEach(o -> offers.put(o.id(), o));
    Map<String, Requirement> reqs = new HashMap<>();
    problem.requirements().forEach(r -> reqs.put(r.id(), r));
    Map<String, Double> used = new HashMap<>();
    Map<String, Double> filled = new HashMap<>();
    for (Assignment a : result.assignments()) {
      Offer o = offers.get(a.offerId());
      Requirement r = reqs.get(a.requirementId());
      assertThat(o.availableFrom()).isBeforeOrEqualTo(r.needBy());
      assertThat(o.matches(r)).isTrue();
      assertThat(a.units()).isPositive();
      used.merge(o.id(), a.units() * o.capacityPerUnit(r), Double::sum);
      filled.merge(r.id(), a.units(), Double::sum);
    }
    used.forEach(
        (id, u) ->
            assertThat(u).isLessThanOrEqualTo(offers.get(id).quantity() * (1 + 1e-7) + 1e-6));
    filled.forEach(
        (id, f) -> assertThat(f).isLessThanOrEqualTo(reqs.get(id).quantity() * (1 + 1e-7) + 1e-6));
  }

  @Property(tries = 60)
  void noShortfallWhenSupplySuffices(@ForAll("problems") Problem problem) {
    // Add, for each requirement, a timely offer of its own item big enough to cover it alone.
    List<Offer> offers = new ArrayList<>(problem.offers());
    for (Requirement r : problem.requirements()) {
      offers.add(
          new Offer(
              "cover-" + r.id(),
              ALLIES.get(offers.size() % ALLIES.size()),
              Offer.Kind.ITEMS,
              Optional.of(r.coalition()),
              r.item(),
              r.quantity(),
              r.needBy()));
    }
    for (Allocator a : List.of(allocator, pooled)) {
      AllocationResult result = a.allocate(problem.requirements(), offers, shares(), Map.of());
      assertThat(result.shortfallEur()).isLessThan(1e-3);
      result.requirements().forEach(o -> assertThat(o.shortfallUnits()).isZero());
    }
  }

  @Property(tries = 60)
  void stage2NeverGivesUpStage1sOptimum(@ForAll("problems") Problem problem) {
    // Stage 1's optimum computed on the plain pair model (one variable per offer and requirement),
    // independently of the pooled model the allocator uses.
    double need = problem.requirements().stream().mapToDouble(r -> r.weight() * r.valueEur()).sum();
    double best = need - Allocator.pairModelOptimum(problem.requirements(), problem.offers()) * 1e6;
    double tolerance = 1e-6 * Math.max(1, need);
    for (Allocator a : List.of(allocator, pooled)) {
      AllocationResult result =
          a.allocate(problem.requirements(), problem.offers(), shares(), Map.of());
      assertThat(result.weightedShortfallEur()).isCloseTo(best, Assertions.within(tolerance));
    }
  }

  @Property(tries = 40)
  void fixedFillsKeepTheFirstObjectiveAndTheLimits(@ForAll("problems") Problem problem) {
    AllocationResult exact =
        allocator.allocate(problem.requirements(), problem.offers(), shares(), Map.of());
    AllocationResult fixed =
        new Allocator(0, Duration.ofSeconds(30))
            .allocate(problem.requirements(), problem.offers(), shares(), Map.of());
    assertThat(fixed.weightedShortfallEur())
        .isCloseTo(
            exact.weightedShortfallEur(),
            Assertions.within(1e-6 * Math.max(1, exact.weightedShortfallEur()) + 1e-3));
    // The exact stage 2 searches a superset, so its largest deviation is never worse.
    assertThat(exact.maxDeviationEur())
        .isLessThanOrEqualTo(fixed.maxDeviationEur() * (1 + 1e-6) + 1e-3);
    Map<String, Double> used = new HashMap<>();
    Map<String, Offer> offers = new HashMap<>();
    problem.offers().forEach(o -> offers.put(o.id(), o));
    Map<String, Requirement> reqs = new HashMap<>();
    problem.requirements().forEach(r -> reqs.put(r.id(), r));
    for (Assignment a : fixed.assignments()) {
      Offer o = offers.get(a.offerId());
      Requirement r = reqs.get(a.requirementId());
      assertThat(o.canFill(r)).isTrue();
      used.merge(o.id(), a.units() * o.capacityPerUnit(r), Double::sum);
    }
    used.forEach(
        (id, u) ->
            assertThat(u).isLessThanOrEqualTo(offers.get(id).quantity() * (1 + 1e-7) + 1e-6));
  }

  @Property(tries = 40)
  void shortfallNeverExceedsTheNeed(@ForAll("problems") Problem problem) {
    AllocationResult result =
        allocator.allocate(problem.requirements(), problem.offers(), shares(), Map.of());
    double need = problem.requirements().stream().mapToDouble(Requirement::valueEur).sum();
    assertThat(result.shortfallEur()).isBetween(-1e-6, need + 1e-6);
  }
}
