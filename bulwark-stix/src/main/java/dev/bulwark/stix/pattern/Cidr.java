package dev.bulwark.stix.pattern;

/**
 * IPv4 addresses and CIDR blocks for ISSUBSET and ISSUPERSET, read as the reference matcher reads
 * them (the C library's {@code inet_aton}: one to four parts, decimal, octal with a leading 0 or
 * hexadecimal with 0x; a prefix of 1 to 32). What is no address is an evaluation error, as there.
 * Stateless and thread-safe.
 */
final class Cidr {

  private Cidr() {}

  /**
   * An address or block as {@code (address << 8) | prefix}.
   *
   * @param s e.g. {@code 10.0.0.0/8} or {@code 10.1.2.3}
   * @param prefixRequired true for the container side, which must be CIDR
   * @return the packed value
   * @throws PatternEvaluationException when it is neither
   */
  static long parse(String s, boolean prefixRequired) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      if (prefixRequired) {
        throw new PatternEvaluationException("Invalid CIDR subnet: " + s);
      }
      return (address(s) << 8) | 32;
    }
    long ip = address(s.substring(0, slash));
    String p = s.substring(slash + 1);
    if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new PatternEvaluationException("Invalid CIDR subnet: " + s);
    }
    int prefix = Integer.parseInt(p);
    if (prefix < 1 || prefix > 32) {
      throw new PatternEvaluationException("Invalid CIDR subnet: " + s);
    }
    return (ip << 8) | prefix;
  }

  /**
   * Whether the containee (address or block) lies in the container block.
   *
   * @param containee an address or block
   * @param container a block
   * @return true when inside
   */
  static boolean within(String containee, String container) {
    return within(parse(containee, false), parse(container, true));
  }

  static boolean within(long inner, long outer) {
    int innerPrefix = (int) (inner & 0xff);
    int outerPrefix = (int) (outer & 0xff);
    if (outerPrefix > innerPrefix) {
      return false;
    }
    long mask = ((1L << outerPrefix) - 1) << (32 - outerPrefix);
    return ((inner >>> 8) & mask) == ((outer >>> 8) & mask);
  }

  /** inet_aton: "a", "a.b", "a.b.c", "a.b.c.d"; the last part fills the remaining bytes. */
  static long address(String s) {
    long quad = dottedQuad(s);
    if (quad >= 0) {
      return quad;
    }
    return atonSlow(s);
  }

  /** The common plain form d.d.d.d (no leading zeros), without allocating; -1 if not that form. */
  private static long dottedQuad(String s) {
    long result = 0;
    int part = 0;
    int digits = 0;
    int value = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits > 0 && value == 0) {
          return -1; // a leading zero: octal for inet_aton
        }
        value = value * 10 + (c - '0');
        if (++digits > 3) {
          return -1;
        }
      } else if (c == '.' && digits > 0 && part < 3) {
        if (value > 255) {
          return -1;
        }
        result = (result << 8) | value;
        part++;
        digits = 0;
        value = 0;
      } else {
        return -1;
      }
    }
    if (part != 3 || digits == 0 || value > 255) {
      return -1;
    }
    return (result << 8) | value;
  }

  private static long atonSlow(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length > 4) {
      throw bad(s);
    }
    long[] v = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = part(parts[i], s);
    }
    long result = 0;
    for (int i = 0; i < parts.length - 1; i++) {
      if (v[i] > 255) {
        throw bad(s);
      }
      result |= v[i] << (24 - 8 * i);
    }
    long last = v[parts.length - 1];
    int remainingBits = 32 - 8 * (parts.length - 1);
    if (last >= (1L << remainingBits)) {
      throw bad(s);
    }
    return result | last;
  }

  private static long part(String p, String whole) {
    if (p.isEmpty()) {
      throw bad(whole);
    }
    int radix = 10;
    String digits = p;
    if (p.startsWith("0x") || p.startsWith("0X")) {
      radix = 16;
      digits = p.substring(2);
      if (digits.isEmpty()) {
        return 0;
      }
    } else if (p.length() > 1 && p.charAt(0) == '0') {
      radix = 8;
      digits = p.substring(1);
    }
    if (digits.length() > 12) {
      throw bad(whole);
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) > 127) {
        throw bad(whole);
      }
    }
    return Long.parseLong(digits, radix);
  }

  private static PatternEvaluationException bad(String s) {
    return new PatternEvaluationException("Invalid IPv4 address: " + s);
  }
}
