package dev.bulwark.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The decoder reuses one {@link PayloadBits} without zeroing it between payloads ({@code reset}
 * only rewinds; appends overwrite the words they start; {@code dropFillBits} zeroes what earlier,
 * longer payloads left behind), and de-armors eight characters at a time. These properties check
 * that a reused buffer, fed any sequence of payloads in any number of pieces, reads exactly like a
 * fresh one, and that the eight-at-a-time armor check rejects exactly the bytes outside the armor.
 */
class PayloadBitsReuseTest {

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

  @Property(tries = 300)
  void reusedBufferReadsLikeAFreshOne(
      @ForAll @Size(min = 1, max = 6) List<@From("armored") String> payloads,
      @ForAll @IntRange(min = 1, max = 5) int pieces,
      @ForAll @IntRange(min = 0, max = 5) int fill) {
    PayloadBits reused = new PayloadBits();
    for (String armored : payloads) {
      int f = Math.min(fill, armored.length() * 6);
      byte[] b = armored.getBytes(StandardCharsets.US_ASCII);
      reused.reset();
      // The payload in pieces, as fragments of a multi-sentence message arrive.
      int from = 0;
      for (int i = 1; i <= pieces; i++) {
        int to = i == pieces ? b.length : b.length * i / pieces;
        assertThat(reused.appendArmored(b, from, to)).isTrue();
        from = to;
      }
      reused.dropFillBits(f);
      PayloadBits fresh = PayloadBits.fromArmored(armored, f);
      assertThat(reused.bitLength()).isEqualTo(fresh.bitLength());
      for (int start = 0; start + 63 <= 1152; start += 63) {
        assertThat(reused.ulong(start, 63))
            .as("bits %d.. of %s after %s", start, armored, payloads)
            .isEqualTo(fresh.ulong(start, 63));
      }
    }
    reused.clear();
    for (int start = 0; start + 63 <= 1152; start += 63) {
      assertThat(reused.ulong(start, 63)).isZero();
    }
  }

  @Property(tries = 1000)
  void armorCheckRejectsExactlyTheBytesOutsideTheArmor(
      @ForAll @Size(max = 40) byte[] bytes, @ForAll("armored") String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    byte[] b = new byte[Math.min(p.length, 100) + bytes.length];
    System.arraycopy(p, 0, b, 0, b.length - bytes.length);
    System.arraycopy(bytes, 0, b, b.length - bytes.length, bytes.length);
    boolean valid = true;
    for (byte c : b) {
      valid &= (c >= '0' && c <= 'W') || (c >= '`' && c <= 'w');
    }
    PayloadBits bits = new PayloadBits();
    assertThat(bits.appendArmored(b, 0, b.length)).isEqualTo(valid);
  }

  @Property(tries = 200)
  void everyArmorCharacterInEveryLaneDecodes(
      @ForAll @IntRange(min = 0, max = 63) int value,
      @ForAll @IntRange(min = 0, max = 15) int position) {
    char c = (char) (value < 40 ? '0' + value : '0' + value + 8);
    byte[] b = "0000000000000000".getBytes(StandardCharsets.US_ASCII);
    b[position] = (byte) c;
    PayloadBits bits = new PayloadBits();
    assertThat(bits.appendArmored(b, 0, b.length)).isTrue();
    bits.dropFillBits(0);
    assertThat(bits.uint(6 * position, 6)).isEqualTo(value);
    assertThat(bits.ulong(0, 6 * position)).isZero();
    assertThat(bits.ulong(6 * position + 6, 96 - 6 * position - 6)).isZero();
  }
}
