package dev.bulwark.support.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Offers that are interchangeable but for their dates: items of one (coalition, item), funds of one
 * coalition, or funds for any coalition; and the requirements they can fill in time.
 *
 * <p>An offer fills a requirement when it is available by the need-by date, so the offers a
 * requirement can use are always a prefix of the pool's offers in date order. With nested sets like
 * these, Hall's condition reduces to one inequality per date ("node"): what the requirements due by
 * the <i>k</i>-th availability date draw from the pool is at most what the offers available by then
 * hold. So a model need not say which offer fills which requirement; {@link #decompose} recovers
 * such a split afterwards, greedily, and it always exists. This is what keeps the linear programs
 * small: one variable per (pool, requirement) instead of per (offer, requirement).
 *
 * <p>Capacities and draws are in model units: items in units, funds in millions of euros. Not
 * thread-safe while being built; read-only afterwards.
 */
final class Pool {

  final boolean funds;

  /** Offer indices in date order. */
  final int[] offers;

  /** The node of each offer (parallel to {@link #offers}): index into {@link #dates}. */
  final int[] offerNode;

  /** Distinct availability dates, ascending. */
  final LocalDate[] dates;

  /** Requirements that at least the earliest offer can fill in time. */
  final List<Integer> requirements = new ArrayList<>();

  /**
   * The last node available by each requirement's need-by date (parallel to {@link #requirements}).
   */
  final List<Integer> requirementNode = new ArrayList<>();

  private Pool(boolean funds, List<Integer> offerIndices, List<Offer> all) {
    this.funds = funds;
    this.offers =
        offerIndices.stream()
            .sorted(
                Comparator.comparing((Integer o) -> all.get(o).availableFrom())
                    .thenComparing(o -> o))
            .mapToInt(i -> i)
            .toArray();
    TreeSet<LocalDate> distinct = new TreeSet<>();
    for (int o : offers) {
      distinct.add(all.get(o).availableFrom());
    }
    this.dates = distinct.toArray(new LocalDate[0]);
    this.offerNode = new int[offers.length];
    for (int i = 0; i < offers.length; i++) {
      offerNode[i] = Arrays.binarySearch(dates, all.get(offers[i]).availableFrom());
    }
  }

  /**
   * Groups the offers into pools and attaches each requirement to the pools that can fill it in
   * time.
   */
  static List<Pool> of(List<Requirement> requirements, List<Offer> offers) {
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int o = 0; o < offers.size(); o++) {
      groups.computeIfAbsent(key(offers.get(o)), k -> new ArrayList<>()).add(o);
    }
    List<Pool> pools = new ArrayList<>();
    Map<String, Pool> byKey = new LinkedHashMap<>();
    groups.forEach(
        (k, members) -> {
          Pool p = new Pool(offers.get(members.get(0)).kind() == Offer.Kind.FUNDS, members, offers);
          pools.add(p);
          byKey.put(k, p);
        });
    for (int r = 0; r < requirements.size(); r++) {
      Requirement req = requirements.get(r);
      String coalition = req.coalition().name();
      for (String k : List.of("I|" + coalition + "|" + fold(req.item()), "F|" + coalition, "F|*")) {
        Pool p = byKey.get(k);
        if (p != null) {
          int node = p.nodeFor(req.needBy());
          if (node >= 0) {
            p.requirements.add(r);
            p.requirementNode.add(node);
          }
        }
      }
    }
    return pools;
  }

  private static String key(Offer o) {
    if (o.kind() == Offer.Kind.FUNDS) {
      return "F|" + o.coalition().map(Enum::name).orElse("*");
    }
    return "I|" + o.coalition().orElseThrow().name() + "|" + fold(o.item());
  }

  /**
   * Folds case char by char so that two names fold alike exactly when {@link
   * String#equalsIgnoreCase} holds.
   */
  static String fold(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      b.append(Character.toLowerCase(Character.toUpperCase(s.charAt(i))));
    }
    return b.toString();
  }

  /** The last node whose date is on or before {@code needBy}, or -1 when none is. */
  int nodeFor(LocalDate needBy) {
    int i = Arrays.binarySearch(dates, needBy);
    return i >= 0 ? i : -i - 2;
  }

  /** Model units of this pool's capacity one unit of the requirement uses. */
  double use(Requirement r) {
    return funds ? r.unitValueEur() / Allocator.SCALE : 1.0;
  }

  /** An offer's capacity in model units. */
  static double capacity(Offer o) {
    return o.kind() == Offer.Kind.FUNDS ? o.quantity() / Allocator.SCALE : o.quantity();
  }

  /**
   * Splits the pool's draws into (offer, requirement) amounts: requirements in need-by order each
   * take from the earliest offers that still have something left. Earliest-first leaves the later
   * offers, which fewer requirements can use, to the requirements due later; given Hall's condition
   * per node this never runs dry (up to rounding, which is dropped).
   *
   * @param draw units drawn by each requirement of the pool (parallel to {@link #requirements})
   * @param left each offer's capacity to spend, in model units (parallel to {@link #offers});
   *     consumed
   * @param sink receives (offer, requirement, units)
   */
  void decompose(List<Requirement> all, double[] draw, double[] left, Sink sink) {
    Integer[] order = new Integer[requirements.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        Comparator.comparing((Integer i) -> requirementNode.get(i))
            .thenComparing(i -> all.get(requirements.get(i)).needBy()));
    int first = 0;
    for (int i : order) {
      Requirement req = all.get(requirements.get(i));
      double per = use(req);
      double need = draw[i] * per;
      int node = requirementNode.get(i);
      for (int j = first; j < offers.length && offerNode[j] <= node && need > 1e-12; j++) {
        double take = Math.min(need, left[j]);
        if (take > 0) {
          left[j] -= take;
          need -= take;
          sink.fill(offers[j], requirements.get(i), take / per);
        }
      }
      while (first < offers.length && left[first] <= 1e-12) {
        first++;
      }
    }
  }

  /** Receives one part of a decomposition. */
  interface Sink {
    void fill(int offer, int requirement, double units);
  }
}
