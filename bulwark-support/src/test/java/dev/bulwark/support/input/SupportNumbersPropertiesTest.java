package dev.bulwark.support.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.support.allocation.Requirement;
import dev.bulwark.support.ally.Allies;
import dev.bulwark.support.contribution.Contribution;
import dev.bulwark.support.contribution.ContributionCsv;
import dev.bulwark.support.csv.CsvReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The numbers of support input (issue 14, finding 7: a 150-byte CSV with amount {@code 1e99999999}
 * pinned a core for minutes): whatever the text, an upload is either accepted with values in range
 * or refused naming the row and the field, and never slowly.
 */
class SupportNumbersPropertiesTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /**
   * Far above what any check here takes (microseconds), far below the minutes the finding measured.
   */
  private static final Duration QUICK = Duration.ofSeconds(2);

  private static final BigDecimal E15 = BigDecimal.TEN.pow(15);
  private static final BigDecimal E18 = BigDecimal.TEN.pow(18);

  private final ContributionInput contributions =
      new ContributionInput(Allies.nato(), ContributionCsv.standard());
  private final PlanningInput planning = new PlanningInput(Allies.nato());

  @Provide
  Arbitrary<String> numbers() {
    Arbitrary<String> scientific =
        Combinators.combine(
                Arbitraries.of("", "-", "+"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25),
                Arbitraries.of("", ".", ".5", ".000000000000000000001", ".25"),
                Arbitraries.of("e", "E", "e+", "e-", "E-"),
                Arbitraries.oneOf(Arbitraries.integers().between(-40, 40), Arbitraries.integers()))
            .as(
                (sign, digits, fraction, e, exponent) ->
                    sign + digits + fraction + e + Math.abs(exponent));
    return Arbitraries.oneOf(
        scientific,
        Arbitraries.strings().withChars("0123456789eE+-.").ofMaxLength(30),
        Arbitraries.bigDecimals()
            .between(new BigDecimal("-1e20"), new BigDecimal("1e20"))
            .ofScale(4)
            .map(BigDecimal::toPlainString),
        Arbitraries.strings().numeric().ofMinLength(90).ofMaxLength(300),
        Arbitraries.of(
            "1e99999999",
            "-1e99999999",
            "1e-99999999",
            "0e99999999",
            "0E-99999999",
            "1E+2147483647",
            "1E-2147483648",
            "NaN",
            "Infinity",
            "-0",
            "0.00",
            "1e15",
            "999999999999999.99",
            "0x1p3",
            " 12 ",
            ""));
  }

  private static <T> T quickly(Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICK);
    }
  }

  @Property(tries = 400)
  void anyAmountInACsvIsAcceptedInRangeOrRefusedNamingTheLineAndTheField(
      @ForAll("numbers") String amount) {
    String csv =
        String.join(",", ContributionCsv.HEADER)
            + "\n"
            + "c-1,EST,2023-05-01,delivered,training,bilateral,,"
            + CsvReader.quote(amount)
            + ",EUR,,donor_reported,,,\n";
    try {
      List<Contribution> c =
          quickly(() -> contributions.fromCsv(csv, "t", Optional.empty(), Set.of()));
      assertThat(c).hasSize(1);
      assertThat(c.get(0).amount().abs()).isLessThan(E15);
      assertThat(c.get(0).eur().abs()).isLessThan(E18);
    } catch (InputRejected e) {
      assertThat(e.kind()).isEqualTo(InputRejected.Kind.INVALID);
      assertThat(e.problems())
          .isNotEmpty()
          .allSatisfy(
              d -> {
                assertThat(d.where()).isEqualTo("line 2");
                assertThat(d.reason()).contains("amount");
              });
    }
  }

  @Property(tries = 300)
  void anyAmountSentAsJsonIsAcceptedInRangeOrRefusedNamingTheEntryAndTheField(
      @ForAll("numbers") String amount) {
    String value;
    try {
      // as a JSON number when it is one, else as a string
      value = MAPPER.readTree(amount).isNumber() ? amount : MAPPER.writeValueAsString(amount);
    } catch (RuntimeException e) {
      value = MAPPER.writeValueAsString(amount);
    }
    JsonNode body =
        MAPPER.readTree(
            "[{\"donor\":\"EST\",\"date\":\"2023-05-01\",\"status\":\"delivered\","
                + "\"category\":\"training\",\"channel\":\"bilateral\",\"amount\":"
                + value
                + ",\"currency\":\"EUR\","
                + "\"valuation\":\"donor_reported\"}]");
    try {
      List<Contribution> c =
          quickly(() -> contributions.fromJson(body, Optional.empty(), Set.of(), () -> "c-1"));
      assertThat(c.get(0).amount().abs()).isLessThan(E15);
    } catch (InputRejected e) {
      assertThat(e.kind()).isEqualTo(InputRejected.Kind.INVALID);
      assertThat(e.problems())
          .isNotEmpty()
          .allSatisfy(
              d -> {
                assertThat(d.where()).startsWith("contributions[0]");
                assertThat(d.where() + d.reason()).contains("amount");
              });
    }
  }

  @Property(tries = 300)
  void anyNumberInAKielFileIsAcceptedInRangeOrRefusedNamingTheLineAndTheColumn(
      @ForAll("numbers") String military) {
    String kiel =
        "country,iso,year,month,total,financial,humanitarian,military,commitments,to_be_allocated\n"
            + "Estonia,EST,2023,1,0.05,0,0.01,"
            + CsvReader.quote(military)
            + ",0.07,0.02\n";
    try {
      ContributionInput.KielImport k =
          quickly(() -> contributions.fromKiel(kiel, "t", "r1", Optional.empty(), Set.of()));
      k.contributions().forEach(c -> assertThat(c.eur().abs()).isLessThan(E18));
    } catch (InputRejected e) {
      assertThat(e.kind()).isEqualTo(InputRejected.Kind.INVALID);
      assertThat(e.problems())
          .isNotEmpty()
          .allSatisfy(d -> assertThat(d.where()).isEqualTo("line 2"));
      // either our range check or the library (a bad number, or a total that does not add up)
      assertThat(e.problems().get(0).reason()).containsAnyOf("military", "total");
    }
  }

  @Property(tries = 300)
  void anyQuantityOfARequirementIsAcceptedInRangeOrRefusedNamingTheEntryAndTheField(
      @ForAll("numbers") String quantity) {
    String csv =
        "id,coalition,item,quantity,unit_value_eur,priority,need_by\n"
            + "r-1,drones,fpv,"
            + CsvReader.quote(quantity)
            + ",400,1,2026-06-01\n";
    try {
      List<Requirement> r =
          quickly(() -> planning.requirements(Optional.empty(), Optional.of(csv), Set.of()));
      assertThat(r.get(0).quantity()).isLessThan(1e12);
    } catch (InputRejected e) {
      assertThat(e.kind()).isEqualTo(InputRejected.Kind.INVALID);
      assertThat(e.problems())
          .isNotEmpty()
          .allSatisfy(
              d -> {
                assertThat(d.where()).isEqualTo("line 2");
                assertThat(d.reason()).contains("quantity");
              });
    }
  }

  @Property(tries = 500)
  void theRangeCheckAloneIsQuickAndWhatItPassesIsInRange(@ForAll("numbers") String text) {
    Optional<String> problem =
        quickly(() -> BoundedNumbers.problem("amount", text, BoundedNumbers.MONEY));
    if (problem.isPresent()) {
      assertThat(problem.get()).startsWith("amount ");
      return;
    }
    BigDecimal d;
    try {
      d = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return; // not a number: the library says so
    }
    assertThat(d.scale()).isBetween(-15, 20);
    assertThat(d.abs()).isLessThan(E15);
  }

  @Example
  void finding7_aCsvWithAnAmountOf1e99999999IsRefusedAtOnceNamingTheLineAndTheField() {
    String csv =
        String.join(",", ContributionCsv.HEADER)
            + "\n"
            + "c-1,EST,2023-05-01,delivered,training,bilateral,,1e99999999,EUR,,donor_reported,,,\n";
    try {
      quickly(() -> contributions.fromCsv(csv, "t", Optional.empty(), Set.of()));
      throw new AssertionError("accepted");
    } catch (InputRejected e) {
      assertThat(e.problems())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.where()).isEqualTo("line 2");
                assertThat(d.reason())
                    .isEqualTo(
                        "amount '1e99999999' is out of range: numbers here are below 10^15 with at"
                            + " most 20 decimal places");
              });
    }
  }

  @Example
  void aPriorityBeyondTheRangeOfAnIntegerIsRefusedNotWrappedAround() {
    // (int) 4294967297L is 1: the library would have read it as priority 1
    String csv =
        "id,coalition,item,quantity,unit_value_eur,priority,need_by\n"
            + "r-1,drones,fpv,10,400,4294967297,2026-06-01\n";
    try {
      planning.requirements(Optional.empty(), Optional.of(csv), Set.of());
      throw new AssertionError("accepted");
    } catch (InputRejected e) {
      assertThat(e.problems())
          .singleElement()
          .satisfies(d -> assertThat(d.reason()).contains("priority", "1 to 5"));
    }
  }
}
