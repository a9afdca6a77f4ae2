package dev.bulwark.stix.validation;

import dev.bulwark.stix.StixTimestamps;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the syntax of a STIX pattern (STIX 2.1 section 9) without evaluating it: observation
 * expressions and operators, qualifiers, comparison expressions, object paths and constants
 * (strings, integers, floats, booleans, {@code h'..'} hex, {@code b'..'} base64 and {@code t'..'}
 * timestamps), plus the rules decidable from the text: comparisons joined by AND in one observation
 * expression use the same object type (9.5), positive integers are written without {@code +} (9.2),
 * REPEATS and WITHIN take positive numbers (9.5.1). A recursive-descent recogniser over the string;
 * one instance per check, not thread-safe (the {@link #check} entry point is).
 */
final class PatternSyntax {

  private static final int MAX_DEPTH = 100;
  private static final Set<String> KEYWORDS =
      Set.of(
          "AND",
          "OR",
          "NOT",
          "FOLLOWEDBY",
          "LIKE",
          "MATCHES",
          "ISSUPERSET",
          "ISSUBSET",
          "EXISTS",
          "LAST",
          "IN",
          "START",
          "STOP",
          "SECONDS",
          "true",
          "false",
          "WITHIN",
          "REPEATS",
          "TIMES");

  /** Marks a comparison subtree that spans several object types (only allowed under OR). */
  private static final String MIXED = "";

  private final String s;
  private int pos;
  private int depth;

  private PatternSyntax(String s) {
    this.s = s;
  }

  /**
   * Checks a pattern.
   *
   * @param pattern the text of an indicator's {@code pattern} whose {@code pattern_type} is {@code
   *     stix}
   * @return empty when the pattern is well formed, else what is wrong and at which column (1-based)
   */
  static Optional<String> check(String pattern) {
    PatternSyntax p = new PatternSyntax(pattern);
    try {
      p.observationExpressions();
      p.ws();
      if (p.pos < p.s.length()) {
        p.fail("unexpected text");
      }
      return Optional.empty();
    } catch (Bad e) {
      return Optional.of(e.getMessage());
    }
  }

  /** A syntax error; carries no stack trace since it is an expected outcome. */
  private static final class Bad extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Bad(String message) {
      super(message, null, false, false);
    }
  }

  private void fail(String what) {
    throw new Bad("column " + (pos + 1) + ": " + what);
  }

  // ---- observation level ---------------------------------------------------------------------

  private void observationExpressions() {
    enter();
    observationExpression();
    while (keyword("AND") || keyword("OR") || keyword("FOLLOWEDBY")) {
      observationExpression();
    }
    depth--;
  }

  private void observationExpression() {
    ws();
    if (take('[')) {
      comparisonOr();
      ws();
      expect(']');
    } else if (take('(')) {
      observationExpressions();
      ws();
      expect(')');
    } else {
      fail("expected '[' or '(' to start an observation expression");
    }
    while (true) {
      if (keyword("WITHIN")) {
        ws();
        int at = pos;
        String n = number();
        if (n == null || n.startsWith("-") || n.startsWith("+") || Double.parseDouble(n) <= 0) {
          pos = at;
          fail("WITHIN takes a positive number of seconds");
        }
        if (!keyword("SECONDS")) {
          fail("expected SECONDS");
        }
      } else if (keyword("START")) {
        ws();
        String start = prefixed('t');
        if (!keyword("STOP")) {
          fail("expected STOP");
        }
        ws();
        String stop = prefixed('t');
        if (StixTimestamps.compare(stop, start) <= 0) {
          fail("STOP must be later than START");
        }
      } else if (keyword("REPEATS")) {
        ws();
        int at = pos;
        String n = number();
        if (n == null
            || n.contains(".")
            || n.startsWith("-")
            || n.startsWith("+")
            || Long.parseLong(n) <= 0) {
          pos = at;
          fail("REPEATS takes a positive integer");
        }
        if (!keyword("TIMES")) {
          fail("expected TIMES");
        }
      } else {
        return;
      }
    }
  }

  // ---- comparison level ----------------------------------------------------------------------

  /** Returns the single object type of the subtree, or MIXED. */
  private String comparisonOr() {
    enter();
    String type = comparisonAnd();
    while (keyword("OR")) {
      String next = comparisonAnd();
      if (!type.equals(next)) {
        type = MIXED;
      }
    }
    depth--;
    return type;
  }

  private String comparisonAnd() {
    int start = pos;
    String type = propTest();
    while (keyword("AND")) {
      String next = propTest();
      if (type.equals(MIXED) || !type.equals(next)) {
        pos = start;
        fail(
            "comparisons joined by AND in one observation expression must use the same object type");
      }
    }
    return type;
  }

  private String propTest() {
    ws();
    if (take('(')) {
      String type = comparisonOr();
      ws();
      expect(')');
      return type;
    }
    if (keyword("EXISTS")) {
      return objectPath();
    }
    String type = objectPath();
    keyword("NOT");
    ws();
    if (take('=')) {
      take('=');
      primitive();
    } else if (s.startsWith("!=", pos) || s.startsWith("<>", pos)) {
      pos += 2;
      primitive();
    } else if (take('<') || take('>')) {
      take('=');
      orderable();
    } else if (keyword("IN")) {
      set();
    } else if (keyword("LIKE")
        || keyword("MATCHES")
        || keyword("ISSUBSET")
        || keyword("ISSUPERSET")) {
      ws();
      if (!peek('\'')) {
        fail("expected a string constant");
      }
      string();
    } else {
      fail(
          "expected a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET)");
    }
    return type;
  }

  /**
   * object-type ':' first-component ( '.' component | '[' index ']' )* ; returns the object type.
   */
  private String objectPath() {
    ws();
    int start = pos;
    while (pos < s.length() && (identifierChar(s.charAt(pos)) || s.charAt(pos) == '-')) {
      pos++;
    }
    String type = s.substring(start, pos);
    if (type.isEmpty() || !identifierStart(type.charAt(0))) {
      pos = start;
      fail("expected an object path such as ipv4-addr:value");
    }
    if (!take(':')) {
      fail("expected ':' after the object type");
    }
    component();
    while (true) {
      if (take('.')) {
        component();
      } else if (take('[')) {
        if (!take('*')) {
          int at = pos;
          take('-');
          int digits = pos;
          while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            pos++;
          }
          if (pos == digits) {
            pos = at;
            fail("expected a list index or *");
          }
        }
        expect(']');
      } else {
        return type;
      }
    }
  }

  private void component() {
    if (peek('\'')) {
      string();
      return;
    }
    int start = pos;
    if (pos < s.length() && identifierStart(s.charAt(pos))) {
      pos++;
      while (pos < s.length() && identifierChar(s.charAt(pos))) {
        pos++;
      }
    }
    if (pos == start) {
      fail("expected a property name");
    }
  }

  // ---- constants -----------------------------------------------------------------------------

  private void set() {
    ws();
    expect('(');
    ws();
    if (take(')')) {
      return;
    }
    primitive();
    ws();
    while (take(',')) {
      primitive();
      ws();
    }
    expect(')');
  }

  private void primitive() {
    ws();
    if (word("true") || word("false")) {
      return;
    }
    orderable();
  }

  private void orderable() {
    ws();
    if (peek('\'')) {
      string();
    } else if (s.startsWith("h'", pos)) {
      String hex = prefixed('h');
      if (hex.length() % 2 != 0 || !Formats.hexAnyCase(hex)) {
        fail("a hex constant needs an even number of hexadecimal digits");
      }
    } else if (s.startsWith("b'", pos)) {
      String b64 = prefixed('b');
      if (!Formats.base64(b64)) {
        fail("a binary constant must be base64");
      }
    } else if (s.startsWith("t'", pos)) {
      prefixed('t');
    } else {
      int at = pos;
      String n = number();
      if (n == null) {
        fail("expected a constant");
      }
      if (n.startsWith("+")) {
        pos = at;
        fail("positive numbers are written without '+'");
      }
    }
  }

  /** A constant like t'...', h'...', b'...': returns the text between the apostrophes. */
  private String prefixed(char prefix) {
    int at = pos;
    if (!take(prefix) || !peek('\'')) {
      fail(prefix == 't' ? "expected a timestamp constant t'...'" : "expected " + prefix + "'...'");
    }
    String value = string();
    if (prefix == 't' && !StixTimestamps.isValid(value)) {
      pos = at;
      fail("t'" + value + "' is not a STIX timestamp");
    }
    return value;
  }

  /** A quoted string with \' and \\ escapes; returns its value. */
  private String string() {
    expect('\'');
    StringBuilder sb = new StringBuilder();
    while (pos < s.length()) {
      char c = s.charAt(pos++);
      if (c == '\'') {
        return sb.toString();
      }
      if (c == '\\') {
        if (pos >= s.length() || (s.charAt(pos) != '\'' && s.charAt(pos) != '\\')) {
          fail("only \\' and \\\\ may be escaped in a string constant");
        }
        c = s.charAt(pos++);
      }
      sb.append(c);
    }
    fail("unterminated string constant");
    return null;
  }

  /** [+-]? digits ( '.' digits )? | [+-]? '.' digits ; null when there is none here. */
  private String number() {
    int start = pos;
    if (pos < s.length() && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
      pos++;
    }
    int intStart = pos;
    while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
      pos++;
    }
    boolean intDigits = pos > intStart;
    if (pos < s.length() && s.charAt(pos) == '.') {
      pos++;
      int frac = pos;
      while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
        pos++;
      }
      if (pos == frac) {
        pos = start;
        return null;
      }
    } else if (!intDigits) {
      pos = start;
      return null;
    }
    if (pos < s.length() && identifierChar(s.charAt(pos))) {
      pos = start;
      return null;
    }
    return s.substring(start, pos);
  }

  // ---- scanning ------------------------------------------------------------------------------

  private void enter() {
    if (++depth > MAX_DEPTH) {
      fail("nested more than " + MAX_DEPTH + " levels deep");
    }
  }

  private void ws() {
    while (pos < s.length()
        && (Character.isWhitespace(s.charAt(pos)) || Character.isSpaceChar(s.charAt(pos)))) {
      pos++;
    }
  }

  private boolean peek(char c) {
    return pos < s.length() && s.charAt(pos) == c;
  }

  private boolean take(char c) {
    if (peek(c)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!take(c)) {
      fail("expected '" + c + "'");
    }
  }

  /** A whole keyword after optional whitespace (case-sensitive); consumes it when present. */
  private boolean keyword(String k) {
    ws();
    return word(k);
  }

  private boolean word(String k) {
    if (s.startsWith(k, pos)
        && (pos + k.length() == s.length() || !identifierChar(s.charAt(pos + k.length())))
        && KEYWORDS.contains(k)) {
      pos += k.length();
      return true;
    }
    return false;
  }

  private static boolean identifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean identifierChar(char c) {
    return identifierStart(c) || (c >= '0' && c <= '9');
  }
}
