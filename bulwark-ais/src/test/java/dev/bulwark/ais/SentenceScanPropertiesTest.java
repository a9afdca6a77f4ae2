package dev.bulwark.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The sentence layer scans eight bytes at a time for the checksum and the field commas; these
 * properties compare its verdict with a byte-by-byte reference on lines whose commas, stars and
 * non-ASCII bytes fall anywhere relative to the eight-byte words.
 */
class SentenceScanPropertiesTest {

  /** Payload bytes: mostly armor, with commas, stars, high bytes and other punctuation. */
  @Provide
  Arbitrary<byte[]> payload() {
    Arbitrary<Byte> b =
        Arbitraries.frequencyOf(
            Tuple.of(20, Arbitraries.bytes().between((byte) '0', (byte) 'W')),
            Tuple.of(1, Arbitraries.just((byte) ',')),
            Tuple.of(1, Arbitraries.just((byte) '*')),
            Tuple.of(1, Arbitraries.bytes().between((byte) 0x80, (byte) 0xff)),
            Tuple.of(1, Arbitraries.bytes().between((byte) '!', (byte) '/')));
    return b.list()
        .ofMaxSize(90)
        .map(
            list -> {
              byte[] out = new byte[list.size()];
              for (int i = 0; i < out.length; i++) {
                out[i] = list.get(i);
              }
              return out;
            });
  }

  @Property(tries = 2000)
  void verdictMatchesByteByByteReference(
      @ForAll("payload") byte[] payload,
      @ForAll boolean correctChecksum,
      @ForAll("prefixes") String prefix) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    line.writeBytes(prefix.getBytes(StandardCharsets.US_ASCII));
    line.writeBytes(payload);
    line.writeBytes(",0".getBytes(StandardCharsets.US_ASCII));
    byte[] body = line.toByteArray();
    int sum = 0;
    for (int i = 1; i < body.length; i++) {
      sum ^= body[i];
    }
    line.writeBytes(
        String.format("*%02X", (sum & 0xff) ^ (correctChecksum ? 0 : 0x11))
            .getBytes(StandardCharsets.US_ASCII));
    byte[] bytes = line.toByteArray();

    AisDecoder decoder = AisDecoder.builder(m -> {}).build();
    decoder.accept(bytes, 0, bytes.length);
    AisCounters c = decoder.counters();

    RejectionCause expected = referenceVerdict(bytes);
    if (expected == null) {
      // Passed the scan; later checks (a fill field after a comma in the payload) may still fail.
      assertThat(
              c.rejected(RejectionCause.MALFORMED_SENTENCE)
                  + c.rejected(RejectionCause.BAD_CHECKSUM))
          .as("passes the checksum and field count: %s", c)
          .isZero();
    } else {
      assertThat(c.rejectedLines()).as("rejected line: %s", c).isEqualTo(1);
      assertThat(c.rejected(expected)).as("rejected as %s: %s", expected, c).isEqualTo(1);
    }
  }

  @Provide
  Arbitrary<String> prefixes() {
    // Different lengths shift where the payload falls relative to the eight-byte words.
    return Arbitraries.of(
        "!AIVDM,1,1,,A,", "!AIVDM,1,1,3,B,", "!BSVDO,1,1,,,", "!AIVDM,1,1,12,2,", "!ABVDM,1,1,,A,");
  }

  /**
   * The checks of the sentence layer up to the field count, one byte at a time: the first '*' ends
   * the checksummed part, which must be followed by two hex digits matching the XOR of the bytes
   * after '!', and the part must hold six commas. Null when they pass (the later field checks are
   * not modelled).
   */
  private static RejectionCause referenceVerdict(byte[] line) {
    int star = -1;
    int sum = 0;
    int commas = 0;
    for (int i = 1; i < line.length; i++) {
      if (line[i] == '*') {
        star = i;
        break;
      }
      if (line[i] == ',') {
        commas++;
      }
      sum ^= line[i];
    }
    if (star < 0) {
      return RejectionCause.MALFORMED_SENTENCE;
    }
    if (star + 3 > line.length) {
      return RejectionCause.BAD_CHECKSUM;
    }
    int h = hex(line[star + 1]) * 16 + hex(line[star + 2]);
    if (hex(line[star + 1]) < 0 || hex(line[star + 2]) < 0 || h != (sum & 0xff)) {
      return RejectionCause.BAD_CHECKSUM;
    }
    if (commas != 6) {
      return RejectionCause.MALFORMED_SENTENCE;
    }
    return null;
  }

  private static int hex(byte c) {
    return Character.digit((char) (c & 0xff), 16) >= 0 && (c & 0xff) < 0x80
        ? Character.digit((char) c, 16)
        : -1;
  }
}
