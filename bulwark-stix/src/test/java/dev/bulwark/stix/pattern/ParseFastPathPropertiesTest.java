package dev.bulwark.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixTimestamps;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The hand-written parts of the single-pattern path change no result. (1) {@link Like} (no regular
 * expression) answers as {@link Regexes#like}'s {@code ^…$} expression did, on generated operands
 * and values with wildcards, newlines (inside and final), NFC-sensitive and supplementary
 * characters; (2) {@link Micros#of} gives what {@link StixTimestamps#parseMicros} gives for every
 * text {@link StixTimestamps#isValid} accepts, and nothing for the rest; (3) the lexer's
 * char-by-char recognisers of {@code h'…'}, {@code b'…'} and {@code t'…'} end where the grammar's
 * regular expressions (the former implementation) end.
 */
class ParseFastPathPropertiesTest {

  private static final Pattern HEX = Pattern.compile("h'(?:[A-Fa-f0-9]{2})*'");
  private static final Pattern BINARY =
      Pattern.compile(
          "b'(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)'");
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "t'[0-9]{4}-(?:0[1-9]|1[012])-(?:0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3]):[0-5][0-9]:"
              + "(?:[0-5][0-9]|60)(?:\\.[0-9]+)?Z'");

  @Provide
  Arbitrary<String> likeText() {
    Arbitrary<Character> ch =
        Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.chars().range('a', 'c')),
            Tuple.of(3, Arbitraries.of('%', '_')),
            Tuple.of(2, Arbitraries.of('\n', '.', '*', '\\', '$', '^')),
            Tuple.of(1, Arbitraries.of('\u00e9', '\u0301', '\ud834', '\udd1e')));
    return ch.list().ofMaxSize(10).map(ParseFastPathPropertiesTest::join);
  }

  @Property(tries = 3000)
  void likeAgreesWithTheRegularExpression(
      @ForAll("likeText") String operand, @ForAll("likeText") String value) {
    String nfcOperand = Nfc.of(operand);
    String nfcValue = Nfc.of(value);
    boolean regex = Regexes.like(nfcOperand).matcher(nfcValue).find();
    assertThat(Like.compile(nfcOperand).matches(nfcValue))
        .as("'%s' LIKE '%s'", value, operand)
        .isEqualTo(regex);
    String prefix = value.replace('%', 'a').replace('_', 'b');
    assertThat(Like.compile(nfcOperand).matches(Nfc.of(prefix)))
        .isEqualTo(Regexes.like(nfcOperand).matcher(Nfc.of(prefix)).find());
  }

  @Provide
  Arbitrary<String> stamps() {
    Arbitrary<String> year = Arbitraries.integers().between(0, 9999).map(y -> pad(y, 4));
    Arbitrary<String> two = Arbitraries.integers().between(0, 61).map(v -> pad(v, 2));
    Arbitrary<String> fraction =
        Arbitraries.strings().numeric().ofMaxLength(12).map(f -> f.isEmpty() ? "" : "." + f);
    return Combinators.combine(year, two, two, two, two, two, fraction)
        .as(
            (y, mo, d, h, mi, s, f) ->
                y + "-" + mo + "-" + d + "T" + h + ":" + mi + ":" + s + f + "Z");
  }

  @Property(tries = 3000)
  void microsAgreeWithTheJdk(@ForAll("stamps") String stamp) {
    if (StixTimestamps.isValid(stamp)) {
      assertThat(Micros.of(stamp)).as(stamp).isEqualTo(StixTimestamps.parseMicros(stamp));
    } else {
      assertThat(Micros.of(stamp)).as(stamp).isEmpty();
    }
  }

  @Property(tries = 3000)
  void literalTokensEndWhereTheGrammarSays(
      @ForAll("stamps") String stamp, @ForAll("likeText") String noise) {
    String b64 = noise.replaceAll("[^a-c]", "A");
    String[] candidates = {
      "t'" + stamp + "'" + noise,
      "t'" + stamp + noise,
      "h'" + b64.replace('a', 'f') + "'" + noise,
      "h'" + noise + "'",
      "b'" + b64 + "'",
      "b'" + b64 + "='",
      "b'" + b64 + "=='" + noise,
      "b'" + noise + "'"
    };
    for (String s : candidates) {
      Pattern p = s.charAt(0) == 't' ? TIMESTAMP : s.charAt(0) == 'h' ? HEX : BINARY;
      Matcher m = p.matcher(s);
      int expected = m.lookingAt() ? m.end() : -1;
      int actual =
          s.charAt(0) == 't'
              ? Lexer.timestampEnd(s, 2)
              : s.charAt(0) == 'h' ? Lexer.hexEnd(s, 2) : Lexer.binaryEnd(s, 2);
      assertThat(actual).as(s).isEqualTo(expected);
    }
  }

  private static String pad(int v, int width) {
    String s = Integer.toString(v);
    return "0".repeat(Math.max(0, width - s.length())) + s;
  }

  private static String join(List<Character> cs) {
    StringBuilder sb = new StringBuilder(cs.size());
    cs.forEach(sb::append);
    return sb.toString();
  }
}
