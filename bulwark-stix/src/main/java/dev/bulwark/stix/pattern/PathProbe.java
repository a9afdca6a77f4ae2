package dev.bulwark.stix.pattern;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The keyed atoms of one object path: exact values (hash map from value key to entry indexes) and
 * CIDR blocks (per prefix length, a hash map from the masked address to entry indexes, so a lookup
 * costs one probe per distinct prefix length). Immutable once built; thread-safe.
 */
final class PathProbe {

  private static final int[] NONE = new int[0];

  private final ObjectPath path;
  private final Map<String, int[]> exact;
  private final int[] prefixes;
  private final List<Map<Long, int[]>> blocks;

  private PathProbe(
      ObjectPath path, Map<String, int[]> exact, int[] prefixes, List<Map<Long, int[]>> blocks) {
    this.path = path;
    this.exact = exact;
    this.prefixes = prefixes;
    this.blocks = blocks;
  }

  void probe(JsonNode root, Observation obs, CandidateSet out) {
    List<Object> values;
    try {
      values = CompiledComparison.select(root, path.steps(), obs);
    } catch (PatternEvaluationException e) {
      return; // a malformed reference: no candidate from here; full evaluation would fail too
    }
    for (Object v : values) {
      if (!exact.isEmpty()) {
        String k = Atoms.valueKey(v);
        if (k != null) {
          out.addAll(exact.getOrDefault(k, NONE));
        }
      }
      if (prefixes.length > 0 && v instanceof JsonNode n && n.isString()) {
        long packed;
        try {
          packed = Cidr.parse(n.stringValue(), false);
        } catch (PatternEvaluationException e) {
          continue;
        }
        int valuePrefix = (int) (packed & 0xff);
        long addr = packed >>> 8;
        for (int i = 0; i < prefixes.length && prefixes[i] <= valuePrefix; i++) {
          int p = prefixes[i];
          long masked = addr & (((1L << p) - 1) << (32 - p));
          int[] hit = blocks.get(i).get(masked);
          if (hit != null) {
            out.addAll(hit);
          }
        }
      }
    }
  }

  long estimatedBytes() {
    long b = 0;
    for (Map.Entry<String, int[]> e : exact.entrySet()) {
      b += 48 + 40 + 2L * e.getKey().length() + 16 + 4L * e.getValue().length;
    }
    for (Map<Long, int[]> m : blocks) {
      b += m.size() * (48L + 24 + 16 + 4);
    }
    return b;
  }

  /** Collects atoms of one path. */
  static final class Builder {
    private final ObjectPath path;
    private final Map<String, List<Integer>> exact = new HashMap<>();
    private final TreeMap<Integer, Map<Long, List<Integer>>> blocks = new TreeMap<>();

    Builder(ObjectPath path) {
      this.path = path;
    }

    void add(Atoms.Atom a, int ix) {
      if (a.value() != null) {
        List<Integer> l = exact.computeIfAbsent(a.value(), k -> new ArrayList<>(1));
        if (l.isEmpty() || l.get(l.size() - 1) != ix) {
          l.add(ix);
        }
      } else {
        int prefix = (int) (a.cidr() & 0xff);
        long addr = a.cidr() >>> 8;
        long masked = addr & (((1L << prefix) - 1) << (32 - prefix));
        List<Integer> l =
            blocks
                .computeIfAbsent(prefix, k -> new HashMap<>())
                .computeIfAbsent(masked, k -> new ArrayList<>(1));
        if (l.isEmpty() || l.get(l.size() - 1) != ix) {
          l.add(ix);
        }
      }
    }

    PathProbe build() {
      Map<String, int[]> ex = new HashMap<>(exact.size() * 2);
      exact.forEach((k, v) -> ex.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
      int[] prefixes = new int[blocks.size()];
      List<Map<Long, int[]>> tables = new ArrayList<>();
      int i = 0;
      for (Map.Entry<Integer, Map<Long, List<Integer>>> e : blocks.entrySet()) {
        prefixes[i++] = e.getKey();
        Map<Long, int[]> t = new HashMap<>(e.getValue().size() * 2);
        e.getValue().forEach((k, v) -> t.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        tables.add(t);
      }
      return new PathProbe(path, ex, prefixes, List.copyOf(tables));
    }
  }
}
