package dev.bulwark.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link PayloadBits} reads several characters or bytes per word access; these properties check
 * every read against a one-bit-at-a-time reference over random payloads, including reads that cross
 * word boundaries, stop at '@', run past the payload or past the buffer's capacity.
 */
class PayloadBitsPropertiesTest {

  /** Armored payloads of 0 to the largest accepted size, any armor character. */
  @Provide
  Arbitrary<String> armored() {
    Arbitrary<Character> armor =
        Arbitraries.oneOf(Arbitraries.chars().range('0', 'W'), Arbitraries.chars().range('`', 'w'));
    return armor
        .list()
        .ofMaxSize(PayloadBits.MAX_PAYLOAD_CHARS)
        .map(
            cs -> {
              StringBuilder sb = new StringBuilder();
              cs.forEach(sb::append);
              return sb.toString();
            });
  }

  /** Armored text whose six-bit characters are mostly letters and spaces with some '@'. */
  @Provide
  Arbitrary<String> armoredText() {
    // 'P' is six-bit 32 (space), '0' is 0 ('@'), '1'..'J' are A..Z.
    Arbitrary<Character> c =
        Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.chars().range('1', 'J')),
            Tuple.of(2, Arbitraries.just('P')),
            Tuple.of(1, Arbitraries.just('0')));
    return c.list()
        .ofMaxSize(PayloadBits.MAX_PAYLOAD_CHARS)
        .map(
            cs -> {
              StringBuilder sb = new StringBuilder();
              cs.forEach(sb::append);
              return sb.toString();
            });
  }

  @Property(tries = 300)
  void fieldReadsMatchBitByBitReference(
      @ForAll("armored") String armored,
      @ForAll @IntRange(min = 0, max = 1300) int start,
      @ForAll @IntRange(min = 0, max = 63) int len) {
    PayloadBits bits = PayloadBits.fromArmored(armored, 0);
    boolean[] ref = reference(armored);
    long expected = 0;
    // Reads ending past the capacity (1152 bits) give 0; others read payload bits, then zeros.
    if (start + len <= 1152) {
      for (int i = 0; i < len; i++) {
        expected = (expected << 1) | (bit(ref, start + i) ? 1 : 0);
      }
    }
    assertThat(bits.ulong(start, len))
        .as("ulong(%d, %d) of %s", start, len, armored)
        .isEqualTo(expected);
  }

  @Property(tries = 300)
  void textMatchesCharacterByCharacterReference(
      @ForAll("armoredText") String armored,
      @ForAll @IntRange(min = 0, max = 1200) int start,
      @ForAll @IntRange(min = 0, max = 200) int chars,
      @ForAll boolean trim) {
    PayloadBits bits = PayloadBits.fromArmored(armored, 0);
    boolean[] ref = reference(armored);
    String table = "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_ !\"#$%&'()*+,-./0123456789:;<=>?";
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < chars; i++) {
      int from = start + 6 * i;
      int v = 0;
      if (from + 6 <= 1152) {
        for (int k = 0; k < 6; k++) {
          v = (v << 1) | (bit(ref, from + k) ? 1 : 0);
        }
      }
      if (v == 0) {
        break;
      }
      expected.append(table.charAt(v));
    }
    while (trim && expected.length() > 0 && expected.charAt(expected.length() - 1) == ' ') {
      expected.setLength(expected.length() - 1);
    }
    assertThat(bits.text(start, chars, trim)).isEqualTo(expected.toString());
  }

  @Property(tries = 300)
  void sliceMatchesBitByBitReference(
      @ForAll("armored") String armored,
      @ForAll @IntRange(min = 0, max = 1200) int start,
      @ForAll @IntRange(min = 0, max = 1100) int len) {
    PayloadBits bits = PayloadBits.fromArmored(armored, 0);
    boolean[] ref = reference(armored);
    BinaryData data = bits.slice(start, len);
    assertThat(data.bitLength()).isEqualTo(Math.max(len, 0));
    byte[] bytes = data.bytes();
    assertThat(bytes).hasSize((len + 7) / 8);
    for (int i = 0; i < bytes.length; i++) {
      int from = start + 8 * i;
      int expected = 0;
      if (from + 8 <= 1152) { // a byte ending past the capacity reads as 0
        for (int k = 0; k < 8; k++) {
          expected = (expected << 1) | (bit(ref, from + k) ? 1 : 0);
        }
      }
      assertThat(bytes[i] & 0xff).as("byte %d of slice(%d, %d)", i, start, len).isEqualTo(expected);
    }
  }

  private static boolean[] reference(String armored) {
    byte[] b = armored.getBytes(StandardCharsets.US_ASCII);
    boolean[] bits = new boolean[b.length * 6];
    for (int i = 0; i < b.length; i++) {
      int v = b[i] - '0';
      if (v > 40) {
        v -= 8;
      }
      for (int k = 0; k < 6; k++) {
        bits[6 * i + k] = ((v >> (5 - k)) & 1) != 0;
      }
    }
    return bits;
  }

  private static boolean bit(boolean[] bits, int i) {
    return i < bits.length && bits[i];
  }
}
