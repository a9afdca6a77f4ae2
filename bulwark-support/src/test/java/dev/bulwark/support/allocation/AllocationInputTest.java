package dev.bulwark.support.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.support.contribution.Category;
import dev.bulwark.support.contribution.Channel;
import dev.bulwark.support.contribution.Coalition;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.Status;
import dev.bulwark.support.contribution.ValuationMethod;
import dev.bulwark.support.fairshare.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Shares and prior contributions as the API and the CLI give them to the allocator. */
class AllocationInputTest {

  private static Contribution entry(String donor, String date, Status status, String eur) {
    return new Contribution(
        donor + date + status,
        donor,
        LocalDate.parse(date),
        status,
        Category.TRAINING,
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
  void priorCountsOnlyTheYearsEntriesAtOrAboveTheCountedStatus() {
    Map<String, BigDecimal> shares = new LinkedHashMap<>();
    shares.put("USA", new BigDecimal("0.6"));
    shares.put("EST", new BigDecimal("0.4"));
    List<Contribution> ledger =
        List.of(
            entry("EST", "2025-03-01", Status.DELIVERED, "100"),
            entry("EST", "2025-04-01", Status.ALLOCATION, "50"),
            entry("EST", "2025-05-01", Status.PLEDGE, "1000"),
            entry("EST", "2024-12-31", Status.DELIVERED, "7"),
            entry("USA", "2025-06-01", Status.DELIVERED, "-20"));
    AllocationInput in = AllocationInput.of(shares, Period.year(2025), ledger, Status.ALLOCATION);
    assertThat(in.shares()).containsExactly(Map.entry("USA", 0.6), Map.entry("EST", 0.4));
    assertThat(in.prior()).containsOnly(Map.entry("EST", 150.0), Map.entry("USA", -20.0));

    AllocationInput none =
        AllocationInput.of(shares, Period.year(2025), List.of(), Status.ALLOCATION);
    assertThat(none.prior()).isEmpty();
  }

  @Test
  void allocatingIsTheAllocatorsAnswer() {
    List<Requirement> reqs =
        List.of(
            new Requirement("R1", Coalition.DRONES, "fpv", 10, 5, 1, LocalDate.of(2030, 6, 30)));
    AllocationInput in = new AllocationInput(Map.of("EST", 1.0), Map.of());
    AllocationResult r = in.allocate(reqs, List.of());
    assertThat(r.shortfallEur()).isEqualTo(50.0);
    assertThat(r)
        .usingRecursiveComparison()
        .ignoringFields("solveMillis")
        .isEqualTo(new Allocator().allocate(reqs, List.of(), Map.of("EST", 1.0), Map.of()));
  }
}
