package dev.bulwark.stix.pattern;

import dev.bulwark.stix.pattern.ComparisonExpression.Comparison;
import dev.bulwark.stix.pattern.ComparisonExpression.Op;
import dev.bulwark.stix.pattern.ObjectPath.Key;
import dev.bulwark.stix.pattern.ObjectPath.Step;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The atoms of a comparison expression: facts of which at least one holds of an observation that
 * the expression matches (an exact value at a path, an address inside a CIDR block at a path). The
 * index keys patterns by them. An expression without such facts (NOT, !=, ordering, regular
 * expressions, EXISTS) has none, and its pattern is checked against every observation. Stateless
 * and thread-safe.
 */
final class Atoms {

  /**
   * One atom at a path: an exact value (key of {@link #valueKey}), a CIDR block ({@code cidr} ≥ 0)
   * or a literal the value must contain ({@code contains}, for LIKE and MATCHES).
   */
  record Atom(ObjectPath path, String value, long cidr, String contains) {
    Atom(ObjectPath path, String value, long cidr) {
      this(path, value, cidr, null);
    }
  }

  private Atoms() {}

  /**
   * The atoms of an expression.
   *
   * @param e the expression
   * @return the atoms (empty: the expression can match nothing), or null when it has none usable
   */
  static List<Atom> of(ComparisonExpression e) {
    if (e instanceof ComparisonExpression.Or or) {
      List<Atom> all = new ArrayList<>();
      for (ComparisonExpression x : or.operands()) {
        List<Atom> a = of(x);
        if (a == null) {
          return null;
        }
        all.addAll(a);
      }
      return all;
    }
    if (e instanceof ComparisonExpression.And and) {
      List<Atom> best = null;
      for (ComparisonExpression x : and.operands()) {
        List<Atom> a = of(x);
        if (a != null && (best == null || a.size() < best.size())) {
          best = a;
        }
      }
      return best;
    }
    if (!(e instanceof Comparison c) || c.negated()) {
      return null;
    }
    if (Observations.NON_OBSERVABLE_TYPES.contains(c.path().objectType())) {
      return List.of();
    }
    if (c.op() == Op.EQ) {
      String k = literalKey(c.value());
      return k == null ? null : List.of(new Atom(c.path(), k, -1));
    }
    if (c.op() == Op.IN) {
      List<Atom> all = new ArrayList<>();
      for (Literal m : ((Literal.SetOf) c.value()).members()) {
        String k = literalKey(m);
        if (k == null || k.equals("n:0") || k.equals("n:1")) {
          return null; // booleans are members of {0, 1} for the reference: not worth keying
        }
        all.add(new Atom(c.path(), k, -1));
      }
      return all;
    }
    if (c.op() == Op.ISSUBSET && !hasSuffixStep(c.path())) {
      try {
        return List.of(
            new Atom(c.path(), null, Cidr.parse(((Literal.Str) c.value()).value(), true)));
      } catch (PatternEvaluationException e2) {
        return null; // evaluation reports it
      }
    }
    if ((c.op() == Op.LIKE || c.op() == Op.MATCHES) && !hasSuffixStep(c.path())) {
      String text = ((Literal.Str) c.value()).value();
      String lit =
          c.op() == Op.LIKE ? RequiredLiterals.ofLike(text) : RequiredLiterals.ofRegex(text);
      return lit == null ? null : List.of(new Atom(c.path(), null, -1, lit));
    }
    return null;
  }

  private static boolean hasSuffixStep(ObjectPath p) {
    for (Step s : p.steps()) {
      if (s instanceof Key k && (k.name().endsWith("_hex") || k.name().endsWith("_bin"))) {
        return true;
      }
    }
    return false;
  }

  /** The key of a constant, equal to {@link #valueKey} of every value it equals; null if none. */
  static String literalKey(Literal l) {
    if (l instanceof Literal.Str s) {
      return "s:" + s.value();
    }
    if (l instanceof Literal.Bin b) {
      return "s:" + new String(b.raw(), StandardCharsets.ISO_8859_1);
    }
    if (l instanceof Literal.Int i) {
      return "n:" + i.value();
    }
    if (l instanceof Literal.Flt f) {
      return Double.isFinite(f.value()) ? "n:" + number(new BigDecimal(f.value())) : null;
    }
    return null;
  }

  /**
   * The key of a selected value (a JSON node or bytes), or null when no keyed constant equals it.
   *
   * @param v the value
   * @return the key
   */
  static String valueKey(Object v) {
    if (v instanceof byte[] b) {
      return "s:" + new String(b, StandardCharsets.ISO_8859_1);
    }
    if (!(v instanceof JsonNode n)) {
      return null;
    }
    if (n.isString()) {
      return "s:" + n.stringValue();
    }
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? "n:" + n.longValue() : "n:" + n.bigIntegerValue();
    }
    if (n.isNumber()) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? "n:" + number(new BigDecimal(d)) : null;
    }
    return null;
  }

  private static String number(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    if (s.scale() <= 0) {
      BigInteger i = s.toBigInteger();
      return i.toString();
    }
    return s.toPlainString();
  }
}
