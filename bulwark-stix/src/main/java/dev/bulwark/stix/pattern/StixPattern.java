package dev.bulwark.stix.pattern;

import dev.bulwark.stix.pattern.ObservationExpression.FollowedBy;
import dev.bulwark.stix.pattern.ObservationExpression.Repeats;
import dev.bulwark.stix.pattern.ObservationExpression.Simple;
import dev.bulwark.stix.pattern.ObservationExpression.StartStop;
import dev.bulwark.stix.pattern.ObservationExpression.Within;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled STIX pattern: parse once with {@link #compile}, then evaluate against any number of
 * observation sets. Semantics are the reference matcher's (OASIS cti-pattern-matcher, STIX 2.1
 * mode): see {@link CompiledComparison} for one observation expression and {@link Bindings} for the
 * observation operators and qualifiers. Immutable and thread-safe.
 */
public final class StixPattern {

  private final String text;
  private final ObservationExpression ast;
  private final Map<Simple, CompiledComparison> leaves;

  /**
   * The one comparison when the pattern is a single bracketed expression (under any WITHIN), else
   * null: looking it up in {@link #leaves} hashed the whole record tree on every evaluation, about
   * half of the cyber end-to-end CPU time with 100,000 indicators.
   */
  private final CompiledComparison single;

  private StixPattern(String text, ObservationExpression ast) {
    this.text = text;
    this.ast = ast;
    Map<Simple, CompiledComparison> m = new LinkedHashMap<>();
    collect(ast, m);
    this.leaves = m;
    ObservationExpression e = ast;
    while (e instanceof Within w) {
      e = w.inner();
    }
    this.single = e instanceof Simple s ? m.get(s) : null;
  }

  /**
   * Parses and compiles a pattern.
   *
   * @param text the pattern
   * @return the compiled pattern
   * @throws PatternException when the pattern is not valid (with the column and the reason)
   */
  public static StixPattern compile(String text) {
    return new StixPattern(text, PatternParser.parse(text));
  }

  private static void collect(ObservationExpression e, Map<Simple, CompiledComparison> m) {
    if (e instanceof Simple s) {
      m.computeIfAbsent(s, x -> new CompiledComparison(x.comparison()));
    } else if (e instanceof ObservationExpression.And a) {
      a.operands().forEach(x -> collect(x, m));
    } else if (e instanceof ObservationExpression.Or o) {
      o.operands().forEach(x -> collect(x, m));
    } else if (e instanceof FollowedBy f) {
      collect(f.left(), m);
      collect(f.right(), m);
    } else if (e instanceof Within w) {
      collect(w.inner(), m);
    } else if (e instanceof Repeats r) {
      collect(r.inner(), m);
    } else if (e instanceof StartStop s) {
      collect(s.inner(), m);
    }
  }

  /**
   * The pattern as given.
   *
   * @return the text
   */
  public String text() {
    return text;
  }

  /**
   * The syntax tree.
   *
   * @return the root observation expression
   */
  public ObservationExpression ast() {
    return ast;
  }

  /**
   * The bracketed comparison expressions (the "leaves"), in order of appearance, duplicates once.
   *
   * @return the simple observation expressions
   */
  public List<Simple> leaves() {
    return List.copyOf(leaves.keySet());
  }

  /**
   * Whether the pattern is one bracketed comparison expression, possibly under START … STOP or
   * WITHIN (which one observation cannot fail): such a pattern is decided by one observation alone.
   *
   * @return true when one observation decides it
   */
  public boolean singleObservation() {
    ObservationExpression e = ast;
    while (e instanceof Within w) {
      e = w.inner();
    }
    return e instanceof Simple;
  }

  /**
   * Evaluates the pattern against a set of observations.
   *
   * @param observations the observations (observed-data with their objects)
   * @return true when the pattern matches
   * @throws PatternEvaluationException when it cannot be evaluated (a type error the reference
   *     matcher also rejects, or too many combinations of observations to check)
   */
  public boolean matches(List<Observation> observations) {
    Map<Simple, boolean[]> byValue = new LinkedHashMap<>();
    for (Map.Entry<Simple, CompiledComparison> e : leaves.entrySet()) {
      boolean[] h = new boolean[observations.size()];
      for (int i = 0; i < h.length; i++) {
        h[i] = e.getValue().matches(observations.get(i));
      }
      byValue.put(e.getKey(), h);
    }
    return new Bindings(observations, byValue).exists(ast);
  }

  /**
   * Evaluates the pattern against one observation.
   *
   * @param observation the observation
   * @return true when the pattern matches it alone
   * @throws PatternEvaluationException when it cannot be evaluated
   */
  public boolean matches(Observation observation) {
    if (single != null) {
      return single.matches(observation); // the common case: no bindings to build
    }
    return matches(List.of(observation)); // one observation always fits in any window
  }

  /**
   * Which observations satisfy each leaf (for the index's prefilter and for diagnostics).
   *
   * @param leaf one of {@link #leaves()}
   * @param observation an observation
   * @return whether the leaf's comparison expression holds for it
   */
  public boolean leafMatches(Simple leaf, Observation observation) {
    CompiledComparison c = leaves.get(leaf);
    if (c == null) {
      throw new IllegalArgumentException("not a leaf of this pattern");
    }
    return c.matches(observation);
  }

  @Override
  public String toString() {
    return text;
  }
}
