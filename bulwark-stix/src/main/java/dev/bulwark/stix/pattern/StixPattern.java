package dev.bulwark.stix.pattern;

import dev.bulwark.stix.pattern.ObservationExpression.FollowedBy;
import dev.bulwark.stix.pattern.ObservationExpression.Repeats;
import dev.bulwark.stix.pattern.ObservationExpression.Simple;
import dev.bulwark.stix.pattern.ObservationExpression.StartStop;
import dev.bulwark.stix.pattern.ObservationExpression.Within;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A compiled STIX pattern: parse once with {@link #compile}, then evaluate against any number of
 * observation sets. Semantics are the reference matcher's (OASIS cti-pattern-matcher, STIX 2.1
 * mode): see {@link CompiledComparison} for one observation expression and {@link Bindings} for the
 * observation operators and qualifiers. Immutable and thread-safe.
 */
public final class StixPattern {

  /** Above this many leaves, duplicates are found by hashing rather than by a linear scan. */
  private static final int LINEAR_DEDUP = 16;

  private final String text;
  private final ObservationExpression ast;

  /** The distinct leaves (by equality), in order of appearance, and their compiled forms. */
  private final Simple[] leafKeys;

  private final CompiledComparison[] leafComps;

  /**
   * Every leaf node of the tree (by identity) to its index in {@link #leafKeys}: evaluation looks
   * leaves up by identity, never by hashing the record tree (which once cost a quarter of the time
   * of evaluating a small pattern).
   */
  private final IdentityHashMap<Simple, Integer> leafIndex;

  /**
   * The one comparison when the pattern is a single bracketed expression (under any WITHIN), else
   * null: looking it up in {@link #leaves} hashed the whole record tree on every evaluation, about
   * half of the cyber end-to-end CPU time with 100,000 indicators.
   */
  private final CompiledComparison single;

  private StixPattern(String text, ObservationExpression ast, Map<Literal.Str, Pattern> regexes) {
    this.text = text;
    this.ast = ast;
    List<Simple> all = new ArrayList<>();
    collect(ast, all);
    List<Simple> distinct = new ArrayList<>();
    Map<Simple, Integer> byValue = all.size() > LINEAR_DEDUP ? new HashMap<>() : null;
    this.leafIndex = new IdentityHashMap<>(all.size() * 2);
    for (Simple s : all) {
      Integer at = byValue != null ? byValue.get(s) : indexOfEqual(distinct, s);
      if (at == null) {
        at = distinct.size();
        distinct.add(s);
        if (byValue != null) {
          byValue.put(s, at);
        }
      }
      leafIndex.put(s, at);
    }
    this.leafKeys = distinct.toArray(new Simple[0]);
    this.leafComps = new CompiledComparison[leafKeys.length];
    for (int i = 0; i < leafKeys.length; i++) {
      leafComps[i] = new CompiledComparison(leafKeys[i].comparison(), regexes);
    }
    ObservationExpression e = ast;
    while (e instanceof Within w) {
      e = w.inner();
    }
    this.single = e instanceof Simple s ? leafComps[leafIndex.get(s)] : null;
  }

  private static Integer indexOfEqual(List<Simple> distinct, Simple s) {
    for (int i = 0; i < distinct.size(); i++) {
      Simple d = distinct.get(i);
      if (d == s || d.equals(s)) {
        return i;
      }
    }
    return null;
  }

  /**
   * Parses and compiles a pattern.
   *
   * @param text the pattern
   * @return the compiled pattern
   * @throws PatternException when the pattern is not valid (with the column and the reason)
   */
  public static StixPattern compile(String text) {
    PatternParser.Parsed parsed = PatternParser.parseCompiling(text);
    return new StixPattern(text, parsed.ast(), parsed.regexes());
  }

  private static void collect(ObservationExpression e, List<Simple> out) {
    if (e instanceof Simple s) {
      out.add(s);
    } else if (e instanceof ObservationExpression.And a) {
      for (ObservationExpression x : a.operands()) {
        collect(x, out);
      }
    } else if (e instanceof ObservationExpression.Or o) {
      for (ObservationExpression x : o.operands()) {
        collect(x, out);
      }
    } else if (e instanceof FollowedBy f) {
      collect(f.left(), out);
      collect(f.right(), out);
    } else if (e instanceof Within w) {
      collect(w.inner(), out);
    } else if (e instanceof Repeats r) {
      collect(r.inner(), out);
    } else if (e instanceof StartStop s) {
      collect(s.inner(), out);
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
    return List.of(leafKeys);
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
    int n = observations.size();
    if (single != null) {
      boolean any = false;
      for (int i = 0; i < n; i++) {
        any |= single.matches(observations.get(i)); // every observation: errors surface as before
      }
      return any; // one observation is always within any window
    }
    boolean[][] hits = new boolean[leafComps.length][n];
    for (int l = 0; l < leafComps.length; l++) {
      CompiledComparison c = leafComps[l];
      boolean[] h = hits[l];
      for (int i = 0; i < n; i++) {
        h[i] = c.matches(observations.get(i));
      }
    }
    return new Bindings(observations, hits, leafIndex).exists(ast);
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
    Integer at = leafIndex.get(leaf);
    if (at == null) {
      at = indexOfEqual(Arrays.asList(leafKeys), leaf);
    }
    if (at == null) {
      throw new IllegalArgumentException("not a leaf of this pattern");
    }
    return leafComps[at].matches(observation);
  }

  @Override
  public String toString() {
    return text;
  }
}
