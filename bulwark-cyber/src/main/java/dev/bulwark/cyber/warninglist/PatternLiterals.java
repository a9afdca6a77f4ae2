package dev.bulwark.cyber.warninglist;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of a STIX pattern ({@code '...'} with {@code \'} and {@code \\} escapes),
 * without parsing the pattern: the values a warninglist is asked about. Binary and hex literals
 * ({@code b'...'}, {@code h'...'}) and timestamps ({@code t'...'}) are left out. Stateless.
 */
final class PatternLiterals {
  private PatternLiterals() {}

  static List<String> of(String pattern) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = pattern.length();
    while (i < n) {
      char c = pattern.charAt(i);
      if (c != '\'') {
        i++;
        continue;
      }
      boolean typed = i > 0 && "bht".indexOf(pattern.charAt(i - 1)) >= 0;
      StringBuilder sb = new StringBuilder();
      i++;
      while (i < n && pattern.charAt(i) != '\'') {
        if (pattern.charAt(i) == '\\' && i + 1 < n) {
          i++;
        }
        sb.append(pattern.charAt(i));
        i++;
      }
      i++;
      if (!typed) {
        out.add(sb.toString());
      }
    }
    return out;
  }
}
