package dev.bulwark.stix.pattern;

import dev.bulwark.stix.pattern.ComparisonExpression.Comparison;
import dev.bulwark.stix.pattern.ComparisonExpression.Exists;
import dev.bulwark.stix.pattern.ComparisonExpression.Op;
import dev.bulwark.stix.pattern.ObjectPath.AnyIndex;
import dev.bulwark.stix.pattern.ObjectPath.Index;
import dev.bulwark.stix.pattern.ObjectPath.Key;
import dev.bulwark.stix.pattern.ObjectPath.Step;
import dev.bulwark.stix.pattern.ObservationExpression.FollowedBy;
import dev.bulwark.stix.pattern.ObservationExpression.Repeats;
import dev.bulwark.stix.pattern.ObservationExpression.Simple;
import dev.bulwark.stix.pattern.ObservationExpression.StartStop;
import dev.bulwark.stix.pattern.ObservationExpression.Within;
import dev.bulwark.stix.pattern.Token.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses a STIX pattern into its syntax tree: the grammar of STIX 2.1 section 9 (STIXPattern.g4;
 * FOLLOWEDBY binds loosest, then OR, then AND, all left-associative; qualifiers bind to the
 * observation expression before them), by recursive descent over {@link Lexer}'s tokens. Only the
 * grammar is enforced, as the reference matcher does; the validator's extra rules (one object type
 * per AND) live in the validation package. Constants are checked and converted here (timestamps
 * that name no real instant, a REPEATS of 0, a WITHIN of 0 are errors). One instance per parse, not
 * thread-safe; {@link #parse} is.
 */
public final class PatternParser {

  private static final int MAX_DEPTH = 100;
  private static final Set<Kind> ORDERABLE =
      EnumSet.of(
          Kind.INT_POS,
          Kind.INT_NEG,
          Kind.FLOAT_POS,
          Kind.FLOAT_NEG,
          Kind.STRING,
          Kind.BINARY,
          Kind.HEX,
          Kind.TIMESTAMP);

  private final String text;
  private final List<Token> tokens;
  private int at;
  private int depth;

  /**
   * The MATCHES operands compiled while checking them, by identity of their constant, handed to the
   * evaluator of the same pattern so that it does not compile them again (nothing is kept from one
   * parse to the next).
   */
  private final IdentityHashMap<Literal.Str, Pattern> regexes = new IdentityHashMap<>();

  /** A syntax tree with the regular expressions compiled while parsing it. */
  record Parsed(ObservationExpression ast, Map<Literal.Str, Pattern> regexes) {}

  private PatternParser(String text) {
    this.text = text;
    this.tokens = Lexer.tokens(text);
  }

  /**
   * Parses a pattern.
   *
   * @param pattern the pattern text
   * @return its syntax tree
   * @throws PatternException when it is not a valid pattern (with the column)
   */
  public static ObservationExpression parse(String pattern) {
    return parseCompiling(pattern).ast();
  }

  /** {@link #parse}, also giving the MATCHES expressions it compiled. */
  static Parsed parseCompiling(String pattern) {
    PatternParser p = new PatternParser(pattern);
    ObservationExpression e = p.observationExpressions();
    if (!p.peek().is(Kind.EOF)) {
      throw p.error("unexpected '" + p.peek().text() + "'");
    }
    return new Parsed(e, p.regexes);
  }

  // ---- observation expressions ---------------------------------------------------------------

  private ObservationExpression observationExpressions() {
    enter();
    ObservationExpression left = observationOr();
    while (accept(Kind.FOLLOWEDBY)) {
      left = new FollowedBy(left, observationOr());
    }
    depth--;
    return left;
  }

  private ObservationExpression observationOr() {
    ObservationExpression first = observationAnd();
    if (!peek().is(Kind.OR)) {
      return first; // the common case: no list to build
    }
    List<ObservationExpression> items = new ArrayList<>();
    items.add(first);
    while (accept(Kind.OR)) {
      items.add(observationAnd());
    }
    return items.size() == 1 ? items.get(0) : new ObservationExpression.Or(items);
  }

  private ObservationExpression observationAnd() {
    ObservationExpression first = observation();
    if (!peek().is(Kind.AND)) {
      return first;
    }
    List<ObservationExpression> items = new ArrayList<>();
    items.add(first);
    while (accept(Kind.AND)) {
      items.add(observation());
    }
    return items.size() == 1 ? items.get(0) : new ObservationExpression.And(items);
  }

  private ObservationExpression observation() {
    ObservationExpression e;
    if (accept(Kind.LBRACK)) {
      e = new Simple(comparisonOr());
      expect(Kind.RBRACK, "']'");
    } else if (accept(Kind.LPAREN)) {
      e = observationExpressions();
      expect(Kind.RPAREN, "')'");
    } else {
      throw error("expected '[' or '(' to start an observation expression");
    }
    while (true) {
      if (accept(Kind.WITHIN)) {
        e = within(e);
      } else if (accept(Kind.REPEATS)) {
        Token n = expect(Kind.INT_POS, "a positive integer after REPEATS");
        int times = intValue(n);
        if (times <= 0) {
          throw errorAt(n, "REPEATS takes a positive integer");
        }
        expect(Kind.TIMES, "TIMES");
        e = new Repeats(e, times);
      } else if (accept(Kind.START)) {
        long start = timestamp(expect(Kind.TIMESTAMP, "a timestamp t'...' after START"));
        expect(Kind.STOP, "STOP");
        long stop = timestamp(expect(Kind.TIMESTAMP, "a timestamp t'...' after STOP"));
        e = new StartStop(e, start, stop);
      } else {
        return e;
      }
    }
  }

  private ObservationExpression within(ObservationExpression e) {
    Token n = peek();
    if (!n.is(Kind.INT_POS) && !n.is(Kind.FLOAT_POS)) {
      throw error("WITHIN takes a positive number of seconds");
    }
    at++;
    BigDecimal seconds =
        new BigDecimal(n.text().startsWith("+") ? n.text().substring(1) : n.text());
    long micros;
    try {
      micros = seconds.movePointRight(6).setScale(0, RoundingMode.DOWN).longValueExact();
    } catch (ArithmeticException tooBig) {
      throw errorAt(n, "WITHIN value out of range");
    }
    if (micros <= 0) {
      throw errorAt(n, "WITHIN takes a positive number of seconds (not " + n.text() + ")");
    }
    expect(Kind.SECONDS, "SECONDS");
    return new Within(e, micros, n.text());
  }

  // ---- comparison expressions ----------------------------------------------------------------

  private ComparisonExpression comparisonOr() {
    enter();
    ComparisonExpression first = comparisonAnd();
    if (!peek().is(Kind.OR)) {
      depth--;
      return first;
    }
    List<ComparisonExpression> items = new ArrayList<>();
    items.add(first);
    while (accept(Kind.OR)) {
      items.add(comparisonAnd());
    }
    depth--;
    return items.size() == 1 ? items.get(0) : new ComparisonExpression.Or(items);
  }

  private ComparisonExpression comparisonAnd() {
    ComparisonExpression first = propTest();
    if (!peek().is(Kind.AND)) {
      return first;
    }
    List<ComparisonExpression> items = new ArrayList<>();
    items.add(first);
    while (accept(Kind.AND)) {
      items.add(propTest());
    }
    return items.size() == 1 ? items.get(0) : new ComparisonExpression.And(items);
  }

  private ComparisonExpression propTest() {
    if (accept(Kind.LPAREN)) {
      ComparisonExpression inner = comparisonOr();
      expect(Kind.RPAREN, "')'");
      return inner;
    }
    if (peek().is(Kind.EXISTS) || (peek().is(Kind.NOT) && peek(1).is(Kind.EXISTS))) {
      boolean negated = accept(Kind.NOT);
      at++;
      return new Exists(objectPath(), negated);
    }
    ObjectPath path = objectPath();
    boolean negated = accept(Kind.NOT);
    Token op = next();
    return switch (op.kind()) {
      case EQ -> new Comparison(path, Op.EQ, negated, primitive());
      case NEQ -> new Comparison(path, Op.NEQ, negated, primitive());
      case LT -> new Comparison(path, Op.LT, negated, orderable());
      case LE -> new Comparison(path, Op.LE, negated, orderable());
      case GT -> new Comparison(path, Op.GT, negated, orderable());
      case GE -> new Comparison(path, Op.GE, negated, orderable());
      case IN -> new Comparison(path, Op.IN, negated, set());
      case LIKE -> new Comparison(path, Op.LIKE, negated, stringConstant());
      case MATCHES -> new Comparison(path, Op.MATCHES, negated, regex());
      case ISSUBSET -> new Comparison(path, Op.ISSUBSET, negated, stringConstant());
      case ISSUPERSET -> new Comparison(path, Op.ISSUPERSET, negated, stringConstant());
      default ->
          throw errorAt(
              op,
              "expected a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET,"
                  + " ISSUPERSET)");
    };
  }

  private Literal regex() {
    Literal.Str s = stringConstant();
    try {
      regexes.put(s, Regexes.compileText(s.value()));
    } catch (PatternSyntaxException bad) {
      throw errorAt(tokens.get(at - 1), "invalid regular expression: " + bad.getDescription());
    }
    return s;
  }

  private ObjectPath objectPath() {
    Token type = next();
    if (!type.is(Kind.ID) && !type.is(Kind.ID_HYPHEN)) {
      throw errorAt(type, "expected an object path such as ipv4-addr:value");
    }
    expect(Kind.COLON, "':' after the object type");
    List<Step> steps = new ArrayList<>();
    steps.add(new Key(keyName("a property name")));
    while (true) {
      if (accept(Kind.DOT)) {
        steps.add(new Key(keyName("a property name after '.'")));
      } else if (peek().is(Kind.LBRACK)
          && (peek(1).is(Kind.ASTERISK) || peek(1).is(Kind.INT_POS) || peek(1).is(Kind.INT_NEG))) {
        at++;
        Token i = next();
        steps.add(i.is(Kind.ASTERISK) ? new AnyIndex() : new Index(intValue(i)));
        expect(Kind.RBRACK, "']' after a list index");
      } else {
        return new ObjectPath(type.text(), steps);
      }
    }
  }

  private String keyName(String what) {
    Token t = next();
    if (t.is(Kind.ID)) {
      return t.text();
    }
    if (t.is(Kind.STRING)) {
      return unquote(t.text());
    }
    throw errorAt(t, "expected " + what);
  }

  // ---- constants -----------------------------------------------------------------------------

  private Literal.SetOf set() {
    Token open = expect(Kind.LPAREN, "'(' to start a set");
    List<Literal> members = new ArrayList<>();
    if (!accept(Kind.RPAREN)) {
      members.add(primitive());
      while (accept(Kind.COMMA)) {
        members.add(primitive());
      }
      expect(Kind.RPAREN, "')' to close the set");
    }
    checkHomogeneous(members, open);
    return new Literal.SetOf(members);
  }

  /** A set holds one type of constant; integers and floats may mix (reference matcher). */
  private void checkHomogeneous(List<Literal> members, Token open) {
    Class<?> first = null;
    boolean numbersOnly = true;
    boolean same = true;
    for (Literal m : members) {
      Class<?> c = m.getClass();
      if (first == null) {
        first = c;
      } else if (c != first) {
        same = false;
      }
      numbersOnly &= m instanceof Literal.Int || m instanceof Literal.Flt;
    }
    if (!same && !numbersOnly) {
      throw errorAt(open, "a set must hold constants of one type");
    }
  }

  private Literal primitive() {
    if (peek().is(Kind.BOOL)) {
      return new Literal.Bool(next().text().equals("true"));
    }
    return orderable();
  }

  private Literal orderable() {
    Token t = next();
    if (!ORDERABLE.contains(t.kind())) {
      throw errorAt(t, "expected a constant");
    }
    String s = t.text();
    return switch (t.kind()) {
      case STRING -> new Literal.Str(unquote(s));
      case INT_POS, INT_NEG -> new Literal.Int(longValue(t));
      case FLOAT_POS, FLOAT_NEG -> new Literal.Flt(Double.parseDouble(s));
      case BINARY ->
          new Literal.Bin(Base64.getDecoder().decode(s.substring(2, s.length() - 1)), false);
      case HEX -> new Literal.Bin(HexFormat.of().parseHex(s.substring(2, s.length() - 1)), true);
      default -> new Literal.Timestamp(timestamp(t), s);
    };
  }

  private Literal.Str stringConstant() {
    Token t = next();
    if (!t.is(Kind.STRING)) {
      throw errorAt(t, "expected a string constant");
    }
    return new Literal.Str(unquote(t.text()));
  }

  private long timestamp(Token t) {
    String s = t.text().substring(2, t.text().length() - 1);
    Optional<Long> micros = Micros.of(s);
    if (micros.isEmpty()) {
      throw errorAt(t, t.text() + " is not a STIX timestamp");
    }
    return micros.get();
  }

  private long longValue(Token t) {
    try {
      return Long.parseLong(t.text().startsWith("+") ? t.text().substring(1) : t.text());
    } catch (NumberFormatException e) {
      throw errorAt(t, "integer out of range: " + t.text());
    }
  }

  private int intValue(Token t) {
    long v = longValue(t);
    if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
      throw errorAt(t, "integer out of range: " + t.text());
    }
    return (int) v;
  }

  static String unquote(String quoted) {
    String inner = quoted.substring(1, quoted.length() - 1);
    if (inner.indexOf('\\') < 0) {
      return inner;
    }
    StringBuilder sb = new StringBuilder(inner.length());
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\\') {
        c = inner.charAt(++i);
      }
      sb.append(c);
    }
    return sb.toString();
  }

  // ---- tokens --------------------------------------------------------------------------------

  private Token peek() {
    return tokens.get(at);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(at + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(at);
    if (!t.is(Kind.EOF)) {
      at++;
    }
    return t;
  }

  private boolean accept(Kind k) {
    if (peek().is(k)) {
      at++;
      return true;
    }
    return false;
  }

  private Token expect(Kind k, String what) {
    Token t = peek();
    if (!t.is(k)) {
      throw error("expected " + what);
    }
    at++;
    return t;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("nested more than " + MAX_DEPTH + " levels deep");
    }
  }

  private PatternException error(String what) {
    return errorAt(peek(), what);
  }

  private PatternException errorAt(Token t, String what) {
    String found = t.is(Kind.EOF) ? "end of pattern" : "'" + t.text() + "'";
    return new PatternException(
        Math.min(t.start(), text.length()) + 1, what + " (found " + found + ")");
  }
}
