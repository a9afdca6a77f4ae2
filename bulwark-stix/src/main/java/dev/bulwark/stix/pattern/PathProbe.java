package dev.bulwark.stix.pattern;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The keyed atoms of one object path: exact values (hash map from value key to entry indexes), CIDR
 * blocks (per prefix length, a hash map from the masked address to entry indexes, so a lookup costs
 * one probe per distinct prefix length) and the literals LIKE and MATCHES require (one Aho–Corasick
 * pass over the value finds them all; domain suffixes such as {@code %.example.com} are literals
 * too). Immutable once built; thread-safe.
 */
final class PathProbe {

  private static final int[] NONE = new int[0];

  private final ObjectPath path;
  private final StringTable strings;
  private final Ipv4Table addresses;
  private final boolean hasAddresses;
  private final Map<String, int[]> numbers;
  private final CidrTrie blocks;
  private final AhoCorasick literals;
  private final String plainKey;
  private final boolean hasStrings;

  private PathProbe(
      ObjectPath path,
      StringTable strings,
      Ipv4Table addresses,
      Map<String, int[]> numbers,
      CidrTrie blocks,
      AhoCorasick literals) {
    this.path = path;
    this.strings = strings;
    this.hasStrings = !strings.isEmpty();
    this.addresses = addresses;
    this.hasAddresses = !addresses.isEmpty();
    this.numbers = numbers;
    this.blocks = blocks;
    this.literals = literals;
    this.plainKey = CompiledComparison.plainKey(path.steps());
  }

  void probe(JsonNode root, Observation obs, CandidateSet out) {
    if (plainKey != null) {
      JsonNode v = root.get(plainKey); // the common one-step path: no list, no dereference
      if (v != null) {
        probeValue(v, out);
      }
      return;
    }
    List<Object> values;
    try {
      values = CompiledComparison.select(root, path.steps(), obs);
    } catch (PatternEvaluationException e) {
      return; // a malformed reference: no candidate from here; full evaluation would fail too
    }
    for (Object v : values) {
      probeValue(v, out);
    }
  }

  private void probeValue(Object v, CandidateSet out) {
    {
      if (v instanceof JsonNode j && j.isString()) {
        String text = j.stringValue();
        long quad = hasAddresses ? Cidr.dottedQuad(text) : -1;
        int[] hit = quad >= 0 ? addresses.get(quad) : hasStrings ? strings.get(text) : null;
        if (hit != null) {
          out.addAll(hit);
        }
      } else if (hasStrings || !numbers.isEmpty()) {
        String k = Atoms.valueKey(v); // "s:" for bytes, "n:" for numbers
        if (k != null) {
          int[] hit =
              k.charAt(0) == 's' ? strings.get(k.substring(2)) : numbers.get(k.substring(2));
          out.addAll(hit == null ? NONE : hit);
        }
      }
      if (literals != null && v instanceof JsonNode t && t.isString()) {
        literals.scan(Nfc.of(t.stringValue()), out);
      }
      if (blocks != null && v instanceof JsonNode n && n.isString()) {
        long packed;
        try {
          packed = Cidr.parse(n.stringValue(), false);
        } catch (PatternEvaluationException e) {
          return;
        }
        blocks.find(packed >>> 8, (int) (packed & 0xff), out);
      }
    }
  }

  long estimatedBytes() {
    long b = 0;
    b += strings.estimatedBytes() + addresses.estimatedBytes();
    for (Map.Entry<String, int[]> e : numbers.entrySet()) {
      b += 48 + 40 + e.getKey().length() + 16 + 4L * e.getValue().length;
    }
    b += blocks == null ? 0 : blocks.nodes() * 16L;
    return b + (literals == null ? 0 : literals.states() * 64L);
  }

  /** Collects atoms of one path. */
  static final class Builder {
    private final ObjectPath path;
    private final Map<String, List<Integer>> exact = new HashMap<>();
    private final CidrTrie.Builder blocks = new CidrTrie.Builder();
    private final Map<String, List<Integer>> contains = new HashMap<>();

    Builder(ObjectPath path) {
      this.path = path;
    }

    void add(Atoms.Atom a, int ix) {
      if (a.contains() != null) {
        List<Integer> l = contains.computeIfAbsent(a.contains(), k -> new ArrayList<>(1));
        if (l.isEmpty() || l.get(l.size() - 1) != ix) {
          l.add(ix);
        }
      } else if (a.value() != null) {
        List<Integer> l = exact.computeIfAbsent(a.value(), k -> new ArrayList<>(1));
        if (l.isEmpty() || l.get(l.size() - 1) != ix) {
          l.add(ix);
        }
      } else {
        blocks.add(a.cidr() >>> 8, (int) (a.cidr() & 0xff), ix);
      }
    }

    PathProbe build() {
      Map<String, int[]> str = new HashMap<>();
      Map<Long, int[]> ips = new HashMap<>();
      Map<String, int[]> num = new HashMap<>();
      exact.forEach(
          (k, v) -> {
            int[] ids = v.stream().mapToInt(Integer::intValue).toArray();
            String key = k.substring(2);
            long quad = k.startsWith("s:") ? Cidr.dottedQuad(key) : -1;
            if (quad >= 0) {
              ips.put(quad, ids); // a plain dotted quad: kept as an int
            } else {
              (k.startsWith("s:") ? str : num).put(key, ids);
            }
          });
      AhoCorasick ac = null;
      if (!contains.isEmpty()) {
        Map<String, int[]> lits = new HashMap<>();
        contains.forEach((k, v) -> lits.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        ac = AhoCorasick.build(lits);
      }
      return new PathProbe(
          path,
          new StringTable(str),
          new Ipv4Table(ips),
          num,
          blocks.isEmpty() ? null : blocks.build(),
          ac);
    }
  }
}
