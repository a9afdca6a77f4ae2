package dev.bulwark.node.store;

import java.util.Optional;
import java.util.Set;

/**
 * One search of the workbench, as both engines take it: the words (all must match; empty for every
 * object), the filters, the order, and where the previous page stopped. Immutable.
 *
 * @param words the query's words, already split (lower case); empty matches everything
 * @param collections only objects of these collections (empty for any)
 * @param markings marking-definition ids, any of which the object must carry (empty for any)
 * @param addedAfter date added strictly after, microseconds (0 for no bound)
 * @param addedBefore date added strictly before (Long.MAX_VALUE for no bound)
 * @param after the sort key of the last hit of the previous page
 * @param audience the reader's {@link SearchAudience} terms (a candidate must carry one); empty for
 *     no prefilter. Only narrows the candidates: the read gate still decides every row.
 */
public record SearchQuery(
    String words,
    Set<String> collections,
    Set<String> types,
    Set<String> markings,
    Set<String> origins,
    Set<String> authors,
    long addedAfter,
    long addedBefore,
    long modifiedAfter,
    long modifiedBefore,
    Order order,
    Optional<Hit> after,
    Optional<Set<String>> audience) {
  public SearchQuery {
    audience = audience.map(Set::copyOf);
    collections = Set.copyOf(collections);
    types = Set.copyOf(types);
    markings = Set.copyOf(markings);
    origins = Set.copyOf(origins);
    authors = Set.copyOf(authors);
  }

  /** A search without an audience prefilter. */
  public SearchQuery(
      String words,
      Set<String> collections,
      Set<String> types,
      Set<String> markings,
      Set<String> origins,
      Set<String> authors,
      long addedAfter,
      long addedBefore,
      long modifiedAfter,
      long modifiedBefore,
      Order order,
      Optional<Hit> after) {
    this(
        words,
        collections,
        types,
        markings,
        origins,
        authors,
        addedAfter,
        addedBefore,
        modifiedAfter,
        modifiedBefore,
        order,
        after,
        Optional.empty());
  }

  /** Result orders: by date added or by modified (date added breaks ties), either way. */
  public enum Order {
    ADDED_DESC,
    ADDED_ASC,
    MODIFIED_DESC,
    MODIFIED_ASC;

    public boolean descending() {
      return this == ADDED_DESC || this == MODIFIED_DESC;
    }

    public boolean byModified() {
      return this == MODIFIED_DESC || this == MODIFIED_ASC;
    }
  }

  /** Everything, newest first. */
  public static SearchQuery all(String words) {
    return new SearchQuery(
        words,
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        0,
        Long.MAX_VALUE,
        0,
        Long.MAX_VALUE,
        Order.ADDED_DESC,
        Optional.empty());
  }

  /** The same search continuing after this hit. */
  public SearchQuery continuingAfter(Hit hit) {
    return new SearchQuery(
        words,
        collections,
        types,
        markings,
        origins,
        authors,
        addedAfter,
        addedBefore,
        modifiedAfter,
        modifiedBefore,
        order,
        Optional.of(hit),
        audience);
  }

  /** The same search for a reader carrying these audience terms, within these collections. */
  public SearchQuery forReader(Set<String> readerTerms, Set<String> readableCollections) {
    return new SearchQuery(
        words,
        readableCollections,
        types,
        markings,
        origins,
        authors,
        addedAfter,
        addedBefore,
        modifiedAfter,
        modifiedBefore,
        order,
        after,
        Optional.of(readerTerms));
  }

  /**
   * A candidate the engine found: the store row (date added) and the modified instant it sorts by.
   */
  public record Hit(long dateAddedMicros, long modifiedMicros) {}
}
