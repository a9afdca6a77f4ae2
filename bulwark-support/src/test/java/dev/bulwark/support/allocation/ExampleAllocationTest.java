package dev.bulwark.support.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.ally.EconomicSeries;
import dev.bulwark.support.fairshare.FairShareCalculator;
import dev.bulwark.support.fairshare.Period;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The example files (also used to try {@code bulwark support allocate}), solved by hand. */
class ExampleAllocationTest {

  @Test
  void exampleFilesAllocateAsWorkedOutByHand() throws Exception {
    AllocationCsv csv = new AllocationCsv(Allies.nato());
    var reqs =
        csv.requirements(
            new InputStreamReader(
                getClass().getResourceAsStream("example-requirements.csv"), StandardCharsets.UTF_8),
            "r");
    var offers =
        csv.offers(
            new InputStreamReader(
                getClass().getResourceAsStream("example-offers.csv"), StandardCharsets.UTF_8),
            "o");
    Map<String, Double> shares = new LinkedHashMap<>();
    new FairShareCalculator(Allies.nato(), EconomicSeries.worldBankGdp())
        .shares(Period.year(2025), Optional.empty())
        .forEach((k, v) -> shares.put(k, v.doubleValue()));

    AllocationResult r = new Allocator().allocate(reqs.items(), offers.items(), shares, Map.of());

    // By hand: 16 interceptors short (USA's come in August) = 24 m; 7,000 drones short = 3.5 m
    // (LVA 5,000 + NLD's EUR 4 m buy 8,000 of 20,000); no demining offer before 31 March = 20 m.
    assertThat(r.shortfallEur()).isCloseTo(47_500_000, within(1.0));
    // Both artillery needs are met: 150,000 shells from USA 80,000, FRA, CZE 30,000 and NOR's
    // funds.
    r.requirements().stream()
        .filter(o -> o.requirement().coalition().name().equals("ARTILLERY"))
        .forEach(o -> assertThat(o.shortfallUnits()).isZero());
    assertThat(
            r.requirements().stream()
                .filter(o -> o.requirement().id().equals("R-DM1"))
                .findFirst()
                .orElseThrow()
                .explanation())
        .contains("available only from 2025-07-01, after the need-by date 2025-03-31");
  }
}
