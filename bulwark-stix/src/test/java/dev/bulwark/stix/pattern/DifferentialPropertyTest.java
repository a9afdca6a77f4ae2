package dev.bulwark.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;

/**
 * Differential test against the OASIS reference matcher: generated patterns × generated
 * observations (1,500 cases made by {@code bulwark-bench/pattern-peer/gen_cases.py}, with the
 * verdicts the reference gave, recorded once). Every recorded case agrees; and jqwik draws cases
 * and rewrites their pattern in ways that cannot change the verdict (spaces and comments between
 * tokens, redundant parentheses, an OR with an expression over an object type no observation has)
 * and checks the verdict still agrees.
 */
class DifferentialPropertyTest {

  private static final JsonNode CASES = load();

  private static JsonNode load() {
    try {
      return ReferenceTestsAgreementTest.load("differential-cases.json").get("cases");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Example
  void everyRecordedCaseAgrees() {
    List<String> bad = new ArrayList<>();
    for (JsonNode c : CASES) {
      String ours =
          ReferenceTestsAgreementTest.verdict(
              c.get("pattern").stringValue(), c.get("observations"));
      if (!ours.equals(c.get("result").stringValue())) {
        bad.add(
            c.get("pattern").stringValue()
                + ": reference "
                + c.get("result").stringValue()
                + ", ours "
                + ours);
      }
    }
    assertThat(CASES.size()).isEqualTo(1500);
    assertThat(bad).isEmpty();
  }

  @Property(tries = 300)
  void rewrittenPatternsKeepTheReferenceVerdict(
      @ForAll("cases") JsonNode c, @ForAll("rewrites") Tuple.Tuple2<Integer, String> rewrite) {
    String pattern = rewrite(c.get("pattern").stringValue(), rewrite.get1(), rewrite.get2());
    assertThat(ReferenceTestsAgreementTest.verdict(pattern, c.get("observations")))
        .as(pattern)
        .isEqualTo(c.get("result").stringValue());
  }

  @Provide
  Arbitrary<JsonNode> cases() {
    List<JsonNode> all = new ArrayList<>();
    CASES.forEach(all::add);
    return Arbitraries.of(all);
  }

  @Provide
  Arbitrary<Tuple.Tuple2<Integer, String>> rewrites() {
    return Arbitraries.integers()
        .between(0, 3)
        .flatMap(
            kind ->
                Arbitraries.of(" ", "  ", "\t", "\n", " /* c */ ", "\u3000")
                    .map(ws -> Tuple.of(kind, ws)));
  }

  /** Rewritings that keep the meaning; never inside a string constant. */
  static String rewrite(String p, int kind, String ws) {
    return switch (kind) {
      case 0 -> "(" + p + ")";
      case 1 -> p + " OR [x-never-observed:v = 1]";
      case 2 -> ws + p + ws;
      default -> spaceAroundBrackets(p, ws);
    };
  }

  private static String spaceAroundBrackets(String p, String ws) {
    StringBuilder sb = new StringBuilder();
    boolean inString = false;
    for (int i = 0; i < p.length(); i++) {
      char ch = p.charAt(i);
      if (ch == '\'' && (i == 0 || p.charAt(i - 1) != '\\' || !inString)) {
        inString = !inString;
      }
      boolean pad = !inString && (ch == '(' || ch == ')' || (ch == ']' && closesObservation(p, i)));
      sb.append(pad ? ws + ch + ws : String.valueOf(ch));
    }
    return sb.toString();
  }

  private static boolean closesObservation(String p, int i) {
    // "]" of a list index ([*], [0]) must stay attached; only pad the bracket that ends a [ .. ].
    return i < 2 || !(p.charAt(i - 1) == '*' || Character.isDigit(p.charAt(i - 1)));
  }
}
