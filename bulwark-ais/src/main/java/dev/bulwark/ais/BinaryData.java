package dev.bulwark.ais;

import java.util.Arrays;

/**
 * Raw binary application data carried by message types 6, 8, 17, 25 and 26: {@code bitLength} bits,
 * most significant bit first, packed into bytes. The unused low bits of the last byte hold the
 * payload bits that followed the data (kept so that gpsd's hex rendering can be reproduced); {@link
 * #bits} never reads them, {@link #equals} compares the bytes as stored.
 *
 * <p>Immutable and thread-safe: the bytes are copied in and out.
 */
public final class BinaryData {

  /** No data. */
  public static final BinaryData EMPTY = new BinaryData(new byte[0], 0);

  private final byte[] bytes;
  private final int bitLength;

  BinaryData(byte[] bytes, int bitLength) {
    this.bytes = bytes;
    this.bitLength = bitLength;
  }

  /** The number of meaningful bits. */
  public int bitLength() {
    return bitLength;
  }

  /** A copy of the packed bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Reads {@code len} (1..32) bits from {@code start} as unsigned; bits past the end read as 0. */
  public long bits(int start, int len) {
    long v = 0;
    for (int i = 0; i < len; i++) {
      int b = start + i;
      int bit = b < bitLength ? (bytes[b >>> 3] >>> (7 - (b & 7))) & 1 : 0;
      v = (v << 1) | bit;
    }
    return v;
  }

  /** Reads bits as a two's complement signed number. */
  public long signedBits(int start, int len) {
    long v = bits(start, len);
    return (v << (64 - len)) >> (64 - len);
  }

  /**
   * Lower-case hex of the packed bytes (gpsd's rendering of undecoded payloads), with the unused
   * bits of the last byte set to zero when {@code masked}, or as copied from the payload.
   */
  public String hex(boolean masked) {
    StringBuilder sb = new StringBuilder(bytes.length * 2);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      int unused = bytes.length * 8 - bitLength;
      if (masked && i == bytes.length - 1 && unused > 0) {
        b &= 0xff << unused;
      }
      sb.append(Character.forDigit((b >>> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }

  /** Lower-case hex of the packed bytes, as copied from the payload. */
  public String hex() {
    StringBuilder sb = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      sb.append(Character.forDigit((b >>> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return sb.toString();
  }

  /**
   * Six-bit text of {@code chars} characters starting at {@code start}, as {@link
   * PayloadBits#text}.
   */
  public String text(int start, int chars) {
    char[] out = new char[Math.max(chars, 0)];
    String table = "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_ !\"#$%&'()*+,-./0123456789:;<=>?";
    int n = 0;
    for (int i = 0; i < chars; i++) {
      char c = table.charAt((int) bits(start + 6 * i, 6));
      if (c == '@') {
        break;
      }
      out[n++] = c;
    }
    while (n > 0 && out[n - 1] == ' ') {
      n--;
    }
    return new String(out, 0, n);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BinaryData other
        && other.bitLength == bitLength
        && Arrays.equals(other.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bytes) + bitLength;
  }

  @Override
  public String toString() {
    return bitLength + ":" + hex();
  }
}
