package dev.bulwark.stix.pattern;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A binary prefix trie of IPv4 CIDR blocks: walking an address (or a block) bit by bit from the top
 * finds every indexed block that contains it in at most 32 steps, without allocating. Nodes live in
 * parallel int arrays. Built once by {@link Builder}; immutable and thread-safe.
 */
final class CidrTrie {

  private final int[] zero;
  private final int[] one;
  private final int[][] ids;

  private CidrTrie(int[] zero, int[] one, int[][] ids) {
    this.zero = zero;
    this.one = one;
    this.ids = ids;
  }

  /**
   * Adds the entries of every block containing the address or block.
   *
   * @param address the address bits
   * @param prefix the value's own prefix length (32 for an address)
   * @param out where to add them
   */
  void find(long address, int prefix, CandidateSet out) {
    int node = 0;
    for (int depth = 0; ; depth++) {
      if (ids[node] != null) {
        out.addAll(ids[node]);
      }
      if (depth == prefix) {
        return;
      }
      int bit = (int) ((address >>> (31 - depth)) & 1);
      node = bit == 0 ? zero[node] : one[node];
      if (node == 0) {
        return;
      }
    }
  }

  int nodes() {
    return zero.length;
  }

  /** Collects blocks. */
  static final class Builder {
    private final List<int[]> children = new ArrayList<>();
    private final List<List<Integer>> entries = new ArrayList<>();

    Builder() {
      children.add(new int[2]);
      entries.add(null);
    }

    void add(long address, int prefix, int ix) {
      int node = 0;
      for (int depth = 0; depth < prefix; depth++) {
        int bit = (int) ((address >>> (31 - depth)) & 1);
        int next = children.get(node)[bit];
        if (next == 0) {
          next = children.size();
          children.add(new int[2]);
          entries.add(null);
          children.get(node)[bit] = next;
        }
        node = next;
      }
      if (entries.get(node) == null) {
        entries.set(node, new ArrayList<>(1));
      }
      List<Integer> l = entries.get(node);
      if (l.isEmpty() || l.get(l.size() - 1) != ix) {
        l.add(ix);
      }
    }

    boolean isEmpty() {
      return children.size() == 1 && entries.get(0) == null;
    }

    CidrTrie build() {
      int n = children.size();
      int[] zero = new int[n];
      int[] one = new int[n];
      int[][] ids = new int[n][];
      for (int i = 0; i < n; i++) {
        zero[i] = children.get(i)[0];
        one[i] = children.get(i)[1];
        List<Integer> l = entries.get(i);
        ids[i] = l == null ? null : l.stream().mapToInt(Integer::intValue).toArray();
      }
      return new CidrTrie(zero, one, ids);
    }
  }

  @Override
  public String toString() {
    return "CidrTrie["
        + zero.length
        + " nodes, "
        + Arrays.stream(ids).filter(a -> a != null).count()
        + " blocks]";
  }
}
