package dev.bulwark.readiness.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.readiness.declaration.Declaration;
import dev.bulwark.readiness.declaration.Status;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The laws of the aggregation, over random declarations and dates: the allies add up to the totals,
 * ready never exceeds declared, verified never exceeds declared, the curve never falls, the curve
 * at a tier's deadline holds at least the tiers up to it, the fair shares add up to the targets,
 * and a reader who sees fewer declarations never gets a larger total.
 */
class AggregationLawsTest {
  private static final ReadinessCalculator CALC = ReadinessCalculator.nato();

  @Provide
  Arbitrary<List<Declaration>> declarations() {
    return Combinators.combine(
            Arbitraries.of("EST", "LVA", "LTU", "POL", "DEU", "USA", "SWE", "FIN"),
            Arbitraries.integers().between(0, 5),
            Arbitraries.integers().between(0, 50_000),
            Arbitraries.integers().between(0, 250),
            Arbitraries.integers().between(1, 5),
            Arbitraries.of(Status.values()),
            Arbitraries.integers().between(0, 2000))
        .as(
            (n, u, p, ntm, c, st, days) ->
                Decl.of(
                    n,
                    "unit-" + u,
                    p,
                    ntm,
                    c,
                    st,
                    LocalDate.of(2021, 1, 1).plusDays(days).toString()))
        .list()
        .ofMaxSize(60);
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.integers().between(0, 2200).map(d -> LocalDate.of(2021, 1, 1).plusDays(d));
  }

  @Property(tries = 200)
  void alliesAddUpAndReadyNeverExceedsDeclared(
      @ForAll("declarations") List<Declaration> all, @ForAll("dates") LocalDate day) {
    Summary s = CALC.summary(all, day);
    for (int t = 0; t < 3; t++) {
      int tier = t;
      Summary.TierRow row = s.tiers().get(t);
      assertThat(s.allies().stream().mapToLong(a -> a.tiers().get(tier).declared()).sum())
          .isEqualTo(row.declared());
      assertThat(s.allies().stream().mapToLong(a -> a.tiers().get(tier).ready()).sum())
          .isEqualTo(row.ready());
      assertThat(s.allies().stream().mapToLong(a -> a.tiers().get(tier).fairShare()).sum())
          .isEqualTo(row.target());
      assertThat(row.ready()).isLessThanOrEqualTo(row.declared());
      assertThat(row.verified()).isLessThanOrEqualTo(row.declared());
      assertThat(row.gap()).isEqualTo(Math.max(0, row.target() - row.ready()));
    }
    long cellSum = s.coverage().stream().mapToLong(Summary.Cell::declared).sum();
    assertThat(cellSum).isEqualTo(s.tiers().stream().mapToLong(Summary.TierRow::declared).sum());
    for (Summary.AllyRow a : s.allies()) {
      assertThat(a.ready()).isLessThanOrEqualTo(a.declared());
    }
  }

  @Property(tries = 200)
  void theCurveNeverFallsAndHoldsTheTiers(
      @ForAll("declarations") List<Declaration> all, @ForAll("dates") LocalDate day) {
    Summary s = CALC.summary(all, day);
    assertThat(s.curve()).hasSize(181);
    for (int d = 1; d <= 180; d++) {
      assertThat(s.curve().get(d).declared())
          .isGreaterThanOrEqualTo(s.curve().get(d - 1).declared());
      assertThat(s.curve().get(d).ready()).isGreaterThanOrEqualTo(s.curve().get(d - 1).ready());
      assertThat(s.curve().get(d).ready()).isLessThanOrEqualTo(s.curve().get(d).declared());
    }
    // no stated tiers here, so the curve at a deadline is exactly the tiers up to it
    long upTo = 0;
    for (Summary.TierRow t : s.tiers()) {
      upTo += t.declared();
      assertThat(s.curve().get(t.deadlineDays()).declared()).isEqualTo(upTo);
    }
    Summary.TrendPoint last = s.trend().get(s.trend().size() - 1);
    assertThat(last.date()).isEqualTo(day);
    assertThat(last.declared()).isEqualTo(upTo);
  }

  @Property(tries = 200)
  void seeingLessNeverAddsUpToMore(
      @ForAll("declarations") List<Declaration> all, @ForAll("dates") LocalDate day) {
    // a reader that sees a subset of the units (whole units: every version of them)
    List<Declaration> visible = new ArrayList<>();
    for (Declaration d : all) {
      if (!d.nation().equals("POL")) {
        visible.add(d);
      }
    }
    Summary full = CALC.summary(all, day);
    Summary part = CALC.summary(visible, day);
    for (int t = 0; t < 3; t++) {
      assertThat(part.tiers().get(t).declared())
          .isLessThanOrEqualTo(full.tiers().get(t).declared());
    }
    assertThat(part.allies().stream().filter(a -> a.iso3().equals("POL")))
        .allSatisfy(a -> assertThat(a.declared()).isZero());
  }
}
