package dev.bulwark.stix.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The index's lookup structures against plain models: the CIDR ranges give every block that
 * contains an address (and, for an observed block, at least every block containing it), the value
 * tables give every entry filed under a value, the candidate set keeps each index once in ascending
 * order across reuse, and the Aho–Corasick automaton finds every literal a text contains.
 */
class IndexTablesPropertiesTest {

  record Block(long address, int prefix, int id) {}

  @Provide
  Arbitrary<List<Block>> blocks() {
    Arbitrary<Long> base =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, 0xFFFFFFFFL),
            Arbitraries.longs().between(0x0A000000L, 0x0A0000FFL), // crowded: nesting and repeats
            Arbitraries.of(0L, 0xFFFFFFFFL, 0x80000000L));
    return Combinators.combine(
            base, Arbitraries.integers().between(1, 32), Arbitraries.integers().between(0, 40))
        .as(Block::new)
        .list()
        .ofMaxSize(60);
  }

  @Provide
  Arbitrary<List<Long>> addresses() {
    return Arbitraries.oneOf(
            Arbitraries.longs().between(0, 0xFFFFFFFFL),
            Arbitraries.longs().between(0x0A000000L, 0x0A0001FFL),
            Arbitraries.of(0L, 0xFFFFFFFFL, 0x7FFFFFFFL, 0x80000000L))
        .list()
        .ofMinSize(1)
        .ofMaxSize(40);
  }

  private static boolean contains(Block b, long address, int prefix) {
    return Cidr.within((address << 8) | prefix, (b.address() << 8) | b.prefix());
  }

  @Property(tries = 300)
  void cidrRangesFindEveryContainingBlock(
      @ForAll("blocks") List<Block> blocks,
      @ForAll("addresses") List<Long> addresses,
      @ForAll("prefixes") int observedPrefix) {
    CidrRanges.Builder b = new CidrRanges.Builder();
    blocks.stream()
        .sorted((x, y) -> Integer.compare(x.id(), y.id()))
        .forEach(x -> b.add(x.address(), x.prefix(), x.id()));
    if (b.isEmpty()) {
      return;
    }
    CidrRanges ranges = b.build();
    CandidateSet set = new CandidateSet(41);
    for (long a : addresses) {
      TreeSet<Integer> want = new TreeSet<>();
      TreeSet<Integer> atStart = new TreeSet<>();
      for (Block x : blocks) {
        if (contains(x, a, observedPrefix)) {
          want.add(x.id());
        }
        if (contains(x, maskTo(a, observedPrefix), 32)) {
          atStart.add(x.id());
        }
      }
      set.reset(41);
      ranges.find(a, observedPrefix, set);
      List<Integer> got = boxed(set.toSortedArray());
      assertThat(got).containsAll(want); // a superset for an observed block, never fewer
      assertThat(atStart).containsAll(got); // and only blocks containing its first address
      if (observedPrefix == 32) {
        assertThat(got).containsExactlyElementsOf(want);
      }
    }
  }

  @Provide
  Arbitrary<Integer> prefixes() {
    return Arbitraries.oneOf(Arbitraries.just(32), Arbitraries.integers().between(1, 32));
  }

  private static long maskTo(long a, int prefix) {
    return a & ((0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL);
  }

  @Property(tries = 200)
  void valueTablesFindEveryEntryOfAValue(
      @ForAll("values") List<String> keys, @ForAll("values") List<String> probes) {
    int n = keys.size();
    long[] fps = new long[n];
    int[] ids = new int[n];
    int[] quads = new int[n];
    int[] quadIds = new int[n];
    int nq = 0;
    int ns = 0;
    Map<String, TreeSet<Integer>> model = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String k = keys.get(i);
      int id = i / 2; // some entries file two values, some values come twice
      model.computeIfAbsent(k, x -> new TreeSet<>()).add(id);
      long quad = Cidr.dottedQuad(k);
      if (quad >= 0) {
        quads[nq] = (int) quad;
        quadIds[nq++] = id;
      } else {
        fps[ns] = StringTable.fingerprint(k);
        ids[ns++] = id;
      }
    }
    StringTable strings = new StringTable(fps, ids, ns);
    Ipv4Table ips = new Ipv4Table(quads, quadIds, nq);
    CandidateSet set = new CandidateSet(n);
    List<String> all = new ArrayList<>(probes);
    all.addAll(keys);
    for (String p : all) {
      set.reset(n);
      long quad = Cidr.dottedQuad(p);
      if (quad >= 0) {
        ips.find(quad, set);
      } else {
        strings.find(p, set);
      }
      assertThat(boxed(set.toSortedArray()))
          .as(p)
          .containsExactlyElementsOf(model.getOrDefault(p, new TreeSet<>()));
    }
  }

  @Provide
  Arbitrary<List<String>> values() {
    Arbitrary<String> ip =
        Arbitraries.integers()
            .between(0, 255)
            .list()
            .ofSize(4)
            .map(l -> l.get(0) + "." + l.get(1) + "." + l.get(2) + "." + l.get(3));
    return Arbitraries.oneOf(
            ip,
            Arbitraries.of("10.0.0.1", "010.0.0.1", "10.0.0.01", "a", "ab", "", "é"),
            Arbitraries.strings().withCharRange('a', 'f').ofMaxLength(70))
        .list()
        .ofMaxSize(50);
  }

  @Property(tries = 200)
  void ahoCorasickFindsEveryContainedLiteral(
      @ForAll("literals") List<String> literals, @ForAll("texts") List<String> texts) {
    Map<String, int[]> lits = new HashMap<>();
    for (int i = 0; i < literals.size(); i++) {
      lits.merge(literals.get(i), new int[] {i}, (a, b) -> new int[] {a[0], b[0]});
    }
    if (lits.isEmpty()) {
      return;
    }
    AhoCorasick ac = AhoCorasick.build(lits);
    CandidateSet set = new CandidateSet(literals.size());
    for (String t : texts) {
      set.reset(literals.size());
      ac.scan(t, set);
      TreeSet<Integer> want = new TreeSet<>();
      lits.forEach(
          (l, ixs) -> {
            if (t.contains(l)) {
              for (int ix : ixs) {
                want.add(ix);
              }
            }
          });
      assertThat(boxed(set.toSortedArray())).as(t).containsExactlyElementsOf(want);
      // scanNfc: at least what the NFC form contains, at most that plus what the raw text does
      set.reset(literals.size());
      ac.scan(Nfc.of(t), set);
      List<Integer> nfc = boxed(set.toSortedArray());
      set.reset(literals.size());
      ac.scanNfc(t, set);
      List<Integer> got = boxed(set.toSortedArray());
      assertThat(got).as(t).containsAll(nfc);
      TreeSet<Integer> bound = new TreeSet<>(nfc);
      bound.addAll(want);
      assertThat(bound).as(t).containsAll(got);
      if (t.chars().allMatch(c -> c < 0x300)) {
        assertThat(got).as(t).containsExactlyElementsOf(nfc);
      }
    }
  }

  @Provide
  Arbitrary<List<String>> literals() {
    return Arbitraries.strings()
        .withChars("abc.é\u0301\u4e00")
        .ofMinLength(1)
        .ofMaxLength(5)
        .list()
        .ofMaxSize(30);
  }

  @Provide
  Arbitrary<List<String>> texts() {
    return Arbitraries.strings()
        .withChars("abc.é\u0301\u4e00x")
        .ofMaxLength(30)
        .list()
        .ofMaxSize(20);
  }

  private static List<Integer> boxed(int[] a) {
    List<Integer> l = new ArrayList<>();
    for (int x : a) {
      l.add(x);
    }
    return l;
  }
}
