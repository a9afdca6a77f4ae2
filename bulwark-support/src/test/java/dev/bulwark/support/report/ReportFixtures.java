package dev.bulwark.support.report;

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

/** A small ledger written by hand for the report and export tests. */
final class ReportFixtures {
  private ReportFixtures() {}

  static Contribution entry(
      String id, String donor, String date, Status status, Category category, String eur) {
    return new Contribution(
        id,
        donor,
        LocalDate.parse(date),
        status,
        category,
        Channel.BILATERAL,
        Optional.of(Coalition.ARTILLERY),
        new BigDecimal(eur),
        "EUR",
        new BigDecimal(eur),
        ValuationMethod.CONTRACT_PRICE,
        "in euros",
        "155 mm <shells> & fuses",
        "https://example.org/" + id);
  }

  static List<Contribution> ledger() {
    return List.of(
        entry("U1", "USA", "2024-02-01", Status.DELIVERED, Category.IN_KIND_DONATION, "9000000000"),
        entry("U2", "USA", "2024-08-01", Status.PLEDGE, Category.EQUIPMENT_PURCHASE, "5000000000"),
        entry("E1", "EST", "2024-03-01", Status.ALLOCATION, Category.TRAINING, "40000000"),
        entry("E2", "EST", "2024-04-01", Status.DELIVERED, Category.TRAINING, "-5000000"),
        entry("D1", "DEU", "2023-10-01", Status.DELIVERED, Category.HUMANITARIAN, "100000000"),
        entry("D2", "DEU", "2024-11-01", Status.COMMITMENT, Category.NATO_TRUST_FUND, "700000000"));
  }
}
