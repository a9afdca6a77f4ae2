package dev.bulwark.stix.validation;

/**
 * The STIX timestamp type (2.16): {@code YYYY-MM-DDTHH:mm:ss[.s+]Z}, UTC only, checked by hand
 * rather than by regular expression because it runs several times per object. Stateless and
 * thread-safe.
 */
final class Timestamps {

  private static final int[] DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private Timestamps() {}

  /**
   * Whether the text is a valid STIX timestamp denoting a real instant (leap second 60 allowed).
   */
  static boolean valid(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(n - 1) != 'Z') {
      return false;
    }
    if (!digits(s, 0, 4)
        || s.charAt(4) != '-'
        || !digits(s, 5, 2)
        || s.charAt(7) != '-'
        || !digits(s, 8, 2)
        || s.charAt(10) != 'T'
        || !digits(s, 11, 2)
        || s.charAt(13) != ':'
        || !digits(s, 14, 2)
        || s.charAt(16) != ':'
        || !digits(s, 17, 2)) {
      return false;
    }
    if (n > 20) {
      // ".s+" : a dot and at least one digit; a bare dot is not allowed.
      if (s.charAt(19) != '.' || n == 21 || !digits(s, 20, n - 21)) {
        return false;
      }
    }
    int year = num(s, 0, 4);
    int month = num(s, 5, 2);
    int day = num(s, 8, 2);
    int hour = num(s, 11, 2);
    int minute = num(s, 14, 2);
    int second = num(s, 17, 2);
    if (month < 1
        || month > 12
        || day < 1
        || day > DAYS[month - 1]
        || hour > 23
        || minute > 59
        || second > 60) {
      return false;
    }
    return month != 2 || day != 29 || leap(year);
  }

  /** Number of sub-second digits (0 when absent); the text must be {@link #valid}. */
  static int fractionDigits(String s) {
    return s.length() == 20 ? 0 : s.length() - 21;
  }

  /** Orders two valid timestamps by the instant they denote. */
  static int compare(String a, String b) {
    int c = a.substring(0, 19).compareTo(b.substring(0, 19));
    if (c != 0) {
      return c;
    }
    String fa = a.length() > 20 ? a.substring(20, a.length() - 1) : "";
    String fb = b.length() > 20 ? b.substring(20, b.length() - 1) : "";
    int len = Math.max(fa.length(), fb.length());
    for (int i = 0; i < len; i++) {
      char x = i < fa.length() ? fa.charAt(i) : '0';
      char y = i < fb.length() ? fb.charAt(i) : '0';
      if (x != y) {
        return x - y;
      }
    }
    return 0;
  }

  private static boolean leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  }

  private static boolean digits(String s, int from, int len) {
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int num(String s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }
}
