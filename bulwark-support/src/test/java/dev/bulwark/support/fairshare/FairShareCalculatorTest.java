package dev.bulwark.support.fairshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.ally.EconomicSeries;
import dev.bulwark.support.contribution.Category;
import dev.bulwark.support.contribution.Channel;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.Status;
import dev.bulwark.support.contribution.ValuationMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FairShareCalculatorTest {

  private final FairShareCalculator calculator =
      new FairShareCalculator(Allies.nato(), EconomicSeries.worldBankGdp());

  private static Contribution entry(
      String donor, String date, Status status, Category category, String eur) {
    return new Contribution(
        donor + date + eur,
        donor,
        LocalDate.parse(date),
        status,
        category,
        Channel.BILATERAL,
        Optional.empty(),
        new BigDecimal(eur),
        "EUR",
        new BigDecimal(eur),
        ValuationMethod.CONTRACT_PRICE,
        "in euros",
        "",
        "");
  }

  @Test
  void unitedStatesCarriesAbout529PercentOn2023Gdp() {
    FairShareResult result =
        calculator.compute(
            Period.year(2024),
            FairShareCalculator.WASHINGTON_BASELINE_EUR,
            Optional.empty(),
            Status.ALLOCATION,
            List.of());

    assertThat(result.keyYear()).isEqualTo(2023);
    assertThat(result.allies()).hasSize(32);
    AllyShare us = result.of("USA").orElseThrow();
    // By hand: 27,360,935,000,000 / 51,745,290,000,000 (sum of the 32 allies' 2023 GDP) = 0.52876
    assertThat(us.share().doubleValue()).isCloseTo(0.5288, within(0.0005));
    assertThat(us.fairShareEur().doubleValue()).isCloseTo(21.15e9, within(0.01e9));
    assertThat(result.of("EST").orElseThrow().fairShareEur().doubleValue())
        .isCloseTo(31.5e6, within(0.2e6));
  }

  @Test
  void sharesAlwaysSumToTheBaselineToTheCent() {
    for (String baseline : List.of("40000000000", "1.01", "12345678.91", "0.31")) {
      FairShareResult result =
          calculator.compute(
              Period.year(2024),
              new BigDecimal(baseline),
              Optional.of(2023),
              Status.DELIVERED,
              List.of());
      BigDecimal sum =
          result.allies().stream()
              .map(AllyShare::fairShareEur)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(sum).isEqualByComparingTo(baseline);
    }
  }

  @Test
  void halfYearGetsHalfTheBaselineAndOnlyItsOwnContributions() {
    List<Contribution> entries =
        List.of(
            entry("EST", "2024-03-01", Status.DELIVERED, Category.IN_KIND_DONATION, "40000000"),
            entry("EST", "2024-09-01", Status.DELIVERED, Category.TRAINING, "5000000"),
            entry("EST", "2024-04-01", Status.PLEDGE, Category.IN_KIND_DONATION, "7000000"),
            entry("EST", "2024-05-01", Status.DELIVERED, Category.HUMANITARIAN, "3000000"),
            entry("EST", "2024-05-02", Status.DELIVERED, Category.IN_KIND_DONATION, "-1000000"));

    FairShareResult h1 =
        calculator.compute(
            Period.half(2024, 1),
            FairShareCalculator.WASHINGTON_BASELINE_EUR,
            Optional.empty(),
            Status.ALLOCATION,
            entries);

    assertThat(h1.baselineEur()).isEqualByComparingTo("20000000000");
    AllyShare est = h1.of("EST").orElseThrow();
    assertThat(est.eligibleEur()).isEqualByComparingTo("39000000"); // correction subtracts
    assertThat(est.pledgedEur()).isEqualByComparingTo("46000000");
    assertThat(est.reportingOnlyEur()).isEqualByComparingTo("3000000");
    assertThat(est.gapEur()).isZero();
    assertThat(est.surplusEur())
        .isEqualByComparingTo(est.eligibleEur().subtract(est.fairShareEur()));
    assertThat(h1.shortfallEur())
        .isEqualByComparingTo(h1.baselineEur().subtract(new BigDecimal("39000000")));
  }

  @Test
  void swedenIsNotAMemberBefore2024() {
    FairShareResult result =
        calculator.compute(
            Period.year(2023),
            FairShareCalculator.WASHINGTON_BASELINE_EUR,
            Optional.empty(),
            Status.DELIVERED,
            List.of());
    assertThat(result.allies()).hasSize(31);
    assertThat(result.of("SWE")).isEmpty();
  }

  @Test
  void refusesAKeyYearWithoutData() {
    assertThatThrownBy(
            () ->
                calculator.compute(
                    Period.year(2024),
                    BigDecimal.TEN,
                    Optional.of(2030),
                    Status.DELIVERED,
                    List.of()))
        .hasMessageContaining("no GDP for 2030");
  }
}
