package dev.bulwark.support.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bulwark.support.contribution.Coalition;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class AllocatorTest {

  private final Allocator allocator = new Allocator();
  private static final LocalDate JUNE = LocalDate.of(2025, 6, 30);

  static Requirement need(
      String id, String item, double qty, double unit, int priority, LocalDate by) {
    return new Requirement(id, Coalition.ARTILLERY, item, qty, unit, priority, by);
  }

  static Offer items(String id, String ally, String item, double qty, LocalDate from) {
    return new Offer(id, ally, Offer.Kind.ITEMS, Optional.of(Coalition.ARTILLERY), item, qty, from);
  }

  private static RequirementOutcome outcome(AllocationResult result, String id) {
    return result.requirements().stream()
        .filter(r -> r.requirement().id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static OfferOutcome offer(AllocationResult result, String id) {
    return result.offers().stream()
        .filter(r -> r.offer().id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void lateOfferCannotFillAndTheShortfallSaysWhy() {
    // By hand: only POL's 60 shells arrive before 30 June, DEU's 80 come in September; 40 stay
    // short.
    AllocationResult result =
        allocator.allocate(
            List.of(need("R1", "155mm", 100, 1000, 1, JUNE)),
            List.of(
                items("O-POL", "POL", "155mm", 60, LocalDate.of(2025, 1, 1)),
                items("O-DEU", "DEU", "155mm", 80, LocalDate.of(2025, 9, 1))),
            Map.of("POL", 0.5, "DEU", 0.5),
            Map.of());

    RequirementOutcome r1 = outcome(result, "R1");
    assertThat(r1.filledUnits()).isCloseTo(60, within(1e-4));
    assertThat(r1.shortfallUnits()).isCloseTo(40, within(1e-4));
    assertThat(result.shortfallEur()).isCloseTo(40_000, within(0.01));
    assertThat(result.weightedShortfallEur()).isCloseTo(5 * 40_000, within(0.01));
    assertThat(r1.explanation())
        .contains("POL (O-POL: 60)")
        .contains("used up, all of them by it")
        .contains("after its need-by date 2025-06-30");
    assertThat(offer(result, "O-DEU").unused()).isCloseTo(80, within(1e-4));
    assertThat(offer(result, "O-DEU").explanation()).contains("available from 2025-09-01");
    assertThat(result.variables()).isEqualTo(1);
  }

  @Test
  void higherPriorityIsServedFirst() {
    // By hand: 60 shells for 50 (priority 1) + 50 (priority 5): the urgent one gets 50, the other
    // 10.
    AllocationResult result =
        allocator.allocate(
            List.of(
                need("LOW", "155mm", 50, 1000, 5, JUNE), need("HIGH", "155mm", 50, 1000, 1, JUNE)),
            List.of(items("O1", "POL", "155mm", 60, LocalDate.of(2025, 1, 1))),
            Map.of("POL", 1.0),
            Map.of());

    assertThat(outcome(result, "HIGH").filledUnits()).isCloseTo(50, within(1e-4));
    assertThat(outcome(result, "LOW").filledUnits()).isCloseTo(10, within(1e-4));
    assertThat(outcome(result, "LOW").explanation()).contains("higher priority");
    assertThat(result.weightedShortfallEur()).isCloseTo(40 * 1000 * 1, within(0.01));
  }

  @Test
  void surplusIsSharedInProportionToTheKey() {
    // By hand: 100 units of EUR 1 m; both allies could deliver all of it; shares 90/10 => 90 and
    // 10.
    AllocationResult result =
        allocator.allocate(
            List.of(need("R", "HIMARS rockets", 100, 1_000_000, 2, JUNE)),
            List.of(
                items("US", "USA", "HIMARS rockets", 100, LocalDate.of(2025, 1, 1)),
                items("EE", "EST", "himars rockets", 100, LocalDate.of(2025, 1, 1))),
            Map.of("USA", 9.0, "EST", 1.0),
            Map.of());

    assertThat(result.shortfallEur()).isZero();
    assertThat(result.assignments())
        .extracting(Assignment::ally, a -> Math.round(a.units()))
        .containsExactlyInAnyOrder(Tuple.tuple("USA", 90L), Tuple.tuple("EST", 10L));
    assertThat(result.maxDeviationEur()).isLessThan(1);
  }

  @Test
  void priorContributionsShiftTheBurden() {
    // By hand: EST already gave EUR 30 m, USA nothing; total 130 m, targets 65/65 => USA 65, EST
    // 35.
    AllocationResult result =
        allocator.allocate(
            List.of(need("R", "rockets", 100, 1_000_000, 2, JUNE)),
            List.of(
                items("US", "USA", "rockets", 100, LocalDate.of(2025, 1, 1)),
                items("EE", "EST", "rockets", 100, LocalDate.of(2025, 1, 1))),
            Map.of("USA", 1.0, "EST", 1.0),
            Map.of("EST", 30_000_000.0));

    AllyOutcome usa =
        result.allies().stream().filter(a -> a.ally().equals("USA")).findFirst().orElseThrow();
    assertThat(usa.allocatedEur()).isCloseTo(65e6, within(1.0));
    assertThat(result.maxDeviationEur()).isLessThan(1);
  }

  @Test
  void fundsBuyUnitsAtTheRequirementsValue() {
    // By hand: EUR 5 m of funds at EUR 2 m a drone buy 2.5 drones; 7.5 stay short.
    AllocationResult result =
        allocator.allocate(
            List.of(new Requirement("D", Coalition.DRONES, "interceptor", 10, 2_000_000, 3, JUNE)),
            List.of(
                new Offer(
                    "F",
                    "NOR",
                    Offer.Kind.FUNDS,
                    Optional.empty(),
                    "",
                    5_000_000,
                    LocalDate.of(2025, 1, 1))),
            Map.of("NOR", 1.0),
            Map.of());

    assertThat(outcome(result, "D").filledUnits()).isCloseTo(2.5, within(1e-4));
    assertThat(offer(result, "F").unused()).isCloseTo(0, within(0.01));
  }

  @Test
  void saysWhenNobodyOffersTheItem() {
    AllocationResult result =
        allocator.allocate(
            List.of(need("R", "towed howitzer", 4, 3_000_000, 1, JUNE)),
            List.of(items("O", "FRA", "155mm", 10, LocalDate.of(2025, 1, 1))),
            Map.of("FRA", 1.0),
            Map.of());

    assertThat(outcome(result, "R").explanation()).contains("no ally offers 'towed howitzer'");
    assertThat(offer(result, "O").explanation()).contains("no requirement asks for '155mm'");
    assertThat(result.variables()).isZero();
  }

  @Test
  void stage2PicksTheFairerOfTwoEqualShortfallAssignments() {
    // By hand: POL's 10 units fill either R1 (priority 1, EUR 3 m each) or R2 (priority 3, EUR 5 m
    // each); both leave the same weighted shortfall, 5 * 3 m * 10 = 3 * 5 m * 10 = EUR 150 m. DEU
    // fills R3 for EUR 10 m; shares 50/50. POL on R1: allocated 30 + 10 = 40 m, targets 20/20,
    // largest deviation 10 m. POL on R2: 50 + 10 = 60 m, targets 30/30, deviation 20 m. Any mix
    // with a units on R2 deviates 10 + a m, so stage 2 must put all of POL's units on R1.
    List<Requirement> reqs =
        List.of(
            need("R1", "a", 10, 3e6, 1, JUNE),
            need("R2", "a", 10, 5e6, 3, JUNE),
            need("R3", "b", 10, 1e6, 2, JUNE));
    List<Offer> offers =
        List.of(
            items("O-POL", "POL", "a", 10, LocalDate.of(2025, 1, 1)),
            items("O-DEU", "DEU", "b", 10, LocalDate.of(2025, 1, 1)));
    AllocationResult result =
        allocator.allocate(reqs, offers, Map.of("POL", 1.0, "DEU", 1.0), Map.of());

    assertThat(result.stage2()).isEqualTo(Allocator.Stage2.EXACT);
    assertThat(result.weightedShortfallEur()).isCloseTo(150e6, within(1.0));
    assertThat(outcome(result, "R1").filledUnits()).isCloseTo(10, within(1e-4));
    assertThat(outcome(result, "R2").shortfallUnits()).isCloseTo(10, within(1e-4));
    assertThat(result.maxDeviationEur()).isCloseTo(10e6, within(1.0));
  }

  @Test
  void fixedFillStage2SharesARequirementBetweenAllies() {
    // By hand: 100 units of EUR 1 m, POL and DEU could each deliver all; shares 3:1 => 75 and 25.
    // The pooled stage 2 (forced by an exact limit of 0) must move stage 1's split, whatever it
    // was.
    AllocationResult result =
        new Allocator(0, Duration.ofSeconds(30))
            .allocate(
                List.of(need("R", "a", 100, 1e6, 2, JUNE)),
                List.of(
                    items("O-POL", "POL", "a", 100, LocalDate.of(2025, 1, 1)),
                    items("O-DEU", "DEU", "a", 100, LocalDate.of(2025, 2, 1))),
                Map.of("POL", 3.0, "DEU", 1.0),
                Map.of());

    assertThat(result.stage2()).isEqualTo(Allocator.Stage2.FIXED_FILLS);
    assertThat(result.shortfallEur()).isZero();
    assertThat(result.assignments())
        .extracting(Assignment::ally, a -> Math.round(a.units()))
        .containsExactlyInAnyOrder(Tuple.tuple("POL", 75L), Tuple.tuple("DEU", 25L));
    assertThat(result.maxDeviationEur()).isLessThan(1);
  }

  @Test
  void fixedFillStage2SpendsTheFairerFundsAndKeepsDates() {
    // By hand: R (drones, EUR 2 m a unit, 10 units, by 30 June) can be bought with NOR's EUR 30 m
    // (from January) or USA's EUR 30 m (from March); EUR 20 m are needed. Shares 1:1 => 10 m each.
    // USA's later EUR 30 m from October cannot be used at all.
    AllocationResult result =
        new Allocator(0, Duration.ofSeconds(30))
            .allocate(
                List.of(new Requirement("R", Coalition.DRONES, "fpv", 10, 2e6, 2, JUNE)),
                List.of(
                    new Offer(
                        "F-NOR",
                        "NOR",
                        Offer.Kind.FUNDS,
                        Optional.of(Coalition.DRONES),
                        "",
                        30e6,
                        LocalDate.of(2025, 1, 1)),
                    new Offer(
                        "F-USA",
                        "USA",
                        Offer.Kind.FUNDS,
                        Optional.of(Coalition.DRONES),
                        "",
                        30e6,
                        LocalDate.of(2025, 3, 1)),
                    new Offer(
                        "F-USA-LATE",
                        "USA",
                        Offer.Kind.FUNDS,
                        Optional.of(Coalition.DRONES),
                        "",
                        30e6,
                        LocalDate.of(2025, 10, 1))),
                Map.of("NOR", 1.0, "USA", 1.0),
                Map.of());

    assertThat(result.shortfallEur()).isZero();
    assertThat(offer(result, "F-NOR").used()).isCloseTo(10e6, within(1.0));
    assertThat(offer(result, "F-USA").used()).isCloseTo(10e6, within(1.0));
    assertThat(offer(result, "F-USA-LATE").used()).isZero();
    assertThat(offer(result, "F-USA-LATE").explanation()).contains("available from 2025-10-01");
  }

  @Test
  void refusesAnOfferFromAnAllyWithoutShare() {
    assertThatThrownBy(
            () ->
                allocator.allocate(
                    List.of(),
                    List.of(items("O", "XXX", "a", 1, JUNE)),
                    Map.of("USA", 1.0),
                    Map.of()))
        .hasMessageContaining("XXX has no fair share");
  }
}
