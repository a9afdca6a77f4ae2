package dev.bulwark.ais;

import java.util.Arrays;

/**
 * A reusable bit buffer holding one de-armored AIS payload (the 6-bit ASCII "armor" of the
 * {@code !AIVDM} payload field turned back into bits, most significant bit first).
 *
 * <p>Decoding reuses one instance per decoder so that the hot path allocates nothing for the bits.
 * Reads past the end of the payload return zero bits, which is how short (but accepted) messages
 * are completed. Not thread-safe.
 */
public final class PayloadBits {

  /** The largest payload accepted: five slots (type 26) is 1064 bits, rounded up to whole characters. */
  public static final int MAX_PAYLOAD_CHARS = 178;

  private final long[] words = new long[(MAX_PAYLOAD_CHARS * 6 + 63) / 64 + 1];
  private int bitLength;

  /** Six-bit value of each armor character, -1 for characters outside the armor. */
  private static final byte[] ARMOR = new byte[256];

  static {
    Arrays.fill(ARMOR, (byte) -1);
    for (int c = '0'; c <= 'W'; c++) {
      ARMOR[c] = (byte) (c - '0');
    }
    for (int c = '`'; c <= 'w'; c++) {
      ARMOR[c] = (byte) (c - '0' - 8);
    }
  }

  /** Empties the buffer. */
  public void clear() {
    // Only the words written since the last clear can be non-zero (plus one for a straddling group).
    int used = Math.min(words.length, (bitLength >>> 6) + 2);
    Arrays.fill(words, 0, used, 0L);
    bitLength = 0;
  }

  /**
   * Appends armored payload characters. Returns false (and leaves the buffer in an undefined
   * state) when a character is outside the armor alphabet or the payload grows too large.
   */
  boolean appendArmored(byte[] src, int from, int to) {
    int n = to - from;
    if (bitLength + n * 6 > MAX_PAYLOAD_CHARS * 6) {
      return false;
    }
    int bit = bitLength;
    for (int i = from; i < to; i++) {
      int v = ARMOR[src[i] & 0xff];
      if (v < 0) {
        bitLength = bit;
        return false;
      }
      put6(bit, v);
      bit += 6;
    }
    bitLength = bit;
    return true;
  }

  private void put6(int bit, long v) {
    int word = bit >>> 6;
    int offset = bit & 63;
    int shift = 58 - offset; // position of the 6-bit group's least significant bit
    if (shift >= 0) {
      words[word] |= v << shift;
    } else {
      words[word] |= v >>> -shift;
      words[word + 1] |= v << (64 + shift);
    }
  }

  /** Drops the trailing fill bits of the last sentence (0..5). */
  void dropFillBits(int fill) {
    int newLength = bitLength - fill;
    if (newLength < 0) {
      newLength = 0;
    }
    for (int b = newLength; b < bitLength; b++) {
      words[b >>> 6] &= ~(1L << (63 - (b & 63)));
    }
    bitLength = newLength;
  }

  /** Loads bits from another buffer's words (used to keep test fixtures independent). */
  public static PayloadBits fromArmored(String armored, int fillBits) {
    PayloadBits bits = new PayloadBits();
    byte[] b = armored.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    if (!bits.appendArmored(b, 0, b.length)) {
      throw new IllegalArgumentException("not an AIS payload: " + armored);
    }
    bits.dropFillBits(fillBits);
    return bits;
  }

  /** The number of payload bits (after removing fill bits). */
  public int bitLength() {
    return bitLength;
  }

  /** Reads {@code len} (0..63) bits from {@code start} as an unsigned number; bits past the end read as 0. */
  public long ulong(int start, int len) {
    if (len == 0) {
      return 0;
    }
    int end = start + len;
    if (end > words.length * 64) {
      return 0;
    }
    int word = start >>> 6;
    int offset = start & 63;
    long hi = words[word] << offset;
    if (offset + len > 64) {
      hi |= words[word + 1] >>> (64 - offset);
    }
    return hi >>> (64 - len);
  }

  /** Reads up to 32 bits as an unsigned int. */
  public int uint(int start, int len) {
    return (int) ulong(start, len);
  }

  /** Reads up to 32 bits as a two's complement signed int. */
  public int sint(int start, int len) {
    long v = ulong(start, len);
    return (int) ((v << (64 - len)) >> (64 - len));
  }

  /** Reads one bit as a boolean. */
  public boolean bool(int start) {
    return ulong(start, 1) != 0;
  }

  private static final char[] SIXBIT =
      "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_ !\"#$%&'()*+,-./0123456789:;<=>?".toCharArray();

  /**
   * Reads {@code chars} six-bit characters: stops at the first '@' (the AIS "no more text"
   * marker) and trims trailing spaces, as every mainstream decoder does.
   */
  public String text(int start, int chars) {
    return text(start, chars, true);
  }

  /** As {@link #text(int, int)}, optionally keeping trailing spaces. */
  public String text(int start, int chars, boolean trim) {
    char[] out = new char[chars];
    int n = 0;
    for (int i = 0; i < chars; i++) {
      char c = SIXBIT[(int) ulong(start + 6 * i, 6)];
      if (c == '@') {
        break;
      }
      out[n++] = c;
    }
    while (trim && n > 0 && out[n - 1] == ' ') {
      n--;
    }
    return new String(out, 0, n);
  }

  /**
   * Copies {@code len} bits from {@code start} into a standalone {@link BinaryData}. The unused
   * low bits of the last byte hold the payload bits that follow (zero at the end of the payload),
   * as gpsd's byte-wise copy does; {@link BinaryData#bits} never reads them.
   */
  public BinaryData slice(int start, int len) {
    if (len <= 0) {
      return BinaryData.EMPTY;
    }
    byte[] out = new byte[(len + 7) >>> 3];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) ulong(start + i * 8, 8);
    }
    return new BinaryData(out, len);
  }
}
