package dev.bulwark.cyber.observe;

import java.util.Locale;

/**
 * Tells IPv4 from IPv6 addresses as sensors write them, without DNS or allocation beyond the
 * result. Stateless and thread-safe.
 */
public final class Addresses {
  private Addresses() {}

  /** The STIX type for an address: {@code ipv4-addr} or {@code ipv6-addr}; null when neither. */
  public static String stixType(String address) {
    if (isIpv4(address)) {
      return "ipv4-addr";
    }
    return isIpv6(address) ? "ipv6-addr" : null;
  }

  /** The address in the form STIX compares: IPv6 lower-cased, IPv4 unchanged. */
  public static String normal(String address) {
    return address.indexOf(':') >= 0 ? address.toLowerCase(Locale.ROOT) : address;
  }

  /** Dotted quad, each part 0..255 without sign. */
  public static boolean isIpv4(String s) {
    int parts = 0;
    int value = -1;
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        if (++digits > 3 || value > 255) {
          return false;
        }
      } else if (c == '.' && digits > 0) {
        parts++;
        value = -1;
        digits = 0;
      } else {
        return false;
      }
    }
    return parts == 3 && digits > 0;
  }

  /** Hex groups with colons (at most one {@code ::}), optionally an IPv4 tail; no zone. */
  public static boolean isIpv6(String s) {
    int n = s.length();
    if (n < 2 || n > 45 || s.indexOf(':') < 0) {
      return false;
    }
    int lastColon = s.lastIndexOf(':');
    String tail = s.substring(lastColon + 1);
    boolean v4Tail = tail.indexOf('.') >= 0;
    if (v4Tail && !isIpv4(tail)) {
      return false;
    }
    String head = v4Tail ? s.substring(0, lastColon + 1) + "0" : s;
    int doubleColon = head.indexOf("::");
    if (doubleColon >= 0 && head.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    int groups = 0;
    int len = 0;
    for (int i = 0; i < head.length(); i++) {
      char c = head.charAt(i);
      if (c == ':') {
        if (len > 0) {
          groups++;
        }
        len = 0;
      } else if (Character.digit(c, 16) >= 0) {
        if (++len > 4) {
          return false;
        }
      } else {
        return false;
      }
    }
    if (len > 0) {
      groups++;
    }
    int needed = v4Tail ? 7 : 8;
    if (doubleColon < 0 && (head.startsWith(":") || head.endsWith(":"))) {
      return false;
    }
    return doubleColon >= 0 ? groups < needed : groups == needed;
  }
}
