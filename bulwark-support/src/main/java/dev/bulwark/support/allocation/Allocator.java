package dev.bulwark.support.allocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Assigns offers to requirements with a lexicographic linear program (ojAlgo):
 *
 * <ol>
 *   <li>minimise the priority-weighted shortfall, {@code sum(weight * unitValue * unitsShort)};
 *   <li>keeping that optimum, minimise the largest deviation of any ally with offers from its fair
 *       share of the value allocated (plus its prior contributions), the shares being those of the
 *       burden key renormalised among the allies with offers;
 * </ol>
 *
 * <p>In stage 2 the sum of all allies' deviations, weighted 10<sup>-4</sup>/allies, breaks ties
 * between solutions with the same largest deviation, so the allies that do not set the maximum are
 * also drawn towards their shares.
 *
 * <p>Only pairs (offer, requirement) where the offer can fill the requirement in time ({@link
 * Offer#canFill}) are candidates. Stage 1 does not even need those: offers that differ only in
 * their dates form a {@link Pool}, whose offers a requirement can use are always a prefix in date
 * order, so one variable per (pool, requirement) and one row per (pool, date) give the same optimum
 * (Hall's condition); a greedy split then says which offer fills what. Stage 1 falls apart into
 * independent blocks (connected components of the pairs), solved side by side.
 *
 * <p>Stage 2 ties the blocks together through the allies' totals. Up to {@link
 * #DEFAULT_EXACT_LIMIT} pairs it is solved over every pair with each block's stage-1 optimum kept
 * as a constraint: exact lexicographic. Beyond, each requirement keeps stage 1's fill from each
 * pool and only who supplies it changes, per pool and date ({@link Stage2#FIXED_FILLS}); that model
 * has a few thousand variables where the pair model has tens of thousands. Quantities are
 * continuous (an LP): round when executing. Values inside the model are in millions of euros for
 * numerical stability. Stateless and thread-safe.
 */
public final class Allocator {

  /**
   * Up to this many pairs stage 2 is solved exactly; beyond, with fixed fills (see {@link Stage2}).
   */
  public static final int DEFAULT_EXACT_LIMIT = 500;

  /**
   * Above this many variables (offer and date, or funds offer) in the fixed-fill model, stage 2 is
   * not attempted and stage 1's allocation is returned as it is. The 2,000 x 500 benchmark needs
   * about 1,600 (see BENCHMARKS.md).
   */
  public static final int STAGE2_MAX_PAIRS = 20_000;

  /**
   * Stage 2's default time budget (wall clock); stage 1 always runs to its optimum. Stage 2 needs
   * about a second of CPU at 2,000 x 500, but on a shared machine its wall time can be several
   * times that, and a 3 s budget was seen to cut it off (BENCHMARKS.md, "Support planning").
   */
  public static final Duration DEFAULT_STAGE2_BUDGET = Duration.ofSeconds(10);

  private final int exactLimit;
  private final Duration stage2Budget;

  public Allocator() {
    this(DEFAULT_EXACT_LIMIT, DEFAULT_STAGE2_BUDGET);
  }

  /**
   * @param exactLimit the largest number of pairs for which stage 2 is solved exactly
   * @param stage2Budget how long stage 2 may search; when it runs out, the best feasible point
   *     found is kept (it never worsens stage 1's optimum) and the result says so
   */
  public Allocator(int exactLimit, Duration stage2Budget) {
    this.exactLimit = exactLimit;
    this.stage2Budget = stage2Budget;
  }

  static final double SCALE = 1e6;
  private static final double EPS = 1e-6;

  static {
    // ojAlgo prints a hardware-profile notice on stdout unless told not to; it would corrupt
    // --json.
    if (System.getProperty("shut.up.ojAlgo") == null) {
      System.setProperty("shut.up.ojAlgo", "true");
    }
  }

  /**
   * Solves an allocation.
   *
   * @param shares each ally's burden-key share (any positive weights; renormalised among the allies
   *     with offers)
   * @param priorEur contributions already made, per ally, that count towards fairness (may be
   *     empty)
   * @throws IllegalArgumentException on duplicate ids or an offering ally without a share
   * @throws IllegalStateException when the solver fails
   */
  public AllocationResult allocate(
      List<Requirement> requirements,
      List<Offer> offers,
      Map<String, Double> shares,
      Map<String, Double> priorEur) {
    long start = System.nanoTime();
    checkInput(requirements, offers, shares);
    List<Pair> pairs = pairs(requirements, offers);
    int[] component = components(requirements.size(), offers.size(), pairs);
    Map<Integer, List<Integer>> pairsByBlock = pairsByBlock(pairs, component);
    List<Pool> pools = Pool.of(requirements, offers);
    Map<Pool, double[]> draws = new ConcurrentHashMap<>();
    Map<Integer, Double> optimum = stage1(requirements, offers, pools, component, draws);

    // Stage 2, over everything at once: the allies tie the blocks together.
    List<String> offering = offers.stream().map(Offer::ally).distinct().sorted().toList();
    double shareSum = offering.stream().mapToDouble(shares::get).sum();
    Map<String, Double> normalised = new LinkedHashMap<>();
    offering.forEach(a -> normalised.put(a, shares.get(a) / shareSum));
    Map<Long, Integer> pairIndex = new HashMap<>();
    for (int p = 0; p < pairs.size(); p++) {
      pairIndex.put(key(pairs.get(p).o, pairs.get(p).r), p);
    }
    double[] x = new double[pairs.size()];
    Pool.Sink sink = (o, r, units) -> x[pairIndex.get(key(o, r))] += units;
    Stage2 method = Stage2.NONE;
    if (!pairs.isEmpty() && offering.size() > 1) {
      if (pairs.size() <= exactLimit) {
        method =
            exact(
                requirements,
                offers,
                pairs,
                pairsByBlock,
                optimum,
                offering,
                normalised,
                priorEur,
                x);
      } else {
        method =
            PooledLp.Balance.solve(
                requirements,
                offers,
                pools,
                draws,
                offering,
                normalised,
                priorEur,
                stage2Budget,
                sink);
      }
    }
    if (method == Stage2.NONE || method == Stage2.SKIPPED || method == Stage2.TOO_LARGE) {
      // Stage 1's own allocation: the pools' draws split over their offers, earliest first.
      Arrays.fill(x, 0);
      draws.forEach(
          (pool, d) -> pool.decompose(requirements, d, PooledLp.capacities(pool, offers), sink));
    }
    return Explainer.explain(
        requirements,
        offers,
        pairs,
        x,
        normalised,
        priorEur,
        method,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** Refuses duplicate ids and offers of an ally without a fair share. */
  private static void checkInput(
      List<Requirement> requirements, List<Offer> offers, Map<String, Double> shares) {
    checkUnique(requirements.stream().map(Requirement::id).toList(), "requirement");
    checkUnique(offers.stream().map(Offer::id).toList(), "offer");
    for (Offer o : offers) {
      if (!(shares.getOrDefault(o.ally(), 0.0) > 0)) {
        throw new IllegalArgumentException(
            "offer " + o.id() + ": ally " + o.ally() + " has no fair share (not a member?)");
      }
    }
  }

  /** The pairs' indices by the block (connected component) of their requirement. */
  private static Map<Integer, List<Integer>> pairsByBlock(List<Pair> pairs, int[] component) {
    Map<Integer, List<Integer>> pairsByBlock = new HashMap<>();
    for (int p = 0; p < pairs.size(); p++) {
      pairsByBlock.computeIfAbsent(component[pairs.get(p).r], k -> new ArrayList<>()).add(p);
    }
    return pairsByBlock;
  }

  /**
   * Stage 1 on the pooled model, block by block: the blocks share no offer and no requirement, and
   * each pool lies inside one block (its earliest offer can fill all its requirements). Fills
   * {@code draws} and returns each block's optimum.
   */
  private static Map<Integer, Double> stage1(
      List<Requirement> requirements,
      List<Offer> offers,
      List<Pool> pools,
      int[] component,
      Map<Pool, double[]> draws) {
    Map<Integer, List<Pool>> poolsByBlock = new HashMap<>();
    for (Pool pool : pools) {
      if (!pool.requirements.isEmpty()) {
        poolsByBlock
            .computeIfAbsent(component[pool.requirements.get(0)], k -> new ArrayList<>())
            .add(pool);
      }
    }
    Map<Integer, Double> optimum = new ConcurrentHashMap<>();
    poolsByBlock.entrySet().parallelStream()
        .forEach(
            block -> {
              PooledLp.Fill lp = new PooledLp.Fill(requirements, offers, block.getValue());
              optimum.put(block.getKey(), lp.solve(draws));
            });
    return optimum;
  }

  /**
   * Stage 1's optimum (the weighted value filled, in millions of euros) on the plain pair model,
   * one variable per (offer, requirement): the reference the pooled model is checked against in
   * tests.
   */
  static double pairModelOptimum(List<Requirement> requirements, List<Offer> offers) {
    List<Pair> pairs = pairs(requirements, offers);
    if (pairs.isEmpty()) {
      return 0;
    }
    Lp lp = new Lp(requirements, offers, pairs, IntStream.range(0, pairs.size()).boxed().toList());
    lp.objectiveFill();
    Optimisation.Result result = lp.model.maximise();
    if (!result.getState().isOptimal()) {
      throw new IllegalStateException("pair model did not solve: " + result.getState());
    }
    return result.getValue();
  }

  private static long key(int o, int r) {
    return ((long) o << 32) | r;
  }

  /** Stage 2 over every pair, keeping each block's weighted fill at its optimum. */
  private Stage2 exact(
      List<Requirement> requirements,
      List<Offer> offers,
      List<Pair> pairs,
      Map<Integer, List<Integer>> pairsByBlock,
      Map<Integer, Double> optimum,
      List<String> offering,
      Map<String, Double> normalised,
      Map<String, Double> priorEur,
      double[] x) {
    Lp lp2 = new Lp(requirements, offers, pairs, IntStream.range(0, pairs.size()).boxed().toList());
    lp2.keepFill(pairsByBlock, optimum);
    lp2.deviations(offering, normalised, priorEur);
    lp2.model.options.time_abort = Math.max(1, stage2Budget.toMillis());
    Optimisation.Result r2 = lp2.model.minimise();
    // Should the solver's noise make the kept optimum look infeasible, stage 1's answer stands.
    if (r2.getState().isFeasible()) {
      lp2.copyInto(r2, x);
      return r2.getState().isOptimal() ? Stage2.EXACT : Stage2.TIME_LIMITED;
    }
    return Stage2.SKIPPED;
  }

  /** How stage 2 was solved. */
  public enum Stage2 {
    /** Nothing to balance: no pairs, or a single ally with offers. */
    NONE,
    /** Over every pair, keeping each block's weighted fill at its optimum: exact lexicographic. */
    EXACT,
    /**
     * Large problems: each requirement keeps the fill stage 1 found, and how much of it comes from
     * each pool (items, funds for its coalition, funds for any coalition); only who supplies it
     * within a pool changes. Funds are re-assigned by offer; items by offer and availability date,
     * the requirements due in the same interval between two availability dates sharing each offer's
     * units in proportion to their fills. The first objective keeps its optimum; the second is
     * minimised over this subset of its optima (ties between requirements of equal weighted value
     * are not revisited).
     */
    FIXED_FILLS,
    /**
     * The fixed-fill model had more than {@link #STAGE2_MAX_PAIRS} variables; stage 1's allocation
     * stands.
     */
    TOO_LARGE,
    /** Stage 2 ran out of its time budget; the best feasible point it had found is used. */
    TIME_LIMITED,
    /**
     * The stage-2 model did not solve cleanly (or found nothing in time); stage 1's allocation
     * stands.
     */
    SKIPPED
  }

  static ExpressionsBasedModel newModel() {
    ExpressionsBasedModel m = new ExpressionsBasedModel();
    // ojAlgo's newer simplex (SimplexSolver over a dense tableau) is several times faster than the
    // default one on these transport-like models and, at a few thousand variables, more accurate.
    m.options.experimental = true;
    return m;
  }

  private static void checkUnique(List<String> ids, String what) {
    TreeSet<String> seen = new TreeSet<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        throw new IllegalArgumentException("duplicate " + what + " id '" + id + "'");
      }
    }
  }

  /** An offer that can fill a requirement in time: one LP variable. */
  record Pair(int o, int r) {}

  static List<Pair> pairs(List<Requirement> requirements, List<Offer> offers) {
    // Index requirements by coalition so that the pruning is not a full cross product.
    Map<Object, List<Integer>> byCoalition = new HashMap<>();
    for (int r = 0; r < requirements.size(); r++) {
      byCoalition.computeIfAbsent(requirements.get(r).coalition(), k -> new ArrayList<>()).add(r);
    }
    List<Pair> pairs = new ArrayList<>();
    for (int o = 0; o < offers.size(); o++) {
      Offer offer = offers.get(o);
      List<Integer> candidates =
          offer.coalition().isPresent()
              ? byCoalition.getOrDefault(offer.coalition().get(), List.of())
              : IntStream.range(0, requirements.size()).boxed().toList();
      for (int r : candidates) {
        if (offer.canFill(requirements.get(r))) {
          pairs.add(new Pair(o, r));
        }
      }
    }
    return pairs;
  }

  /** Union-find over requirements (0..nr-1) and offers (nr..): the block of each requirement. */
  private static int[] components(int nr, int no, List<Pair> pairs) {
    int[] parent = new int[nr + no];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (Pair p : pairs) {
      int a = find(parent, p.r);
      int b = find(parent, nr + p.o);
      if (a != b) {
        parent[a] = b;
      }
    }
    int[] out = new int[nr];
    for (int r = 0; r < nr; r++) {
      out[r] = find(parent, r);
    }
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /**
   * One LP over a subset of the pairs, with the capacity constraints of its offers and
   * requirements.
   */
  private static final class Lp {
    final ExpressionsBasedModel model = newModel();
    final List<Requirement> requirements;
    final List<Offer> offers;
    final List<Pair> pairs;
    final List<Integer> subset;
    final Map<Integer, Variable> vars = new LinkedHashMap<>();
    final Map<Integer, Expression> reqRows = new HashMap<>();

    Lp(List<Requirement> requirements, List<Offer> offers, List<Pair> pairs, List<Integer> subset) {
      this.requirements = requirements;
      this.offers = offers;
      this.pairs = pairs;
      this.subset = subset;
      Map<Integer, Expression> offerRows = new HashMap<>();
      for (int p : subset) {
        Pair pair = pairs.get(p);
        Variable v = model.addVariable("x" + p).lower(0);
        vars.put(p, v);
        Requirement r = requirements.get(pair.r);
        Offer o = offers.get(pair.o);
        reqRows
            .computeIfAbsent(pair.r, k -> model.addExpression("r" + k).upper(r.quantity()))
            .set(v, 1.0);
        double perUnit = o.capacityPerUnit(r);
        double capacity = o.quantity();
        if (o.kind() == Offer.Kind.FUNDS) {
          perUnit /= SCALE;
          capacity /= SCALE;
        }
        final double cap = capacity;
        offerRows
            .computeIfAbsent(pair.o, k -> model.addExpression("o" + k).upper(cap))
            .set(v, perUnit);
      }
    }

    private double fillCoefficient(int p) {
      Requirement r = requirements.get(pairs.get(p).r);
      return r.weight() * r.unitValueEur() / SCALE;
    }

    void objectiveFill() {
      vars.forEach((p, v) -> v.weight(fillCoefficient(p)));
    }

    void keepFill(Map<Integer, List<Integer>> blocks, Map<Integer, Double> optimum) {
      for (Map.Entry<Integer, List<Integer>> block : blocks.entrySet()) {
        double best = optimum.get(block.getKey());
        Expression e =
            model
                .addExpression("fill" + block.getKey())
                .lower(best - Math.max(1e-9, Math.abs(best) * 1e-10));
        for (int p : block.getValue()) {
          e.set(vars.get(p), fillCoefficient(p));
        }
      }
    }

    /** The deviation rows, with the value allocated in all, A, as a variable. */
    void deviations(List<String> allies, Map<String, Double> share, Map<String, Double> prior) {
      Variable total = model.addVariable("A").lower(0);
      Expression totalRow = model.addExpression("total").level(0).set(total, -1);
      Map<String, Variable> allyVars = new HashMap<>();
      Map<String, Expression> allyRows = new HashMap<>();
      for (String a : allies) {
        Variable va = model.addVariable("V" + a).lower(0);
        allyVars.put(a, va);
        allyRows.put(a, model.addExpression("V" + a).level(0).set(va, -1));
      }
      vars.forEach(
          (p, v) -> {
            Pair pair = pairs.get(p);
            double value = requirements.get(pair.r).unitValueEur() / SCALE;
            totalRow.set(v, value);
            allyRows.get(offers.get(pair.o).ally()).set(v, value);
          });
      Allocator.deviations(model, allies, allyVars, share, prior, total, 0);
    }

    void copyInto(Optimisation.Result result, double[] x) {
      // The pair variables were added first, in the order of the map.
      int index = 0;
      for (Integer p : vars.keySet()) {
        double value = result.doubleValue(index++);
        x[p] = Math.abs(value) < EPS * 1e-3 ? 0 : value;
      }
    }
  }

  /**
   * Adds each ally's deviation from its fair share, {@code |prior_a + V_a - s_a * (prior + A)|},
   * and the objective: the largest deviation first, the sum of all of them (weighted
   * 10<sup>-4</sup>/allies) only to break ties between optima. {@code A} is the variable {@code
   * total} or, when that is null, the constant {@code fixedTotal}. Values in millions of euros.
   */
  static void deviations(
      ExpressionsBasedModel model,
      List<String> allies,
      Map<String, Variable> allyVars,
      Map<String, Double> share,
      Map<String, Double> prior,
      Variable total,
      double fixedTotal) {
    double priorTotal = allies.stream().mapToDouble(a -> prior.getOrDefault(a, 0.0)).sum() / SCALE;
    Variable max = model.addVariable("d").lower(0).weight(1);
    double tieBreak = 1e-4 / allies.size();
    for (String a : allies) {
      double s = share.get(a);
      double constant =
          prior.getOrDefault(a, 0.0) / SCALE
              - s * priorTotal
              - (total == null ? s * fixedTotal : 0);
      Variable da = model.addVariable("d" + a).lower(0).weight(tieBreak);
      // deviation = V_a - s*A + constant; both |deviation| <= d_a and d_a <= d
      Expression up =
          model.addExpression("up" + a).upper(-constant).set(allyVars.get(a), 1).set(da, -1);
      Expression dn =
          model.addExpression("dn" + a).lower(-constant).set(allyVars.get(a), 1).set(da, 1);
      if (total != null) {
        up.set(total, -s);
        dn.set(total, -s);
      }
      model.addExpression("max" + a).upper(0).set(da, 1).set(max, -1);
    }
  }

  static String list(List<String> ids) {
    return ids.size() <= 5
        ? String.join(", ", ids)
        : String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more";
  }
}
