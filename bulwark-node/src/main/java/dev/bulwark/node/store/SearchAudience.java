package dev.bulwark.node.store;

import java.util.Set;

/**
 * The search prefilter's words (issue 20): for each stored row, terms naming every reader that
 * might read it under the release rule; for each reader, the terms it carries. An engine keeps a
 * candidate only if the two share a term, so a page needs few candidates when most matches are not
 * the reader's. It only narrows: every candidate still goes through the reader's {@link ReadFilter}
 * (the one read gate), and a row whose audience cannot be worked out yet carries {@link #ALWAYS},
 * which every reader carries. The node's security package supplies the implementation; this package
 * only stores and matches the terms. Implementations are thread-safe.
 */
@FunctionalInterface
public interface SearchAudience {
  /** The term of rows every reader keeps as a candidate (the gate alone decides). */
  String ALWAYS = "?";

  /** No prefilter: every row is a candidate for every reader (tests, and tools without policy). */
  SearchAudience NONE = row -> Set.of(ALWAYS);

  /** Terms naming every reader that might read this row (a superset of those who may). */
  Set<String> of(StoredObject row);
}
