package dev.bulwark.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Fuzzing the parser and the observation reader: whatever the input, the only failure is the
 * documented one (a {@link PatternException} with a column inside the text, a {@link
 * PatternEvaluationException}), never another exception or a hang.
 */
class PatternParserFuzzTest {

  private static final List<String> EXAMPLES = examples();

  private static List<String> examples() {
    try {
      return ReferenceTestsAgreementTest.load("spec-examples.json")
          .get("cases")
          .valueStream()
          .map(c -> c.get("pattern").stringValue())
          .toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "[",
            "]",
            "(",
            ")",
            "'",
            "\\",
            " AND ",
            " OR ",
            " NOT ",
            " FOLLOWEDBY ",
            " WITHIN 5 SECONDS",
            " REPEATS 0 TIMES",
            "t'2020-13-01T00:00:00Z'",
            "h'f'",
            "b'===='",
            ":",
            ".",
            "[*]",
            "[-1]",
            "= ",
            "IN ()",
            "LIKE",
            "/*",
            "//",
            "\u0000",
            "99999999999999999999",
            "-.5",
            "+1",
            "EXISTS ");
    return Arbitraries.of(EXAMPLES)
        .flatMap(
            p ->
                Arbitraries.integers()
                    .between(0, p.length())
                    .flatMap(
                        at ->
                            Arbitraries.integers()
                                .between(0, Math.min(8, p.length() - at))
                                .flatMap(
                                    cut ->
                                        pieces.map(
                                            piece ->
                                                p.substring(0, at)
                                                    + piece
                                                    + p.substring(at + cut)))));
  }

  @Property(tries = 2000)
  void mutatedSpecExamplesParseOrFailWithAColumn(@ForAll("mutated") String pattern) {
    assertParsesOrFailsCleanly(pattern);
  }

  @Property(tries = 1000)
  void randomTextParsesOrFailsWithAColumn(
      @ForAll @StringLength(max = 60) String text,
      @ForAll @IntRange(min = 0, max = 1) int bracket) {
    assertParsesOrFailsCleanly(bracket == 0 ? text : "[" + text + "]");
  }

  private static void assertParsesOrFailsCleanly(String pattern) {
    try {
      StixPattern p = StixPattern.compile(pattern);
      assertThat(p.leaves()).isNotEmpty();
    } catch (PatternException e) {
      assertThat(e.column()).isBetween(1, pattern.length() + 1);
      assertThat(e.reason()).isNotBlank();
    }
  }

  @Property(tries = 500)
  void observationsReaderRejectsOnlyWithItsOwnException(
      @ForAll @StringLength(max = 200) String tail) {
    String json =
        "{\"type\":\"bundle\",\"objects\":[{\"type\":\"observed-data\",\"number_observed\":1,"
            + "\"first_observed\":\"2020-01-01T00:00:00Z\",\"last_observed\":\"2020-01-01T00:00:00Z\","
            + "\"object_refs\":[\"x--1\"]},{\"type\":\"x\",\"id\":\"x--1\",\"v\":"
            + tail;
    try {
      Observations.parse(json);
    } catch (PatternEvaluationException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
