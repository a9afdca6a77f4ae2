package dev.bulwark.stix.pattern;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions for MATCHES and LIKE with the reference matcher's (Python {@code re})
 * semantics on the JDK engine: {@code .} stops only at {@code \n} and {@code $} also matches before
 * a final newline (UNIX_LINES), character classes are Unicode-aware on text and ASCII on binary
 * values, and the Python spellings {@code (?P<name>…)}, {@code (?P=name)} and {@code \Z} are
 * translated. Stateless and thread-safe.
 */
final class Regexes {

  private Regexes() {}

  /**
   * Why a regular expression cannot be compiled.
   *
   * @param regex the expression as written in the pattern
   * @return empty when it compiles
   */
  static Optional<String> problem(String regex) {
    try {
      compileText(regex);
      return Optional.empty();
    } catch (PatternSyntaxException e) {
      return Optional.of(e.getDescription());
    }
  }

  static Pattern compileText(String regex) {
    return Pattern.compile(translate(regex), Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS);
  }

  /** For binary values: the value is read as ISO-8859-1, one char per byte. */
  static Pattern compileBinary(String regex) {
    return Pattern.compile(translate(regex), Pattern.UNIX_LINES);
  }

  /** Whether every char of the expression is below 256 (Python can then match bytes with it). */
  static boolean latin1(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 255) {
        return false;
      }
    }
    return true;
  }

  /** A LIKE operand as an anchored expression: % any run, _ any one character. */
  static Pattern like(String like) {
    StringBuilder sb = new StringBuilder("^");
    like.codePoints()
        .forEach(
            c -> {
              if (c == '%') {
                sb.append(".*");
              } else if (c == '_') {
                sb.append('.');
              } else if (Character.isLetterOrDigit(c)) {
                sb.appendCodePoint(c);
              } else {
                sb.append("\\Q").appendCodePoint(c).append("\\E");
              }
            });
    sb.append('$');
    return Pattern.compile(sb.toString(), Pattern.UNIX_LINES);
  }

  private static String translate(String regex) {
    if (regex.indexOf("(?P") < 0 && regex.indexOf("\\Z") < 0) {
      return regex;
    }
    StringBuilder sb = new StringBuilder(regex.length());
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        char d = regex.charAt(i + 1);
        sb.append(d == 'Z' ? "\\z" : "\\" + d);
        i++;
      } else if (regex.startsWith("(?P<", i)) {
        sb.append("(?<");
        i += 3;
      } else if (regex.startsWith("(?P=", i)) {
        int end = regex.indexOf(')', i);
        if (end < 0) {
          sb.append(regex, i, regex.length());
          break;
        }
        sb.append("\\k<").append(regex, i + 4, end).append('>');
        i = end;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
