package dev.bulwark.incidents.campaign;

import dev.bulwark.incidents.GeoPoint;
import dev.bulwark.incidents.Incident;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Suggests campaigns among incidents without comparing every pair: incidents are put in buckets —
 * one per shared entity (IMO, MMSI, IP, domain, actor), and one per kind, map cell (1° × 1°) and
 * 30-day period — and inside a bucket, sorted by first seen, each is compared with the next {@value
 * #NEIGHBOURS} only (O(n) pairs). A pair scores (capped at 1): 0.5 per shared entity, 0.25 for the
 * same kind, up to 0.25 for closeness in time (linear to 0 at 30 days) and up to 0.25 in place (0
 * at 150 km). Pairs scoring {@value #THRESHOLD} or more link their incidents, strongest first, into
 * groups of at most {@value #MAX_GROUP}; a group's score is the mean of its links. Nothing is
 * merged: the result is a list of suggestions.
 *
 * <p>The caller passes only the incidents the reader may see, so a suggestion never names or counts
 * one the reader may not. Stateless and thread-safe.
 */
public final class CampaignSuggester {

  static final int NEIGHBOURS = 4;
  static final double THRESHOLD = 0.5;
  static final int MAX_GROUP = 25;
  private static final double DAYS = 30;
  private static final double KM = 150;

  private record Pair(int a, int b, double score, List<String> reasons) {}

  /** The suggestions, strongest first. */
  public List<Suggestion> suggest(List<Incident> incidents) {
    if (incidents.size() >= 1 << 24) {
      throw new IllegalArgumentException("at most 16,777,215 incidents at once");
    }
    Incident[] in = incidents.toArray(Incident[]::new);
    List<Set<String>> ents = new ArrayList<>(in.length);
    for (Incident x : in) {
      ents.add(entities(x));
    }
    Map<String, List<Integer>> buckets = buckets(in, ents);
    List<Pair> pairs = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (List<Integer> bucket : buckets.values()) {
      // buckets were filled in first-seen order, so each is sorted already
      for (int x = 0; x < bucket.size() - 1; x++) {
        for (int y = x + 1; y <= x + NEIGHBOURS && y < bucket.size(); y++) {
          int a = Math.min(bucket.get(x), bucket.get(y));
          int b = Math.max(bucket.get(x), bucket.get(y));
          Pair p = score(in, ents, a, b);
          if (p != null && seen.add(((long) a << 32) | b)) {
            pairs.add(p);
          }
        }
      }
    }
    return group(in, pairs);
  }

  private static Map<String, List<Integer>> buckets(Incident[] in, List<Set<String>> ents) {
    Map<String, List<Integer>> b = new HashMap<>();
    // first-seen order through one primitive sort: (seconds since 1970) << 24 | index
    long[] byTime = new long[in.length];
    for (int i = 0; i < in.length; i++) {
      byTime[i] = (in[i].firstSeen().getEpochSecond() << 24) | i;
    }
    Arrays.sort(byTime);
    for (long key : byTime) {
      int i = (int) (key & 0xFFFFFF);
      Incident x = in[i];
      for (String e : ents.get(i)) {
        b.computeIfAbsent(e, k -> new ArrayList<>()).add(i);
      }
      long period = x.firstSeen().getEpochSecond() / (86_400L * 30);
      String cell =
          x.location()
              .map(p -> (int) Math.floor(p.lat()) + "," + (int) Math.floor(p.lon()))
              .orElse("?");
      b.computeIfAbsent("k|" + x.kind().slug() + "|" + cell + "|" + period, k -> new ArrayList<>())
          .add(i);
    }
    return b;
  }

  private static Set<String> entities(Incident x) {
    Set<String> out = new LinkedHashSet<>();
    x.entities().imo().forEach(v -> out.add("IMO " + v));
    x.entities().mmsi().forEach(v -> out.add("MMSI " + v));
    x.entities().ip().forEach(v -> out.add("IP " + v));
    x.entities().domain().forEach(v -> out.add("domain " + v));
    x.entities().actor().forEach(v -> out.add("actor " + v));
    return out;
  }

  /** The pair's score and, when it links them, its reasons; null below the threshold. */
  private static Pair score(Incident[] in, List<Set<String>> ents, int a, int b) {
    Incident x = in[a];
    Incident y = in[b];
    int sharedCount = 0;
    for (String e : ents.get(a)) {
      if (ents.get(b).contains(e)) {
        sharedCount++;
      }
    }
    boolean sameKind = x.kind() == y.kind();
    double days =
        Math.abs(x.firstSeen().getEpochSecond() - y.firstSeen().getEpochSecond()) / 86_400.0;
    double km =
        x.location().isPresent() && y.location().isPresent()
            ? km(x.location().get(), y.location().get())
            : Double.MAX_VALUE;
    double s =
        0.5 * sharedCount
            + (sameKind ? 0.25 : 0)
            + (days < DAYS ? 0.25 * (1 - days / DAYS) : 0)
            + (km < KM ? 0.25 * (1 - km / KM) : 0);
    if (s < THRESHOLD) {
      return null;
    }
    List<String> reasons = new ArrayList<>();
    for (String e : ents.get(a)) {
      if (ents.get(b).contains(e)) {
        reasons.add("same " + e);
      }
    }
    if (sameKind) {
      reasons.add("same kind " + x.kind().slug());
    }
    if (days < DAYS) {
      reasons.add("within " + (int) DAYS + " days");
    }
    if (km < KM) {
      reasons.add("within " + (int) KM + " km");
    }
    return new Pair(a, b, Math.min(1, s), reasons);
  }

  private static List<Suggestion> group(Incident[] in, List<Pair> pairs) {
    // strongest first through one primitive sort: (1 - score) in millionths << 24 | pair index
    if (pairs.size() >= 1 << 24) {
      throw new IllegalArgumentException("too many linked pairs at once: " + pairs.size());
    }
    long[] order = new long[pairs.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = ((long) Math.round((1 - pairs.get(i).score()) * 1_000_000) << 24) | i;
    }
    Arrays.sort(order);
    int[] parent = new int[in.length];
    int[] size = new int[in.length];
    Arrays.setAll(parent, i -> i);
    Arrays.fill(size, 1);
    List<Pair> links = new ArrayList<>();
    for (long key : order) {
      Pair p = pairs.get((int) (key & 0xFFFFFF));
      int ra = root(parent, p.a());
      int rb = root(parent, p.b());
      if (ra == rb) {
        links.add(p);
      } else if (size[ra] + size[rb] <= MAX_GROUP) {
        parent[rb] = ra;
        size[ra] += size[rb];
        links.add(p);
      }
    }
    Map<Integer, List<Pair>> byRoot = new HashMap<>();
    for (Pair p : links) {
      byRoot.computeIfAbsent(root(parent, p.a()), k -> new ArrayList<>()).add(p);
    }
    List<Suggestion> out = new ArrayList<>(byRoot.size());
    for (List<Pair> g : byRoot.values()) {
      Set<String> ids = new TreeSet<>();
      Map<String, Integer> reasons = new HashMap<>();
      double sum = 0;
      for (Pair p : g) {
        ids.add(in[p.a()].id());
        ids.add(in[p.b()].id());
        sum += p.score();
        for (String r : p.reasons()) {
          reasons.merge(r, 1, Integer::sum);
        }
      }
      List<String> top =
          reasons.entrySet().stream()
              .sorted(
                  Map.Entry.<String, Integer>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .limit(6)
              .map(Map.Entry::getKey)
              .toList();
      double score = Math.round(sum / g.size() * 100) / 100.0;
      out.add(new Suggestion(List.copyOf(ids), score, top));
    }
    out.sort(
        Comparator.comparingDouble(Suggestion::score)
            .reversed()
            .thenComparing(s -> s.incidents().get(0)));
    return out;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  static double km(GeoPoint a, GeoPoint b) {
    double dLat = Math.toRadians(b.lat() - a.lat());
    double dLon = Math.toRadians(b.lon() - a.lon());
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(a.lat()))
                * Math.cos(Math.toRadians(b.lat()))
                * Math.sin(dLon / 2)
                * Math.sin(dLon / 2);
    return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
