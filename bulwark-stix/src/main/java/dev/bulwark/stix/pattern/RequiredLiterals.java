package dev.bulwark.stix.pattern;

import java.text.Normalizer;

/**
 * The longest literal text that every match of a LIKE operand or a MATCHES regular expression must
 * contain, found conservatively (null when unsure: alternation, flags, quoting, or nothing of at
 * least {@link #MIN} chars). The index uses it as a prefilter: a value without it cannot match.
 * Both are taken after NFC normalisation, as the matcher compares. Stateless and thread-safe.
 */
final class RequiredLiterals {

  static final int MIN = 3;

  private RequiredLiterals() {}

  static String ofLike(String operand) {
    String s = Normalizer.normalize(operand, Normalizer.Form.NFC);
    String best = null;
    for (String part : s.split("[%_]", -1)) {
      if (part.length() >= MIN && (best == null || part.length() > best.length())) {
        best = part;
      }
    }
    return best;
  }

  static String ofRegex(String regex) {
    String s = Normalizer.normalize(regex, Normalizer.Form.NFC);
    // An alternation inside a group is skipped with its group; one at the top level makes nothing
    // required (seen in the loop). With character classes the group skipping below is not exact
    // (a ')' or '(' inside a class), so any '|' together with a '[' stays unindexed, as before.
    boolean alternation = s.indexOf('|') >= 0;
    if ((alternation && s.indexOf('[') >= 0) || s.contains("(?") || s.contains("\\Q")) {
      return null;
    }
    String best = null;
    StringBuilder run = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      String lit = null;
      int width = 1;
      if (c == '\\' && i + 1 < s.length()) {
        char d = s.charAt(i + 1);
        width = 2;
        if ("xuUpPNkcg0123456789".indexOf(d) >= 0) {
          return null; // escapes with arguments: not worth reading
        }
        lit = Character.isLetterOrDigit(d) ? null : String.valueOf(d);
      } else if (c == '{') {
        int close = s.indexOf('}', i);
        if (close < 0) {
          return null;
        }
        width = close - i + 1; // a quantifier's bounds ("{0,2}") are not text of the value
      } else if (c == '|') {
        return null; // a top-level alternation: no literal is required by every branch
      } else if (c == '[' || c == '(') {
        int close = skipGroup(s, i);
        if (close < 0) {
          return best;
        }
        width = close - i + 1;
      } else if (".^$)]{}+*?".indexOf(c) < 0) {
        lit = String.valueOf(c);
      }
      boolean optional = i + width < s.length() && "?*{".indexOf(s.charAt(i + width)) >= 0;
      if (lit != null && !optional) {
        run.append(lit);
      } else {
        best = longer(best, run);
        run.setLength(0);
      }
      i += width;
    }
    return longer(best, run);
  }

  private static String longer(String best, StringBuilder run) {
    if (run.length() >= MIN && (best == null || run.length() > best.length())) {
      return run.toString();
    }
    return best;
  }

  /** Index of the bracket closing the class or group that opens at i; -1 if none. */
  private static int skipGroup(String s, int i) {
    char open = s.charAt(i);
    char close = open == '[' ? ']' : ')';
    int depth = 0;
    for (int j = i; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == open && (open == '(' || j == i)) {
        depth++;
      } else if (c == close && !(open == '[' && j == i + 1)) {
        if (--depth == 0) {
          return j;
        }
      }
    }
    return -1;
  }
}
