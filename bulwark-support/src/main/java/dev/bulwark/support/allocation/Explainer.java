package dev.bulwark.support.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the LP's numbers into outcomes that say who fills what and why something stays short. */
final class Explainer {
  private static final double EPS = 1e-6;

  private Explainer() {}

  static AllocationResult explain(
      List<Requirement> requirements,
      List<Offer> offers,
      List<Allocator.Pair> pairs,
      double[] x,
      Map<String, Double> share,
      Map<String, Double> prior,
      Allocator.Stage2 stage2,
      long millis) {
    List<Assignment> assignments = new ArrayList<>();
    Map<Integer, List<Assignment>> byRequirement = new HashMap<>();
    double[] used = new double[offers.size()];
    double[] filled = new double[requirements.size()];
    Map<Integer, List<Integer>> timelyByRequirement = new HashMap<>();
    Map<Integer, List<Integer>> usersOfOffer = new HashMap<>();
    for (int p = 0; p < pairs.size(); p++) {
      Allocator.Pair pair = pairs.get(p);
      timelyByRequirement.computeIfAbsent(pair.r(), k -> new ArrayList<>()).add(pair.o());
      if (x[p] <= EPS) {
        continue;
      }
      Requirement r = requirements.get(pair.r());
      Offer o = offers.get(pair.o());
      Assignment a = new Assignment(o.id(), o.ally(), r.id(), x[p], x[p] * r.unitValueEur());
      assignments.add(a);
      byRequirement.computeIfAbsent(pair.r(), k -> new ArrayList<>()).add(a);
      usersOfOffer.computeIfAbsent(pair.o(), k -> new ArrayList<>()).add(pair.r());
      used[pair.o()] += x[p] * o.capacityPerUnit(r);
      filled[pair.r()] += x[p];
    }

    List<RequirementOutcome> reqOutcomes = new ArrayList<>();
    double weighted = 0;
    double shortValue = 0;
    for (int r = 0; r < requirements.size(); r++) {
      Requirement req = requirements.get(r);
      double fill = Math.min(filled[r], req.quantity());
      double shortUnits = req.quantity() - fill;
      if (shortUnits < EPS * Math.max(1, req.quantity())) {
        shortUnits = 0;
      }
      List<Assignment> fills = byRequirement.getOrDefault(r, List.of());
      String why;
      if (shortUnits == 0) {
        why = "filled by " + describe(fills);
      } else {
        String part = fills.isEmpty() ? "" : "partly filled by " + describe(fills) + "; ";
        why =
            part
                + fmt(shortUnits)
                + " short: "
                + whyShort(req, r, offers, timelyByRequirement, used, usersOfOffer, requirements);
      }
      weighted += shortUnits * req.unitValueEur() * req.weight();
      shortValue += shortUnits * req.unitValueEur();
      reqOutcomes.add(
          new RequirementOutcome(
              req, fill, shortUnits, shortUnits * req.unitValueEur(), fills, why));
    }

    List<OfferOutcome> offerOutcomes = offerOutcomes(offers, requirements, used, filled);
    List<AllyOutcome> allies = allyOutcomes(assignments, share, prior);
    double maxDev = 0;
    for (AllyOutcome a : allies) {
      maxDev = Math.max(maxDev, Math.abs(a.deviationEur()));
    }
    return new AllocationResult(
        assignments,
        reqOutcomes,
        offerOutcomes,
        allies,
        weighted,
        shortValue,
        maxDev,
        stage2,
        pairs.size(),
        millis);
  }

  /** How much of each offer is used, and why the rest is not. */
  private static List<OfferOutcome> offerOutcomes(
      List<Offer> offers, List<Requirement> requirements, double[] used, double[] filled) {
    List<OfferOutcome> offerOutcomes = new ArrayList<>();
    for (int o = 0; o < offers.size(); o++) {
      Offer offer = offers.get(o);
      double unused = Math.max(0, offer.quantity() - used[o]);
      if (unused < EPS * Math.max(1, offer.quantity())) {
        unused = 0;
      }
      String why = unused == 0 ? "fully used" : whyUnused(offer, requirements, filled);
      offerOutcomes.add(new OfferOutcome(offer, Math.min(used[o], offer.quantity()), unused, why));
    }
    return offerOutcomes;
  }

