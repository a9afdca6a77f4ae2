package dev.bulwark.support.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.support.allocation.Requirement;
import dev.bulwark.support.contribution.Category;
import dev.bulwark.support.contribution.Channel;
import dev.bulwark.support.contribution.Coalition;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.Status;
import dev.bulwark.support.contribution.ValuationMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForecasterTest {

  private static Contribution entry(String donor, String date, Status status, String eur) {
    return new Contribution(
        donor + date,
        donor,
        LocalDate.parse(date),
        status,
        Category.IN_KIND_DONATION,
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

  private final List<Contribution> ledger =
      List.of(
          entry("DEU", "2025-02-01", Status.DELIVERED, "300"),
          entry("DEU", "2025-05-01", Status.PLEDGE, "400"),
          entry("USA", "2025-08-01", Status.COMMITMENT, "200"),
          entry("USA", "2026-01-15", Status.PLEDGE, "100"));

  @Test
  void quarterByQuarterGapFromSchedulesAndNeeds() {
    // Need: 1,600 a year = 400 a quarter, plus a requirement of 2 x 150 due in 2025-Q3.
    List<Requirement> needs =
        List.of(
            new Requirement("R", Coalition.ARMOUR, "tank", 2, 150, 1, LocalDate.of(2025, 9, 30)));
    Forecast f =
        new Forecaster(Status.ALLOCATION)
            .forecast(
                LocalDate.of(2025, 1, 1), 5, new BigDecimal("1600"), needs, ledger, List.of());

    assertThat(f.quarters())
        .extracting(q -> q.quarter().label())
        .containsExactly("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1");
    QuarterRow q1 = f.quarters().get(0);
    assertThat(q1.countedEur()).isEqualByComparingTo("300");
    assertThat(q1.gapEur()).isEqualByComparingTo("100");
    assertThat(f.quarters().get(1).scheduledEur()).isEqualByComparingTo("400");
    assertThat(f.quarters().get(1).gapEur()).isZero();
    QuarterRow q3 = f.quarters().get(2);
    assertThat(q3.needEur()).isEqualByComparingTo("700");
    assertThat(q3.gapEur()).isEqualByComparingTo("500");
    assertThat(q3.cumulativeGapEur()).isEqualByComparingTo("600");
    // By hand: need 5 x 400 + 300 = 2,300; support 300 + 400 + 200 + 100 = 1,000.
    assertThat(f.totalGapEur()).isEqualByComparingTo("1300");
  }

  @Test
  void whatIfScalesOnlyTheAllysSchedules() {
    Forecaster forecaster = new Forecaster(Status.ALLOCATION);
    Forecast base =
        forecaster.forecast(
            LocalDate.of(2025, 1, 1), 5, new BigDecimal("1600"), List.of(), ledger, List.of());
    Forecast cut =
        forecaster.forecast(
            LocalDate.of(2025, 1, 1),
            5,
            new BigDecimal("1600"),
            List.of(),
            ledger,
            List.of(PledgeChange.parse("DEU=-100%"), PledgeChange.parse("usa=1.5")));
    // DEU's 400 pledge is cancelled (its 300 delivered stays); the USA's 300 scheduled become 450.
    assertThat(cut.totalSupplyEur())
        .isEqualByComparingTo(
            base.totalSupplyEur().subtract(new BigDecimal("400")).add(new BigDecimal("150")));
    assertThat(cut.quarters().get(0).countedEur()).isEqualByComparingTo("300");
  }

  @Test
  void whatIfSyntaxIsChecked() {
    assertThat(PledgeChange.parse("POL=+25%").factor()).isEqualByComparingTo("1.25");
    assertThatThrownBy(() -> PledgeChange.parse("POL")).hasMessageContaining("DEU=1.5");
    assertThatThrownBy(() -> PledgeChange.parse("POL=-150%"))
        .hasMessageContaining("must not be negative");
  }
}
