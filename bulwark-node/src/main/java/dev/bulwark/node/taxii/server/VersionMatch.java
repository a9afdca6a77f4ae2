package dev.bulwark.node.taxii.server;

import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code match[version]} filter: all versions, or any of first, last and exact versions (as
 * microseconds). The default is last. Immutable.
 */
record VersionMatch(boolean all, boolean first, boolean last, Set<Long> exact) {
  VersionMatch {
    exact = Set.copyOf(exact);
  }

  static final VersionMatch LAST = new VersionMatch(false, false, true, Set.of());
  static final VersionMatch ALL = new VersionMatch(true, false, false, Set.of());

  /** Whether a version is selected, given the first and last versions the caller may see. */
  boolean selects(long version, long firstVersion, long lastVersion) {
    return all
        || (first && version == firstVersion)
        || (last && version == lastVersion)
        || exact.contains(version);
  }

  /** Whether choosing needs the other versions of each object (first or last). */
  boolean needsNeighbours() {
    return !all && (first || last);
  }

  String canonical() {
    return all ? "all" : (first ? "first," : "") + (last ? "last," : "") + new TreeSet<>(exact);
  }
}
