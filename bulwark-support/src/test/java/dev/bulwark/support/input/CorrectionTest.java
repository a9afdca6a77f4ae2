package dev.bulwark.support.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import tools.jackson.databind.json.JsonMapper;

/**
 * The correction rules: a negative entry within what remains of the entry, in its currency, on or
 * after its date, never of a correction.
 */
class CorrectionTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Contribution ORIGINAL =
      new Contribution(
          "est-2021-1",
          "EST",
          LocalDate.of(2021, 6, 1),
          Status.DELIVERED,
          Category.IN_KIND_DONATION,
          Channel.BILATERAL,
          Optional.empty(),
          new BigDecimal("1000000"),
          "USD",
          new BigDecimal("900000.00"),
          ValuationMethod.DONOR_REPORTED,
          "annual 2021",
          "drones",
          "press release");

  private static Correction.Request request(String json) {
    return Correction.request(JSON.readTree(json));
  }

  private static Contribution build(String json, List<Contribution> earlier) {
    return Correction.build(ORIGINAL, false, earlier, request(json), "est-officer", () -> "c-x");
  }

  @Test
  void aPartialCorrectionCancelsItsShareOfTheEurosOnTheEntrysDate() {
    Contribution c =
        build("{\"corrects\":\"est-2021-1\",\"amount\":250000,\"reason\":\"r\"}", List.of());
    assertThat(c.id()).isEqualTo("est-2021-1~c1");
    assertThat(c.amount()).isEqualByComparingTo("-250000");
    assertThat(c.currency()).isEqualTo("USD");
    assertThat(c.eur()).isEqualByComparingTo("-225000.00");
    assertThat(c.date()).isEqualTo(ORIGINAL.date());
    assertThat(c.description()).isEqualTo("Correction of est-2021-1: r");
    assertThat(c.source()).isEqualTo("entered by est-officer");
    assertThat(c.isCorrection()).isTrue();
  }

  @Test
  void withoutAnAmountWhatRemainsIsCancelledExactly() {
    Contribution first =
        build("{\"corrects\":\"est-2021-1\",\"amount\":\"250000\",\"reason\":\"r\"}", List.of());
    Contribution rest =
        build("{\"corrects\":\"est-2021-1\",\"reason\":\"withdrawn\"}", List.of(first));
    assertThat(rest.id()).isEqualTo("est-2021-1~c2");
    assertThat(rest.amount()).isEqualByComparingTo("-750000");
    assertThat(rest.eur()).isEqualByComparingTo("-675000.00");
    assertThatThrownBy(
            () -> build("{\"corrects\":\"est-2021-1\",\"reason\":\"again\"}", List.of(first, rest)))
        .isInstanceOf(InputRejected.class)
        .hasMessageContaining("already corrected to zero");
  }

  @Test
  void moreThanRemainsIsRefusedNamingWhatRemains() {
    Contribution first =
        build("{\"corrects\":\"est-2021-1\",\"amount\":250000,\"reason\":\"r\"}", List.of());
    assertThatThrownBy(
            () ->
                build(
                    "{\"corrects\":\"est-2021-1\",\"amount\":800000,\"reason\":\"too much\"}",
                    List.of(first)))
        .isInstanceOfSatisfying(
            InputRejected.class,
            e -> {
              assertThat(e.kind()).isEqualTo(InputRejected.Kind.INVALID);
              assertThat(e.problems().get(0).where()).isEqualTo("amount");
              assertThat(e.getMessage()).contains("750000 USD");
            });
  }

  @Test
  void aCorrectionIsNeverCorrectedAndNeverDatedBeforeTheEntry() {
    Contribution c = build("{\"corrects\":\"est-2021-1\",\"reason\":\"r\"}", List.of());
    assertThatThrownBy(
            () ->
                Correction.build(
                    c,
                    false,
                    List.of(),
                    request("{\"corrects\":\"x\",\"reason\":\"r\"}"),
                    "p",
                    () -> "c"))
        .hasMessageContaining("is itself a correction");
    assertThatThrownBy(
            () ->
                Correction.build(
                    ORIGINAL,
                    true,
                    List.of(),
                    request("{\"corrects\":\"x\",\"reason\":\"r\"}"),
                    "p",
                    () -> "c"))
        .hasMessageContaining("is itself a correction");
    assertThatThrownBy(
            () ->
                build(
                    "{\"corrects\":\"est-2021-1\",\"date\":\"2021-05-31\",\"reason\":\"r\"}",
                    List.of()))
        .hasMessageStartingWith("date: must be from the entry's date 2021-06-01");
    assertThat(
            build(
                    "{\"corrects\":\"est-2021-1\",\"date\":\"2022-01-10\",\"reason\":\"r\"}",
                    List.of())
                .date())
        .isEqualTo(LocalDate.of(2022, 1, 10));
  }

  @Test
  void theRequestNeedsAnIdAndAReasonAndNoOtherFields() {
    assertThatThrownBy(() -> request("[]")).hasMessage("body: must be a JSON object");
    assertThatThrownBy(() -> request("{\"corrects\":\"a\",\"reason\":\"r\",\"x\":1}"))
        .hasMessageStartingWith("x: unknown field");
    assertThatThrownBy(() -> request("{\"reason\":\"r\"}")).hasMessageStartingWith("corrects:");
    assertThatThrownBy(() -> request("{\"corrects\":\"a\"}")).hasMessageStartingWith("reason:");
    assertThatThrownBy(
            () -> request("{\"corrects\":\"a\",\"reason\":\"" + "r".repeat(1001) + "\"}"))
        .hasMessageStartingWith("reason:");
    assertThat(request("{\"corrects\":\" a \",\"reason\":\" r \",\"amount\":null}"))
        .isEqualTo(new Correction.Request("a", "r", Optional.empty(), Optional.empty()));
  }

  @Test
  void hugeOrTinyAmountsAreRefusedBeforeAnyArithmetic() {
    assertThatThrownBy(
            () ->
                build(
                    "{\"corrects\":\"est-2021-1\",\"amount\":\"1e99999999\",\"reason\":\"r\"}",
                    List.of()))
        .hasMessageStartingWith("amount:");
    assertThatThrownBy(
            () ->
                build(
                    "{\"corrects\":\"est-2021-1\",\"amount\":\"0.000001\",\"reason\":\"r\"}",
                    List.of()))
        .hasMessage("amount: too small to change the value in euros");
    assertThatThrownBy(
            () ->
                build(
                    "{\"corrects\":\"est-2021-1\",\"amount\":\"abc\",\"reason\":\"r\"}", List.of()))
        .hasMessageStartingWith("amount:");
  }

  @Test
  void aTooLongDerivedIdIsReplacedByARandomOne() {
    Contribution longId =
        new Contribution(
            "x".repeat(198),
            ORIGINAL.donor(),
            ORIGINAL.date(),
            ORIGINAL.status(),
            ORIGINAL.category(),
            ORIGINAL.channel(),
            ORIGINAL.coalition(),
            ORIGINAL.amount(),
            ORIGINAL.currency(),
            ORIGINAL.eur(),
            ORIGINAL.valuation(),
            ORIGINAL.fxBasis(),
            ORIGINAL.description(),
            ORIGINAL.source());
    Contribution c =
        Correction.build(
            longId,
            false,
            List.of(),
            request("{\"corrects\":\"" + longId.id() + "\",\"reason\":\"r\"}"),
            "p",
            () -> "c-random");
    assertThat(c.id()).isEqualTo("c-random");
  }
}
