package dev.bulwark.stix.pattern;

/**
 * A LIKE operand matched without a regular expression: {@code %} any run of code points, {@code _}
 * any one, every other code point itself, over the whole value. It gives exactly what {@link
 * Regexes#like}'s {@code ^…$} expression under UNIX_LINES gives (which the reference's Python
 * {@code re} gives): neither wildcard crosses a {@code \n}, and the value may end in one {@code \n}
 * after the match ({@code $}). Compiling a {@link java.util.regex.Pattern} per LIKE was a fifth of
 * the cost of compiling a pattern. Immutable and thread-safe.
 */
final class Like {

  private static final int ANY_RUN = -1;
  private static final int ANY_ONE = -2;

  /** The operand's code points, wildcards as {@link #ANY_RUN} and {@link #ANY_ONE}. */
  private final int[] operand;

  private Like(int[] operand) {
    this.operand = operand;
  }

  /**
   * Compiles an operand.
   *
   * @param nfc the operand, already in NFC
   * @return the matcher
   */
  static Like compile(String nfc) {
    int[] cps = nfc.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      if (cps[i] == '%') {
        cps[i] = ANY_RUN;
      } else if (cps[i] == '_') {
        cps[i] = ANY_ONE;
      }
    }
    return new Like(cps);
  }

  /**
   * Whether the whole value (or the value without one final newline) fits the operand.
   *
   * @param value the value, already in NFC
   * @return true when it matches
   */
  boolean matches(String value) {
    int m = operand.length;
    boolean[] row = new boolean[m + 1];
    boolean[] next = new boolean[m + 1];
    row[0] = true;
    for (int j = 1; j <= m && operand[j - 1] == ANY_RUN; j++) {
      row[j] = true;
    }
    boolean beforeFinalNewline = false;
    int n = value.length();
    for (int i = 0; i < n; ) {
      int c = value.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n' && i == n) {
        beforeFinalNewline = row[m]; // '$' also matches just before a final newline
      }
      boolean any = false;
      next[0] = false;
      for (int j = 1; j <= m; j++) {
        int p = operand[j - 1];
        boolean ok;
        if (p == ANY_RUN) {
          ok = next[j - 1] || (row[j] && c != '\n');
        } else if (p == ANY_ONE) {
          ok = row[j - 1] && c != '\n';
        } else {
          ok = row[j - 1] && p == c;
        }
        next[j] = ok;
        any |= ok;
      }
      if (!any) {
        return beforeFinalNewline;
      }
      boolean[] t = row;
      row = next;
      next = t;
    }
    return row[m] || beforeFinalNewline;
  }
}
