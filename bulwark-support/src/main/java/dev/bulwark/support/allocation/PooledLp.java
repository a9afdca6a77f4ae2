package dev.bulwark.support.allocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The two linear programs over {@link Pool}s rather than (offer, requirement) pairs: {@link Fill}
 * (stage 1, exact) and {@link Balance} (stage 2 with fixed fills). Both are built fresh per call;
 * not thread-safe, but separate instances may be solved side by side.
 */
final class PooledLp {

  private PooledLp() {}

  /** Each offer's whole capacity in model units, in the pool's offer order. */
  static double[] capacities(Pool pool, List<Offer> offers) {
    double[] c = new double[pool.offers.length];
    for (int j = 0; j < c.length; j++) {
      c[j] = Pool.capacity(offers.get(pool.offers[j]));
    }
    return c;
  }

  /** Requirement positions of a pool sorted by node, so prefix rows are built in one sweep. */
  private static Integer[] byNode(Pool pool) {
    Integer[] order = new Integer[pool.requirements.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing(pool.requirementNode::get));
    return order;
  }

  /**
   * Stage 1 for one block: maximise the priority-weighted value filled, one variable per (pool,
   * requirement) in units of the requirement, a row per requirement (its quantity) and per pool
   * node (Hall's condition: what the requirements due by a node's date draw is at most what the
   * offers available by then hold). Its optimum is that of the pair model.
   */
  static final class Fill {
    private final ExpressionsBasedModel model = Allocator.newModel();
    private final List<Pool> pools;
    private final List<Variable[]> vars = new ArrayList<>();

    Fill(List<Requirement> requirements, List<Offer> offers, List<Pool> pools) {
      this.pools = pools;
      Map<Integer, List<Variable>> byRequirement = new HashMap<>();
      for (Pool pool : pools) {
        Variable[] v = new Variable[pool.requirements.size()];
        for (int i = 0; i < v.length; i++) {
          Requirement r = requirements.get(pool.requirements.get(i));
          v[i] =
              model.addVariable().lower(0).weight(r.weight() * r.unitValueEur() / Allocator.SCALE);
          byRequirement.computeIfAbsent(pool.requirements.get(i), k -> new ArrayList<>()).add(v[i]);
        }
        vars.add(v);
        double[] capacity = capacities(pool, offers);
        double[] cumulative = new double[pool.dates.length];
        for (int j = 0; j < capacity.length; j++) {
          cumulative[pool.offerNode[j]] += capacity[j];
        }
        for (int k = 1; k < cumulative.length; k++) {
          cumulative[k] += cumulative[k - 1];
        }
        // One prefix row per node that has requirements: earlier nodes' rows would repeat the
        // previous row with more room, so they are implied.
        Integer[] order = byNode(pool);
        List<Integer> prefix = new ArrayList<>();
        for (int n = 0; n < order.length; n++) {
          prefix.add(order[n]);
          int node = pool.requirementNode.get(order[n]);
          if (n + 1 == order.length || pool.requirementNode.get(order[n + 1]) != node) {
            Expression row = model.addExpression().upper(cumulative[node]);
            for (int i : prefix) {
              row.set(v[i], pool.use(requirements.get(pool.requirements.get(i))));
            }
          }
        }
      }
      byRequirement.forEach(
          (r, list) -> {
            double q = requirements.get(r).quantity();
            if (list.size() == 1) {
              list.get(0).upper(q);
            } else {
              Expression row = model.addExpression().upper(q);
              list.forEach(v -> row.set(v, 1));
            }
          });
    }

    /**
     * Solves and puts each pool's draws (units per requirement) into {@code out}; returns the
     * optimum.
     */
    double solve(Map<Pool, double[]> out) {
      Optimisation.Result result = model.maximise();
      if (!result.getState().isOptimal()) {
        throw new IllegalStateException("allocation stage 1 did not solve: " + result.getState());
      }
      int index = 0;
      for (int p = 0; p < pools.size(); p++) {
        double[] d = new double[vars.get(p).length];
        for (int i = 0; i < d.length; i++) {
          d[i] = Math.max(0, result.doubleValue(index++));
        }
        out.put(pools.get(p), d);
      }
      return result.getValue();
    }
  }

  /**
   * Stage 2 for large problems: every requirement keeps stage 1's fill from each pool; what changes
   * is which offers supply it. Funds are spent by offer ({@code u} per offer, Hall's rows per
   * node); items are shared per node ({@code y} per offer and node, the node's requirements filled
   * in proportion), so the model has a variable per (offer, node) instead of per (offer,
   * requirement).
   */
  static final class Balance {
    private Balance() {}

    private record ItemVar(int offerPos, int node, Variable y) {}

    static Allocator.Stage2 solve(
        List<Requirement> requirements,
        List<Offer> offers,
        List<Pool> pools,
        Map<Pool, double[]> draws,
        List<String> allies,
        Map<String, Double> share,
        Map<String, Double> prior,
        Duration budget,
        Pool.Sink sink) {
      Model m = new Model(allies);
      for (Pool pool : pools) {
        double[] d = draws.get(pool);
        if (d != null) {
          m.add(pool, d, requirements, offers);
        }
      }
      if (m.count > Allocator.STAGE2_MAX_PAIRS) {
        return Allocator.Stage2.TOO_LARGE;
      }
      Allocator.deviations(m.model, allies, m.allyVars, share, prior, null, m.total);
      m.model.options.time_abort = Math.max(1, budget.toMillis());
      Optimisation.Result result = m.model.minimise();
      if (!result.getState().isFeasible()) {
        return Allocator.Stage2.SKIPPED;
      }
      for (Pool pool : pools) {
        double[] d = draws.get(pool);
        if (d != null) {
          m.fills(pool, d, result, requirements, sink);
        }
      }
      return result.getState().isOptimal()
          ? Allocator.Stage2.FIXED_FILLS
          : Allocator.Stage2.TIME_LIMITED;
    }

