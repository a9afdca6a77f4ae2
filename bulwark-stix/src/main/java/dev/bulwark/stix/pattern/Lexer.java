package dev.bulwark.stix.pattern;

import dev.bulwark.stix.pattern.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a pattern into tokens the way the grammar's ANTLR lexer does (STIXPattern.g4): longest
 * match, keywords and booleans before identifiers, whitespace and {@code /* *}{@code /} and {@code
 * //} comments skipped. Stateless; {@link #tokens} is thread-safe.
 */
final class Lexer {

  private static final Map<String, Kind> KEYWORDS =
      Map.ofEntries(
          Map.entry("AND", Kind.AND),
          Map.entry("OR", Kind.OR),
          Map.entry("NOT", Kind.NOT),
          Map.entry("FOLLOWEDBY", Kind.FOLLOWEDBY),
          Map.entry("LIKE", Kind.LIKE),
          Map.entry("MATCHES", Kind.MATCHES),
          Map.entry("ISSUPERSET", Kind.ISSUPERSET),
          Map.entry("ISSUBSET", Kind.ISSUBSET),
          Map.entry("EXISTS", Kind.EXISTS),
          Map.entry("LAST", Kind.LAST),
          Map.entry("IN", Kind.IN),
          Map.entry("START", Kind.START),
          Map.entry("STOP", Kind.STOP),
          Map.entry("SECONDS", Kind.SECONDS),
          Map.entry("WITHIN", Kind.WITHIN),
          Map.entry("REPEATS", Kind.REPEATS),
          Map.entry("TIMES", Kind.TIMES),
          Map.entry("true", Kind.BOOL),
          Map.entry("false", Kind.BOOL));

  private static final Pattern HEX = Pattern.compile("h'(?:[A-Fa-f0-9]{2})*'");
  private static final Pattern BINARY =
      Pattern.compile(
          "b'(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)'");
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "t'[0-9]{4}-(?:0[1-9]|1[012])-(?:0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3]):[0-5][0-9]:"
              + "(?:[0-5][0-9]|60)(?:\\.[0-9]+)?Z'");

  private Lexer() {}

  static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    int pos = 0;
    int n = s.length();
    while (true) {
      pos = skip(s, pos);
      if (pos >= n) {
        out.add(new Token(Kind.EOF, "", n));
        return out;
      }
      Token t = next(s, pos);
      out.add(t);
      pos += t.text().length();
    }
  }

  private static int skip(String s, int pos) {
    int n = s.length();
    while (pos < n) {
      char c = s.charAt(pos);
      if (whitespace(c)) {
        pos++;
      } else if (s.startsWith("/*", pos)) {
        int end = s.indexOf("*/", pos + 2);
        if (end < 0) {
          return pos; // an unterminated comment is an invalid '/' token
        }
        pos = end + 2;
      } else if (s.startsWith("//", pos)) {
        while (pos < n && s.charAt(pos) != '\r' && s.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        return pos;
      }
    }
    return pos;
  }

  static boolean whitespace(char c) {
    return c == ' '
        || (c >= '\t' && c <= '\r')
        || c == '\u0085'
        || c == '\u00a0'
        || c == '\u1680'
        || (c >= '\u2000' && c <= '\u200a')
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u202f'
        || c == '\u205f'
        || c == '\u3000';
  }

  private static Token next(String s, int pos) {
    char c = s.charAt(pos);
    if (identStart(c)) {
      return word(s, pos);
    }
    if (c == '\'') {
      return string(s, pos);
    }
    if ((c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-') {
      Token num = number(s, pos);
      if (num != null) {
        return num;
      }
    }
    return punctuation(s, pos);
  }

  private static Token word(String s, int pos) {
    char c = s.charAt(pos);
    if ((c == 'h' || c == 'b' || c == 't') && pos + 1 < s.length() && s.charAt(pos + 1) == '\'') {
      Pattern p = c == 'h' ? HEX : c == 'b' ? BINARY : TIMESTAMP;
      Matcher m = p.matcher(s).region(pos, s.length());
      if (m.lookingAt()) {
        Kind k = c == 'h' ? Kind.HEX : c == 'b' ? Kind.BINARY : Kind.TIMESTAMP;
        return new Token(k, s.substring(pos, m.end()), pos);
      }
    }
    int end = pos + 1;
    boolean hyphen = false;
    while (end < s.length() && (identChar(s.charAt(end)) || s.charAt(end) == '-')) {
      hyphen |= s.charAt(end) == '-';
      end++;
    }
    String text = s.substring(pos, end);
    if (hyphen) {
      return new Token(Kind.ID_HYPHEN, text, pos);
    }
    return new Token(KEYWORDS.getOrDefault(text, Kind.ID), text, pos);
  }

  private static Token string(String s, int pos) {
    int i = pos + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\'') {
        return new Token(Kind.STRING, s.substring(pos, i + 1), pos);
      }
      if (c == '\\') {
        if (i + 1 >= s.length() || (s.charAt(i + 1) != '\'' && s.charAt(i + 1) != '\\')) {
          throw new PatternException(i + 1, "only \\' and \\\\ may be escaped in a string");
        }
        i += 2;
      } else {
        i++;
      }
    }
    throw new PatternException(pos + 1, "unterminated string constant");
  }

  /** Numbers as the grammar's four number tokens; null when the text here is no number. */
  private static Token number(String s, int pos) {
    int i = pos;
    boolean neg = false;
    if (s.charAt(i) == '+' || s.charAt(i) == '-') {
      neg = s.charAt(i) == '-';
      i++;
    }
    int digits = i;
    while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
      i++;
    }
    int intEnd = i;
    if (i + 1 < s.length() && s.charAt(i) == '.' && isAsciiDigit(s.charAt(i + 1))) {
      i++;
      while (i < s.length() && isAsciiDigit(s.charAt(i))) {
        i++;
      }
      return new Token(neg ? Kind.FLOAT_NEG : Kind.FLOAT_POS, s.substring(pos, i), pos);
    }
    if (intEnd == digits) {
      return null;
    }
    int end = s.charAt(digits) == '0' ? digits + 1 : intEnd;
    return new Token(neg ? Kind.INT_NEG : Kind.INT_POS, s.substring(pos, end), pos);
  }

  private static Token punctuation(String s, int pos) {
    String two = s.length() > pos + 1 ? s.substring(pos, pos + 2) : "";
    switch (two) {
      case "==":
        return new Token(Kind.EQ, two, pos);
      case "!=":
      case "<>":
        return new Token(Kind.NEQ, two, pos);
      case "<=":
        return new Token(Kind.LE, two, pos);
      case ">=":
        return new Token(Kind.GE, two, pos);
      default:
        break;
    }
    String one = s.substring(pos, pos + 1);
    Kind k =
        switch (s.charAt(pos)) {
          case '[' -> Kind.LBRACK;
          case ']' -> Kind.RBRACK;
          case '(' -> Kind.LPAREN;
          case ')' -> Kind.RPAREN;
          case ':' -> Kind.COLON;
          case '.' -> Kind.DOT;
          case ',' -> Kind.COMMA;
          case '=' -> Kind.EQ;
          case '<' -> Kind.LT;
          case '>' -> Kind.GT;
          case '*' -> Kind.ASTERISK;
          default -> Kind.OTHER;
        };
    if (k == Kind.OTHER && Character.isHighSurrogate(s.charAt(pos)) && pos + 1 < s.length()) {
      one = s.substring(pos, pos + 2);
    }
    return new Token(k, one, pos);
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean identStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  static boolean identChar(char c) {
    return identStart(c) || isAsciiDigit(c);
  }
}
