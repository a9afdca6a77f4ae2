package dev.bulwark.readiness.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.readiness.declaration.Declaration;
import dev.bulwark.readiness.declaration.Status;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReadinessCalculatorTest {
  private final ReadinessCalculator calc = ReadinessCalculator.nato();

  @Test
  void countsTheVersionValidOnTheDateInItsTierAndOnTheCurve() {
    List<Declaration> all =
        List.of(
            Decl.of("EST", "1st Brigade", 3000, 5, 2, Status.EXERCISED, "2025-01-01"),
            Decl.of("EST", "1st Brigade", 3500, 20, 3, Status.DECLARED, "2026-06-01"),
            Decl.of("DEU", "PzBrig 45", 5000, 25, 1, Status.CERTIFIED, "2026-01-01"),
            Decl.of("SWE", "MekBat", 800, 60, 2, Status.SNAP_INSPECTED, "2023-01-01"),
            Decl.of("USA", "Reserve", 9000, 365, 1, Status.DECLARED, "2026-01-01"));
    Summary may = calc.summary(all, LocalDate.parse("2026-05-31"));
    assertThat(may.units()).isEqualTo(4);
    assertThat(may.tiers().get(0).declared()).isEqualTo(3000);
    assertThat(may.tiers().get(0).ready()).isEqualTo(3000);
    assertThat(may.tiers().get(0).verified()).isEqualTo(3000);
    assertThat(may.tiers().get(0).gap()).isEqualTo(97_000);
    assertThat(may.tiers().get(1).declared()).isEqualTo(5000);
    assertThat(may.tiers().get(2).declared()).isEqualTo(800);
    assertThat(may.curve().get(4).declared()).isZero();
    assertThat(may.curve().get(5).declared()).isEqualTo(3000);
    assertThat(may.curve().get(25).ready()).isEqualTo(8000);
    assertThat(may.curve().get(180).declared()).isEqualTo(8800);
    assertThat(may.highReadiness().declared()).isEqualTo(8000);

    Summary june = calc.summary(all, LocalDate.parse("2026-06-01"));
    assertThat(june.tiers().get(0).declared()).as("the new version moved it to tier 2").isZero();
    assertThat(june.tiers().get(1).declared()).isEqualTo(8500);
    assertThat(june.tiers().get(1).ready()).isEqualTo(5000);
  }

  @Test
  void swedenCountsOnlyOnceAMember() {
    List<Declaration> all =
        List.of(Decl.of("SWE", "MekBat", 800, 60, 2, Status.DECLARED, "2023-01-01"));
    assertThat(calc.summary(all, LocalDate.parse("2024-03-06")).units()).isZero();
    assertThat(calc.summary(all, LocalDate.parse("2024-03-07")).units()).isOne();
    assertThat(calc.summary(all, LocalDate.parse("2024-03-06")).allies())
        .extracting(Summary.AllyRow::iso3)
        .doesNotContain("SWE");
  }

  @Test
  void fairSharesSplitEachTargetByGdpExactly() {
    Summary s = calc.summary(List.of(), LocalDate.parse("2026-01-01"));
    assertThat(s.allies()).hasSize(32);
    for (int t = 0; t < 3; t++) {
      int tier = t;
      long sum = s.allies().stream().mapToLong(a -> a.tiers().get(tier).fairShare()).sum();
      assertThat(sum).isEqualTo(s.tiers().get(t).target());
    }
    Summary.AllyRow usa =
        s.allies().stream().filter(a -> a.iso3().equals("USA")).findFirst().orElseThrow();
    Summary.AllyRow est =
        s.allies().stream().filter(a -> a.iso3().equals("EST")).findFirst().orElseThrow();
    assertThat(usa.tiers().get(0).fairShare()).isGreaterThan(est.tiers().get(0).fairShare() * 100);
  }

  @Test
  void jsonHasTheContractShape() {
    Summary s =
        calc.summary(
            List.of(Decl.of("EST", "1st Brigade", 3000, 5, 2, Status.EXERCISED, "2025-01-01")),
            LocalDate.parse("2026-01-01"));
    JsonNode j = SummaryJson.write(s);
    assertThat(j.get("tiers")).hasSize(3);
    JsonNode t1 = j.get("tiers").get(0);
    assertThat(t1.propertyNames())
        .containsExactly("tier", "deadline_days", "target", "declared", "ready", "gap");
    assertThat(t1.get("declared").isIntegralNumber()).isTrue();
    assertThat(t1.get("gap").asLong()).isEqualTo(97_000);
    assertThat(j.get("curve")).hasSize(181);
    assertThat(j.get("curve").get(180).propertyNames()).containsExactly("day", "declared", "ready");
    JsonNode ally = j.get("allies").get(0);
    assertThat(ally.propertyNames()).containsExactly("iso3", "declared", "ready", "fair_share");
    assertThat(ally.get("fair_share")).hasSize(3);
    assertThat(j.get("trend")).hasSize(ReadinessCalculator.TREND_QUARTERS + 1);
  }
}