    /**
     * The stage-2 model as it is built: one row per ally, and per pool its variables ({@code u} per
     * fund offer, {@code y} per item offer and node) with the demand per node that stage 1 drew.
     * Not thread-safe; one per solve.
     */
    private static final class Model {
      final ExpressionsBasedModel model = Allocator.newModel();
      final Map<String, Expression> allyRows = new HashMap<>();
      final Map<String, Variable> allyVars = new HashMap<>();
      final Map<Pool, Variable[]> fundVars = new HashMap<>();
      final Map<Pool, List<ItemVar>> itemVars = new HashMap<>();
      final Map<Pool, double[]> nodeDemand = new HashMap<>();
      double total = 0;
      int count = 0;

      Model(List<String> allies) {
        // Here ojAlgo's classic simplex is 3-4 times faster than the newer one that stage 1 uses:
        // the min-max model is highly degenerate (measured, BENCHMARKS.md "Support planning").
        model.options.experimental = false;
        for (String a : allies) {
          Variable va = model.addVariable("V" + a).lower(0);
          allyVars.put(a, va);
          allyRows.put(a, model.addExpression("V" + a).level(0).set(va, -1));
        }
      }

      /** Adds a pool's variables and rows for the draws {@code d} of stage 1. */
      void add(Pool pool, double[] d, List<Requirement> requirements, List<Offer> offers) {
        double[] demand = new double[pool.dates.length];
        double[] value = new double[pool.dates.length];
        for (int i = 0; i < d.length; i++) {
          Requirement r = requirements.get(pool.requirements.get(i));
          demand[pool.requirementNode.get(i)] += d[i] * pool.use(r);
          value[pool.requirementNode.get(i)] += d[i] * r.unitValueEur() / Allocator.SCALE;
        }
        nodeDemand.put(pool, demand);
        double[] capacity = capacities(pool, offers);
        if (pool.funds) {
          Variable[] u = new Variable[pool.offers.length];
          double sum = 0;
          for (int j = 0; j < u.length; j++) {
            u[j] = model.addVariable().lower(0).upper(capacity[j]);
            allyRows.get(offers.get(pool.offers[j]).ally()).set(u[j], 1);
          }
          count += u.length;
          for (int k = 0; k < demand.length; k++) {
            sum += demand[k];
            if (demand[k] > 0) {
              Expression due = model.addExpression().lower(sum * (1 - 1e-9) - 1e-12);
              for (int j = 0; j < u.length && pool.offerNode[j] <= k; j++) {
                due.set(u[j], 1);
              }
            }
          }
          // Spend exactly what stage 1 drew, no more (offers after the last need-by date included).
          Expression spent = model.addExpression().upper(sum);
          for (Variable v : u) {
            spent.set(v, 1);
          }
          total += sum;
          fundVars.put(pool, u);
        } else {
          Expression[] offerRows = new Expression[pool.offers.length];
          List<ItemVar> ys = new ArrayList<>();
          for (int k = 0; k < demand.length; k++) {
            if (demand[k] <= 0) {
              continue;
            }
            double perUnit = value[k] / demand[k];
            total += value[k];
            Expression node =
                model.addExpression().lower(demand[k] * (1 - 1e-9) - 1e-12).upper(demand[k]);
            for (int j = 0; j < pool.offers.length && pool.offerNode[j] <= k; j++) {
              Variable y = model.addVariable().lower(0);
              node.set(y, 1);
              if (offerRows[j] == null) {
                offerRows[j] = model.addExpression().upper(capacity[j]);
              }
              offerRows[j].set(y, 1);
              allyRows.get(offers.get(pool.offers[j]).ally()).set(y, perUnit);
              ys.add(new ItemVar(j, k, y));
            }
          }
          count += ys.size();
          itemVars.put(pool, ys);
        }
      }

      /** Passes the solved fills of a pool to {@code sink}. */
      void fills(
          Pool pool,
          double[] d,
          Optimisation.Result result,
          List<Requirement> requirements,
          Pool.Sink sink) {
        if (pool.funds) {
          Variable[] u = fundVars.get(pool);
          double[] left = new double[u.length];
          for (int j = 0; j < u.length; j++) {
            left[j] = Math.max(0, result.doubleValue(model.indexOf(u[j])));
          }
          pool.decompose(requirements, d, left, sink);
        } else {
          double[] demand = nodeDemand.get(pool);
          Map<Integer, List<Integer>> atNode = new HashMap<>();
          for (int i = 0; i < d.length; i++) {
            if (d[i] > 0) {
              atNode.computeIfAbsent(pool.requirementNode.get(i), k -> new ArrayList<>()).add(i);
            }
          }
          for (ItemVar iv : itemVars.get(pool)) {
            double y = result.doubleValue(model.indexOf(iv.y()));
            if (y <= 0) {
              continue;
            }
            for (int i : atNode.getOrDefault(iv.node(), List.of())) {
              sink.fill(
                  pool.offers[iv.offerPos()],
                  pool.requirements.get(i),
                  y * d[i] / demand[iv.node()]);
            }
          }
        }
      }
    }
  }
}
