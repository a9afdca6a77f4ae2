package dev.bulwark.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link TextCache} must always return what a fresh {@link PayloadBits#text} decode gives: for
 * random bit patterns, for the same text asked again, and after evictions (a tiny cache of two
 * slots, where nearly every new text evicts another).
 */
class TextCacheTest {

  /**
   * Armored payloads of mostly letters, spaces and '@', so that texts end and trim in many ways.
   */
  @Provide
  Arbitrary<String> armored() {
    Arbitrary<Character> c =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.chars().range('1', 'J')),
            Tuple.of(2, Arbitraries.just('P')),
            Tuple.of(1, Arbitraries.just('0')),
            Tuple.of(
                2,
                Arbitraries.oneOf(
                    Arbitraries.chars().range('0', 'W'), Arbitraries.chars().range('`', 'w'))));
    return c.list()
        .ofMinSize(0)
        .ofMaxSize(60)
        .map(
            cs -> {
              StringBuilder sb = new StringBuilder();
              cs.forEach(sb::append);
              return sb.toString();
            });
  }

  record Ask(int payload, int start, int chars, boolean trim) {}

  @Provide
  Arbitrary<Ask> asks() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 400),
            Arbitraries.integers().between(0, 24), Arbitraries.of(true, false))
        .as(Ask::new);
  }

  @Property(tries = 300)
  void cachedTextEqualsFreshDecode(
      @ForAll @Size(8) List<@From("armored") String> payloads,
      @ForAll @Size(min = 1, max = 80) List<@From("asks") Ask> asks,
      @ForAll @IntRange(min = 1, max = 9) int log2Slots) {
    List<PayloadBits> bits = new ArrayList<>();
    for (String p : payloads) {
      bits.add(PayloadBits.fromArmored(p, 0));
    }
    TextCache cache = new TextCache(log2Slots);
    // Every ask twice in a row (the second may hit), then all again (after evictions).
    for (int round = 0; round < 2; round++) {
      for (Ask a : asks) {
        PayloadBits b = bits.get(a.payload());
        String fresh = b.text(a.start(), a.chars(), a.trim());
        assertThat(cache.text(b, a.start(), a.chars(), a.trim())).as("%s", a).isEqualTo(fresh);
        assertThat(cache.text(b, a.start(), a.chars(), a.trim()))
            .as("%s again", a)
            .isEqualTo(fresh);
      }
    }
  }

  @Property(tries = 100)
  void sameBitsDifferentShapeNeverShareAnEntry(
      @ForAll("armored") String armored, @ForAll @IntRange(min = 1, max = 20) int chars) {
    PayloadBits b = PayloadBits.fromArmored(armored, 0);
    TextCache cache = new TextCache(1);
    for (int n = chars; n >= 1; n--) {
      for (boolean trim : new boolean[] {true, false}) {
        assertThat(cache.text(b, 0, n, trim)).isEqualTo(b.text(0, n, trim));
      }
    }
  }

  @Property(tries = 50)
  void repeatedTextIsTheSameInstance(
      @ForAll("armored") String armored, @ForAll @IntRange(min = 1, max = 20) int chars) {
    PayloadBits b = PayloadBits.fromArmored(armored, 0);
    TextCache cache = new TextCache(9);
    String first = cache.text(b, 0, chars, true);
    assertThat(cache.text(b, 0, chars, true)).isSameAs(first);
  }

  /**
   * Texts that share their first or last ten characters differ in only one of the two words of the
   * key; in a two-slot cache they often share a slot, so a hit must compare both words.
   */
  @Property(tries = 300)
  void textsDifferingInOneKeyWordAreKeptApart(
      @ForAll("armored") String a, @ForAll("armored") String b, @ForAll boolean shareFirstHalf) {
    String x = (a + "1".repeat(20)).substring(0, 10);
    String y = (b + "2".repeat(20)).substring(0, 10);
    String z = (b + "3".repeat(20)).substring(10, 20);
    String first = shareFirstHalf ? x + y : y + x;
    String second = shareFirstHalf ? x + z : z + x;
    PayloadBits p1 = PayloadBits.fromArmored(first, 0);
    PayloadBits p2 = PayloadBits.fromArmored(second, 0);
    TextCache cache = new TextCache(1);
    for (int round = 0; round < 3; round++) {
      assertThat(cache.text(p1, 0, 20, false)).isEqualTo(p1.text(0, 20, false));
      assertThat(cache.text(p2, 0, 20, false)).isEqualTo(p2.text(0, 20, false));
    }
  }
}
