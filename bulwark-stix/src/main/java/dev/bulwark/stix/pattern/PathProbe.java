package dev.bulwark.stix.pattern;

import dev.bulwark.stix.pattern.ObjectPath.Key;
import dev.bulwark.stix.pattern.ObjectPath.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The keyed atoms of one object path: exact values (plain dotted-quad addresses as ints in an
 * {@link Ipv4Table}, other strings in a {@link StringTable}, numbers in a map), CIDR blocks ({@link
 * CidrRanges}) and the literals LIKE and MATCHES require (one Aho–Corasick pass over the value
 * finds them all; domain suffixes such as {@code %.example.com} are literals too). A path of plain
 * keys and {@code _ref} keys is walked on the JSON without building lists. Immutable once built;
 * thread-safe.
 */
final class PathProbe {

  private final ObjectPath path;
  private final StringTable strings;
  private final boolean hasStrings;
  private final Ipv4Table addresses;
  private final boolean hasAddresses;
  private final Map<String, int[]> numbers;
  private final CidrRanges blocks;
  private final AhoCorasick literals;
  private final String plainKey;

  /** The keys of a path of plain and {@code _ref} keys (walked without lists), else null. */
  private final String[] walk;

  private final boolean[] deref;

  private PathProbe(
      ObjectPath path,
      StringTable strings,
      Ipv4Table addresses,
      Map<String, int[]> numbers,
      CidrRanges blocks,
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
    List<Step> steps = path.steps();
    String[] w = new String[steps.size()];
    boolean[] d = new boolean[steps.size()];
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof Key k && plainOrRef(k.name())) {
        w[i] = k.name();
        d[i] = k.name().endsWith("_ref");
      } else {
        w = null;
        break;
      }
    }
    this.walk = w;
    this.deref = d;
  }

  private static boolean plainOrRef(String name) {
    return !name.endsWith("_refs") && !name.endsWith("_hex") && !name.endsWith("_bin");
  }

  void probe(JsonNode root, Observation obs, CandidateSet out) {
    if (plainKey != null) {
      JsonNode v = root.get(plainKey); // the common one-step path: no list, no dereference
      if (v != null) {
        probeValue(v, out);
      }
      return;
    }
    if (walk != null) {
      JsonNode v = walk(root, obs);
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

  /**
   * The one value a path of plain and {@code _ref} keys selects (what {@link
   * CompiledComparison#select} gives, without its lists), or null.
   */
  private JsonNode walk(JsonNode root, Observation obs) {
    JsonNode node = root;
    for (int i = 0; i < walk.length; i++) {
      if (!node.isObject()) {
        return null;
      }
      JsonNode v = node.get(walk[i]);
      if (v == null) {
        return null;
      }
      if (deref[i]) {
        if (!v.isString()) {
          return null; // select rejects it: no candidate, as there
        }
        v = obs.objects().get(v.stringValue());
        if (v == null) {
          return null;
        }
      }
      node = v;
    }
    return node;
  }

  private void probeValue(Object v, CandidateSet out) {
    if (v instanceof JsonNode j && j.isString()) {
      String text = j.stringValue();
      long quad = hasAddresses || blocks != null ? Cidr.dottedQuad(text) : -1;
      if (quad >= 0) {
        if (hasAddresses) {
          addresses.find(quad, out);
        }
      } else if (hasStrings) {
        strings.find(text, out);
      }
      if (literals != null) {
        literals.scanNfc(text, out);
      }
      if (blocks != null) {
        probeBlocks(text, quad, out);
      }
    } else if (hasStrings || !numbers.isEmpty()) {
      String k = Atoms.valueKey(v); // "s:" for bytes, "n:" for numbers
      if (k != null) {
        if (k.charAt(0) == 's') {
          strings.find(k.substring(2), out);
        } else {
          int[] hit = numbers.get(k.substring(2));
          if (hit != null) {
            out.addAll(hit);
          }
        }
      }
    }
  }

  private void probeBlocks(String text, long quad, CandidateSet out) {
    long packed;
    if (quad >= 0) {
      packed = (quad << 8) | 32;
    } else {
      try {
        packed = Cidr.parse(text, false);
      } catch (PatternEvaluationException e) {
        return;
      }
    }
    blocks.find(packed >>> 8, (int) (packed & 0xff), out);
  }

  long estimatedBytes() {
    long b = 0;
    b += strings.estimatedBytes() + addresses.estimatedBytes();
    for (Map.Entry<String, int[]> e : numbers.entrySet()) {
      b += 48 + 40 + e.getKey().length() + 16 + 4L * e.getValue().length;
    }
    b += blocks == null ? 0 : blocks.estimatedBytes();
    return b + (literals == null ? 0 : literals.states() * 24L);
  }

  /** Collects atoms of one path, in growing arrays (few objects per atom). */
  static final class Builder {
    private final ObjectPath path;
    private long[] fingerprints = new long[16];
    private int[] fingerprintIds = new int[16];
    private int strings;
    private int[] quads = new int[16];
    private int[] quadIds = new int[16];
    private int addresses;
    private final Map<String, List<Integer>> numbers = new HashMap<>();
    private final CidrRanges.Builder blocks = new CidrRanges.Builder();
    private final Map<String, List<Integer>> contains = new HashMap<>();

    Builder(ObjectPath path) {
      this.path = path;
    }

    void add(Atoms.Atom a, int ix) {
      if (a.contains() != null) {
        addTo(contains, a.contains(), ix);
      } else if (a.value() != null) {
        String key = a.value().substring(2);
        if (a.value().startsWith("s:")) {
          long quad = Cidr.dottedQuad(key);
          if (quad >= 0) { // a plain dotted quad: kept as an int
            if (addresses == quads.length) {
              quads = Arrays.copyOf(quads, addresses * 2);
              quadIds = Arrays.copyOf(quadIds, addresses * 2);
            }
            quads[addresses] = (int) quad;
            quadIds[addresses++] = ix;
          } else { // only the fingerprint is kept (see StringTable)
            if (strings == fingerprints.length) {
              fingerprints = Arrays.copyOf(fingerprints, strings * 2);
              fingerprintIds = Arrays.copyOf(fingerprintIds, strings * 2);
            }
            fingerprints[strings] = StringTable.fingerprint(key);
            fingerprintIds[strings++] = ix;
          }
        } else {
          addTo(numbers, key, ix);
        }
      } else {
        blocks.add(a.cidr() >>> 8, (int) (a.cidr() & 0xff), ix);
      }
    }

    private static void addTo(Map<String, List<Integer>> m, String key, int ix) {
      List<Integer> l = m.computeIfAbsent(key, k -> new ArrayList<>(1));
      if (l.isEmpty() || l.get(l.size() - 1) != ix) {
        l.add(ix);
      }
    }

    PathProbe build() {
      Map<String, int[]> num = new HashMap<>();
      numbers.forEach((k, v) -> num.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
      AhoCorasick ac = null;
      if (!contains.isEmpty()) {
        Map<String, int[]> lits = new HashMap<>();
        contains.forEach((k, v) -> lits.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        ac = AhoCorasick.build(lits);
      }
      return new PathProbe(
          path,
          new StringTable(fingerprints, fingerprintIds, strings),
          new Ipv4Table(quads, quadIds, addresses),
          num,
          blocks.isEmpty() ? null : blocks.build(),
          ac);
    }
  }
}
