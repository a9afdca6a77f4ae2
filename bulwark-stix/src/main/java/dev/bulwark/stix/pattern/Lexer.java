package dev.bulwark.stix.pattern;

import dev.bulwark.stix.pattern.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a pattern into tokens the way the grammar's ANTLR lexer does (STIXPattern.g4): longest
 * match, keywords and booleans before identifiers, whitespace and {@code /* *}{@code /} and {@code
 * //} comments skipped. Hand-written, with no regular expression and no map lookup: keywords and
 * the {@code h'…'}, {@code b'…'} and {@code t'…'} literals are recognised char by char (the
 * grammar's own token rules, spelled out in {@link #binaryEnd} and {@link #timestampEnd}).
 * Stateless; {@link #tokens} is thread-safe.
 */
final class Lexer {

  private static final String[] KW2 = {"OR", "IN"};
  private static final String[] KW3 = {"AND", "NOT"};
  private static final String[] KW4 = {"LIKE", "LAST", "STOP", "true"};
  private static final String[] KW5 = {"START", "TIMES", "false"};
  private static final String[] KW6 = {"EXISTS", "WITHIN"};
  private static final String[] KW7 = {"MATCHES", "SECONDS", "REPEATS"};
  private static final String[] KW8 = {"ISSUBSET"};
  private static final String[] KW10 = {"FOLLOWEDBY", "ISSUPERSET"};

  /** The text of each one-char punctuation kind (no substring per token). */
  private static final String[] PUNCTUATION = new String[Kind.values().length];

  static {
    String chars = "[]():.,=<>*";
    Kind[] kinds = {
      Kind.LBRACK,
      Kind.RBRACK,
      Kind.LPAREN,
      Kind.RPAREN,
      Kind.COLON,
      Kind.DOT,
      Kind.COMMA,
      Kind.EQ,
      Kind.LT,
      Kind.GT,
      Kind.ASTERISK
    };
    for (int i = 0; i < kinds.length; i++) {
      PUNCTUATION[kinds[i].ordinal()] = String.valueOf(chars.charAt(i));
    }
  }

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
      } else if (c != '/') {
        return pos;
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
      int end =
          c == 'h'
              ? hexEnd(s, pos + 2)
              : c == 'b' ? binaryEnd(s, pos + 2) : timestampEnd(s, pos + 2);
      if (end > 0) {
        Kind k = c == 'h' ? Kind.HEX : c == 'b' ? Kind.BINARY : Kind.TIMESTAMP;
        return new Token(k, s.substring(pos, end), pos);
      }
    }
    int end = pos + 1;
    boolean hyphen = false;
    while (end < s.length() && (identChar(s.charAt(end)) || s.charAt(end) == '-')) {
      hyphen |= s.charAt(end) == '-';
      end++;
    }
    if (!hyphen) {
      Token k = keyword(s, pos, end - pos);
      if (k != null) {
        return k;
      }
    }
    return new Token(hyphen ? Kind.ID_HYPHEN : Kind.ID, s.substring(pos, end), pos);
  }

  /** The keyword (or boolean) spelled at pos with this length, else null. */
  private static Token keyword(String s, int pos, int len) {
    String[] candidates =
        switch (len) {
          case 2 -> KW2;
          case 3 -> KW3;
          case 4 -> KW4;
          case 5 -> KW5;
          case 6 -> KW6;
          case 7 -> KW7;
          case 8 -> KW8;
          case 10 -> KW10;
          default -> null;
        };
    if (candidates == null) {
      return null;
    }
    for (String kw : candidates) {
      if (s.startsWith(kw, pos)) {
        Kind k = kw.equals("true") || kw.equals("false") ? Kind.BOOL : Kind.valueOf(kw);
        return new Token(k, kw, pos);
      }
    }
    return null;
  }

  /** {@code (?:[A-Fa-f0-9]{2})*'} from i: the end after the quote, or -1. */
  static int hexEnd(String s, int i) {
    int j = i;
    while (j < s.length() && hex(s.charAt(j))) {
      j++;
    }
    return (j - i) % 2 == 0 && j < s.length() && s.charAt(j) == '\'' ? j + 1 : -1;
  }

  /**
   * {@code (?:B{4})*(?:B{4}|B{3}=|B{2}==)'} from i, B being {@code [A-Za-z0-9+/]}: the end after
   * the quote, or -1. The groups can only end where the run of B ends (what follows is no B).
   */
  static int binaryEnd(String s, int i) {
    int j = i;
    while (j < s.length() && base64(s.charAt(j))) {
      j++;
    }
    int run = j - i;
    int pad = 0;
    if (run % 4 == 3) {
      pad = 1;
    } else if (run % 4 == 2) {
      pad = 2;
    } else if (run % 4 != 0 || run == 0) {
      return -1;
    }
    for (int k = 0; k < pad; k++, j++) {
      if (j >= s.length() || s.charAt(j) != '=') {
        return -1;
      }
    }
    return j < s.length() && s.charAt(j) == '\'' ? j + 1 : -1;
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean base64(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '/';
  }

  /**
   * {@code YYYY-MM-DDTHH:MM:SS(.d+)?Z'} from i with the grammar's ranges (month 01-12, day 01-31,
   * hour 00-23, minute 00-59, second 00-60): the end after the quote, or -1.
   */
  static int timestampEnd(String s, int i) {
    if (i + 21 > s.length()
        || !digits(s, i, 4)
        || s.charAt(i + 4) != '-'
        || !twoDigits(s, i + 5, 1, 12)
        || s.charAt(i + 7) != '-'
        || !twoDigits(s, i + 8, 1, 31)
        || s.charAt(i + 10) != 'T'
        || !twoDigits(s, i + 11, 0, 23)
        || s.charAt(i + 13) != ':'
        || !twoDigits(s, i + 14, 0, 59)
        || s.charAt(i + 16) != ':'
        || !twoDigits(s, i + 17, 0, 60)) {
      return -1;
    }
    int j = i + 19;
    if (s.charAt(j) == '.') {
      int d = j + 1;
      while (d < s.length() && isAsciiDigit(s.charAt(d))) {
        d++;
      }
      if (d == j + 1) {
        return -1;
      }
      j = d;
    }
    return j + 1 < s.length() && s.charAt(j) == 'Z' && s.charAt(j + 1) == '\'' ? j + 2 : -1;
  }

  private static boolean digits(String s, int from, int len) {
    for (int k = from; k < from + len; k++) {
      if (!isAsciiDigit(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean twoDigits(String s, int at, int min, int max) {
    if (!digits(s, at, 2)) {
      return false;
    }
    int v = (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
    return v >= min && v <= max;
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
    char c = s.charAt(pos);
    char d = pos + 1 < s.length() ? s.charAt(pos + 1) : ' ';
    if (d == '=') {
      switch (c) {
        case '=':
          return new Token(Kind.EQ, "==", pos);
        case '!':
          return new Token(Kind.NEQ, "!=", pos);
        case '<':
          return new Token(Kind.LE, "<=", pos);
        case '>':
          return new Token(Kind.GE, ">=", pos);
        default:
          break;
      }
    } else if (c == '<' && d == '>') {
      return new Token(Kind.NEQ, "<>", pos);
    }
    Kind k =
        switch (c) {
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
    if (k == Kind.OTHER && Character.isHighSurrogate(c) && pos + 1 < s.length()) {
      return new Token(k, s.substring(pos, pos + 2), pos);
    }
    return new Token(
        k, PUNCTUATION[k.ordinal()] != null ? PUNCTUATION[k.ordinal()] : String.valueOf(c), pos);
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