  /** Each offering ally's prior and allocated value against its share of the whole. */
  private static List<AllyOutcome> allyOutcomes(
      List<Assignment> assignments, Map<String, Double> share, Map<String, Double> prior) {
    Map<String, Double> allocated = new HashMap<>();
    assignments.forEach(a -> allocated.merge(a.ally(), a.valueEur(), Double::sum));
    double priorTotal = share.keySet().stream().mapToDouble(a -> prior.getOrDefault(a, 0.0)).sum();
    double total =
        priorTotal + share.keySet().stream().mapToDouble(a -> allocated.getOrDefault(a, 0.0)).sum();
    List<AllyOutcome> allies = new ArrayList<>();
    for (Map.Entry<String, Double> e : share.entrySet()) {
      String a = e.getKey();
      double mine = prior.getOrDefault(a, 0.0) + allocated.getOrDefault(a, 0.0);
      double target = e.getValue() * total;
      allies.add(
          new AllyOutcome(
              a,
              prior.getOrDefault(a, 0.0),
              allocated.getOrDefault(a, 0.0),
              target,
              mine - target));
    }
    return allies;
  }

  private static String whyShort(
      Requirement req,
      int r,
      List<Offer> offers,
      Map<Integer, List<Integer>> timely,
      double[] used,
      Map<Integer, List<Integer>> usersOfOffer,
      List<Requirement> requirements) {
    List<Offer> matching = offers.stream().filter(o -> o.matches(req)).toList();
    String kind =
        "'" + req.item() + "' or funds for " + req.coalition().name().toLowerCase(Locale.ROOT);
    if (matching.isEmpty()) {
      return "no ally offers " + kind;
    }
    List<Integer> inTime = timely.getOrDefault(r, List.of());
    if (inTime.isEmpty()) {
      LocalDate first =
          matching.stream().map(Offer::availableFrom).min(Comparator.naturalOrder()).orElseThrow();
      return "the offers of "
          + kind
          + " ("
          + Allocator.list(matching.stream().map(Offer::id).toList())
          + ") are available only from "
          + first
          + ", after the need-by date "
          + req.needBy();
    }
    boolean higher = false;
    boolean others = false;
    for (int o : inTime) {
      for (int other : usersOfOffer.getOrDefault(o, List.of())) {
        if (other != r) {
          others = true;
          if (requirements.get(other).weight() > req.weight()) {
            higher = true;
          }
        }
      }
    }
    List<String> ids = inTime.stream().map(o -> offers.get(o).id()).toList();
    return "the offers that could fill it in time ("
        + Allocator.list(ids)
        + ") are used up"
        + (higher
            ? ", partly by requirements of higher priority"
            : others ? ", partly by other requirements" : ", all of them by it")
        + (matching.size() > inTime.size()
            ? "; later offers come after its need-by date " + req.needBy()
            : "");
  }

  private static String whyUnused(Offer offer, List<Requirement> requirements, double[] filled) {
    List<Requirement> matching = requirements.stream().filter(offer::matches).toList();
    if (matching.isEmpty()) {
      return "no requirement asks for "
          + (offer.kind() == Offer.Kind.FUNDS ? "funds" : "'" + offer.item() + "'")
          + offer.coalition().map(c -> " in " + c.name().toLowerCase(Locale.ROOT)).orElse("");
    }
    List<Requirement> timely = matching.stream().filter(offer::canFill).toList();
    if (timely.isEmpty()) {
      LocalDate last =
          matching.stream().map(Requirement::needBy).max(Comparator.naturalOrder()).orElseThrow();
      return "available from "
          + offer.availableFrom()
          + ", after the need-by date of every matching requirement (latest "
          + last
          + ")";
    }
    return "the requirements it could fill in time are met, by it or by offers that keep allies nearer their fair shares";
  }

  private static String describe(List<Assignment> fills) {
    List<String> parts = new ArrayList<>();
    for (Assignment a : fills) {
      parts.add(a.ally() + " (" + a.offerId() + ": " + fmt(a.units()) + ")");
    }
    return String.join(", ", parts);
  }

  static String fmt(double v) {
    if (Math.abs(v - Math.rint(v)) < 1e-6 * Math.max(1, Math.abs(v))) {
      return Long.toString(Math.round(v));
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
