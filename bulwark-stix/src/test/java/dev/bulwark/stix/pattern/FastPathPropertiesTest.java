package dev.bulwark.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The evaluation fast paths change no result: (1) {@link Nfc#of} (no normalizer for text below
 * U+0300) equals the JDK's NFC normalization on generated text mixing ASCII, Latin-1, combining
 * marks, precomposed letters, Hangul and surrogate pairs; (2) a single-comparison pattern evaluated
 * on one observation through its cached comparison ({@link StixPattern#matches(Observation)})
 * agrees with the general path through observation bindings ({@link StixPattern#matches(List)}),
 * for every pattern of the differential corpus and generated LIKE / MATCHES / equality patterns on
 * generated text, errors included.
 */
class FastPathPropertiesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> CORPUS_PATTERNS = new ArrayList<>();
  private static final List<Observation> CORPUS_OBSERVATIONS = new ArrayList<>();

  static {
    try {
      JsonNode cases = ReferenceTestsAgreementTest.load("differential-cases.json.gz").get("cases");
      for (JsonNode c : cases) {
        CORPUS_PATTERNS.add(c.get("pattern").stringValue());
        CORPUS_OBSERVATIONS.addAll(Observations.fromJson(c.get("observations")));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Text over an alphabet where NFC matters: precomposed and decomposed forms side by side. */
  @Provide
  Arbitrary<String> text() {
    Arbitrary<Character> ch =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.chars().range('a', 'e')),
            Tuple.of(2, Arbitraries.of('.', '%', '_', '/', ' ')),
            Tuple.of(2, Arbitraries.of('\u00e9', '\u00c5', '\u00ff', '\u02ff')),
            Tuple.of(2, Arbitraries.chars().range('\u0300', '\u0345')),
            Tuple.of(1, Arbitraries.of('\u212b', '\u1100', '\u1161', '\uac00')),
            Tuple.of(1, Arbitraries.of('\ud834', '\udd1e')),
            Tuple.of(1, Arbitraries.chars()));
    return ch.list().ofMaxSize(12).map(FastPathPropertiesTest::join);
  }

  private static String join(List<Character> cs) {
    StringBuilder sb = new StringBuilder(cs.size());
    cs.forEach(sb::append);
    return sb.toString();
  }

  @Property(tries = 2000)
  void nfcFastPathEqualsTheNormalizer(@ForAll("text") String s) {
    assertThat(Nfc.of(s)).isEqualTo(Nfc.slow(s));
  }

  @Property(tries = 500)
  void singleComparisonFastPathAgreesWithBindings(
      @ForAll("text") String operand, @ForAll("text") String value, @ForAll("op") String op) {
    String quoted = operand.replace("\\", "\\\\").replace("'", "\\'");
    String pattern = "[x-test:str " + op + " '" + quoted + "'] WITHIN 10 SECONDS";
    StixPattern p;
    try {
      p = StixPattern.compile(pattern);
    } catch (PatternException e) {
      return; // e.g. an invalid regular expression: nothing to evaluate
    }
    ObjectNode o = JSON.createObjectNode().put("type", "x-test").put("id", "x-test--1");
    o.put("str", value);
    Observation obs = Observation.at("observed-data--1", 0L, Map.of("x-test--1", o));
    assertThat(outcome(p, obs)).as(pattern + " on " + value).isEqualTo(general(p, obs));
  }

  @Provide
  Arbitrary<String> op() {
    return Arbitraries.of("LIKE", "MATCHES", "=", "!=", "NOT LIKE", ">");
  }

  @Property(tries = 200)
  void corpusPatternsAgreeOnBothPaths(@ForAll("corpus") String pattern) {
    StixPattern p;
    try {
      p = StixPattern.compile(pattern);
    } catch (PatternException e) {
      return;
    }
    for (Observation obs : CORPUS_OBSERVATIONS) {
      assertThat(outcome(p, obs)).as(pattern + " on " + obs.id()).isEqualTo(general(p, obs));
    }
  }

  /** Regular expressions from pieces with alternation in groups and at the top level. */
  @Provide
  Arbitrary<String> regex() {
    return Arbitraries.of(
            "a",
            "b",
            "c",
            "ab",
            "abc",
            "\\.",
            "(a|bc)",
            "(ab|c)*",
            "|",
            "^",
            "$",
            "(abc)?",
            ".",
            "x+",
            "(a(b|c)d)",
            "\\(",
            "\\|",
            "(|a)",
            "b{0,2}",
            "(ab)+",
            "[ab]",
            "[|]")
        .list()
        .ofMinSize(1)
        .ofMaxSize(7)
        .map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> subject() {
    return Arbitraries.strings().withChars("abcdx.(|").ofMaxLength(14);
  }

  /**
   * The index prefilter for MATCHES (now also for alternations inside groups) is sound: whenever
   * the expression finds a match, the value contains the literal the index files it under.
   */
  @Property(tries = 3000)
  void requiredLiteralOfARegexIsInEveryMatch(
      @ForAll("regex") String regex, @ForAll("subject") String value) {
    Pattern compiled;
    try {
      compiled = Regexes.compileText(regex);
    } catch (PatternSyntaxException e) {
      return;
    }
    String lit = RequiredLiterals.ofRegex(regex);
    if (lit != null && compiled.matcher(value).find()) {
      assertThat(value).as(regex + " -> " + lit).contains(lit);
    }
  }

  @Provide
  Arbitrary<String> corpus() {
    return Arbitraries.of(CORPUS_PATTERNS);
  }

  private static String outcome(StixPattern p, Observation obs) {
    try {
      return String.valueOf(p.matches(obs));
    } catch (PatternEvaluationException e) {
      return "error";
    }
  }

  private static String general(StixPattern p, Observation obs) {
    try {
      return String.valueOf(p.matches(List.of(obs)));
    } catch (PatternEvaluationException e) {
      return "error";
    }
  }
}
