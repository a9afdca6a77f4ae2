package dev.bulwark.ais;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable bit buffer holding one de-armored AIS payload (the 6-bit ASCII "armor" of the {@code
 * !AIVDM} payload field turned back into bits, most significant bit first).
 *
 * <p>Decoding reuses one instance per decoder so that the hot path allocates nothing for the bits.
 * Reads past the end of the payload return zero bits, which is how short (but accepted) messages
 * are completed. Not thread-safe.
 */
public final class PayloadBits {

  /**
   * The largest payload accepted: five slots (type 26) is 1064 bits, rounded up to whole
   * characters.
   */
  public static final int MAX_PAYLOAD_CHARS = 178;

  /** Reads ending past this many bits return 0; below it they read payload bits or zeros. */
  static final int CAPACITY_BITS = ((MAX_PAYLOAD_CHARS * 6 + 63) / 64 + 1) * 64;

  /** One word more than the capacity, so that a read can always take the word after its first. */
  private final long[] words = new long[CAPACITY_BITS / 64 + 1];

  private int bitLength;

  /** Words at and after this index are zero. */
  private int dirtyWords;

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
    Arrays.fill(words, 0, dirtyWords, 0L);
    dirtyWords = 0;
    bitLength = 0;
  }

  /**
   * Empties the buffer for the decoder's next payload without zeroing it: appends overwrite the
   * words they start, and {@link #dropFillBits} zeroes what is left of longer earlier payloads.
   * Reads between this and {@code dropFillBits} may see stale bits.
   */
  void reset() {
    bitLength = 0;
  }

  private static final VarHandle BIG_ENDIAN_LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /**
   * Appends armored payload characters. Returns false (and leaves the buffer in an undefined state)
   * when a character is outside the armor alphabet or the payload grows too large.
   */
  boolean appendArmored(byte[] src, int from, int to) {
    int n = to - from;
    if (bitLength + n * 6 > MAX_PAYLOAD_CHARS * 6) {
      return false;
    }
    // Every word this append can touch, so that clear() and dropFillBits() know what to zero.
    dirtyWords = Math.max(dirtyWords, ((bitLength + n * 6) >>> 6) + 1);
    int bit = bitLength;
    int i = from;
    // Eight characters per step, all lanes at once (SWAR): check that each byte is in '0'..'W'
    // or '`'..'w', turn it into its six-bit value, and pack the eight values into 48 bits.
    while (i + 8 <= to) {
      long x = (long) BIG_ENDIAN_LONGS.get(src, i);
      // For bytes below 128, the high bit of (byte + 128 - k) says byte >= k; no lane carries.
      long ge48 = x + (128 - 48) * ONES;
      long ge88 = x + (128 - 88) * ONES;
      long ge96 = x + (128 - 96) * ONES;
      long ge120 = x + (128 - 120) * ONES;
      long ok = (ge48 & ~ge88) | (ge96 & ~ge120);
      if (((~ok | x) & HIGHS) != 0) {
        bitLength = bit;
        return false;
      }
      long v = x - 48 * ONES - ((ge96 & HIGHS) >>> 4);
      v = ((v & 0x3F003F003F003F00L) >>> 2) | (v & 0x003F003F003F003FL);
      v = ((v & 0x0FFF00000FFF0000L) >>> 4) | (v & 0x00000FFF00000FFFL);
      v = ((v & 0x00FFFFFF00000000L) >>> 8) | (v & 0x0000000000FFFFFFL);
      writeBits(bit, v, 48);
      bit += 48;
      i += 8;
    }
    if (i < to) {
      long acc = 0;
      int bad = 0;
      int chunk = to - i;
      for (int k = 0; k < chunk; k++) {
        int v = ARMOR[src[i + k] & 0xff];
        bad |= v;
        acc = (acc << 6) | (v & 63);
      }
      if (bad < 0) {
        bitLength = bit;
        return false;
      }
      writeBits(bit, acc, 6 * chunk);
      bit += 6 * chunk;
    }
    bitLength = bit;
    return true;
  }

  /**
   * Writes the low {@code n} (1..60) bits of {@code value} at {@code pos}, the end of the payload
   * so far. The bits after {@code pos} in its word are zero (a word is first written by a store
   * that zeroes the rest of it), so an OR suffices there; a new word is stored, not ORed, which is
   * what lets {@link #reset} skip zeroing.
   */
  private void writeBits(int pos, long value, int n) {
    int word = pos >>> 6;
    int off = pos & 63;
    if (off == 0) {
      words[word] = value << (64 - n);
    } else if (off + n <= 64) {
      words[word] |= value << (64 - off - n);
    } else {
      words[word] |= value >>> (off + n - 64);
      words[word + 1] = value << (128 - off - n);
    }
  }

  /**
   * Ends the payload: drops the trailing fill bits of the last sentence (0..5) and zeroes every bit
   * after the payload, so that reads past its end give 0.
   */
  void dropFillBits(int fill) {
    int newLength = Math.max(0, bitLength - fill);
    int word = newLength >>> 6;
    int off = newLength & 63;
    int firstClean = word;
    if (off != 0) {
      words[word] &= -1L << (64 - off);
      firstClean = word + 1;
    }
    if (firstClean < dirtyWords) {
      Arrays.fill(words, firstClean, dirtyWords, 0L);
      dirtyWords = firstClean;
    }
    bitLength = newLength;
  }

  /**
   * A new buffer holding an armored payload (for tests and tools); throws on an invalid payload.
   */
  public static PayloadBits fromArmored(String armored, int fillBits) {
    PayloadBits bits = new PayloadBits();
    byte[] b = armored.getBytes(StandardCharsets.US_ASCII);
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

  /**
   * Reads {@code len} (0..63) bits from {@code start} as an unsigned number; bits past the end read
   * as 0.
   */
  public long ulong(int start, int len) {
    if (start + len > CAPACITY_BITS) {
      return 0;
    }
    // Kept small and branch-free so that the JIT inlines it at every field read: the word after
    // the one holding start always exists (see words), and the double shifts make offset 0 and
    // length 0 need no special case.
    int word = start >>> 6;
    int offset = start & 63;
    long v = (words[word] << offset) | ((words[word + 1] >>> 1) >>> (63 - offset));
    return (v >>> 1) >>> (63 - len);
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

  /**
   * Reads {@code chars} six-bit characters: stops at the first '@' (the AIS "no more text" marker)
   * and trims trailing spaces, as every mainstream decoder does.
   */
  public String text(int start, int chars) {
    return text(start, chars, true);
  }

  /** As {@link #text(int, int)}, optionally keeping trailing spaces. */
  public String text(int start, int chars, boolean trim) {
    byte[] out = chars + 8 <= textScratch.length ? textScratch : new byte[chars + 8];
    int n = 0;
    // Eight characters per read, all lanes at once: spread 48 bits into eight bytes, find the
    // first '@' (six-bit 0, "no more text"), map six-bit to ASCII (0-31 are '@'..'_', 32-63
    // are ' '..'?', so only the first half gains 64) and store all eight bytes.
    while (n < chars) {
      int pos = start + 6 * n;
      // Characters past chars or past the capacity are read as '@' (zero), so the text ends there.
      int k = Math.min(Math.min(8, chars - n), (CAPACITY_BITS - pos) / 6);
      if (k <= 0) {
        break;
      }
      long v = ulong(pos, 6 * k) << (6 * (8 - k));
      v = ((v & 0xFFFFFF000000L) << 8) | (v & 0xFFFFFFL);
      v = ((v & 0x00FFF00000FFF000L) << 4) | (v & 0x00000FFF00000FFFL);
      v = ((v & 0x0FC00FC00FC00FC0L) << 2) | (v & 0x003F003F003F003FL);
      BIG_ENDIAN_LONGS.set(out, n, v | ((~v & 0x2020202020202020L) << 1));
      long ends = ~(((v & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | v | 0x7F7F7F7F7F7F7F7FL);
      if (ends != 0) {
        n += Long.numberOfLeadingZeros(ends) >>> 3;
        break;
      }
      n += 8;
    }
    while (trim && n > 0 && out[n - 1] == ' ') {
      n--;
    }
    return n == 0 ? "" : new String(out, 0, n, StandardCharsets.ISO_8859_1);
  }

  private final byte[] textScratch = new byte[MAX_PAYLOAD_CHARS + 8];

  /**
   * Copies {@code len} bits from {@code start} into a standalone {@link BinaryData}. The unused low
   * bits of the last byte hold the payload bits that follow (zero at the end of the payload), as
   * gpsd's byte-wise copy does; {@link BinaryData#bits} never reads them.
   */
  public BinaryData slice(int start, int len) {
    if (len <= 0) {
      return BinaryData.EMPTY;
    }
    byte[] out = new byte[(len + 7) >>> 3];
    // Seven bytes (56 bits) per read; bytes past the capacity stay zero, as single reads give.
    for (int i = 0; i < out.length; ) {
      int pos = start + i * 8;
      int k = Math.min(Math.min(7, out.length - i), (CAPACITY_BITS - pos) / 8);
      if (k <= 0) {
        break;
      }
      long v = ulong(pos, 8 * k);
      for (int shift = 8 * (k - 1); shift >= 0; shift -= 8) {
        out[i++] = (byte) (v >>> shift);
      }
    }
    return new BinaryData(out, len);
  }
}
