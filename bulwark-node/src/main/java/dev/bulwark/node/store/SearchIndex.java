package dev.bulwark.node.store;

import java.util.List;

/**
 * The workbench's full-text search over the object store, with one implementation per database:
 * {@link PostgresSearchIndex} (tsvector under GIN) and {@link LuceneSearchIndex} (Apache Lucene
 * beside the embedded H2). An engine answers candidates only: store rows (by date added) in the
 * query's order, never the objects themselves; the caller loads them through the store with the
 * reader's {@link ReadFilter}, so the engine never decides who sees what.
 *
 * <p>The index follows the store by date added: {@link #catchUp} indexes every row added since the
 * last call, whatever wrote it (TAXII, federation, imports, the demo), so it is current before each
 * search; {@link #rebuild} starts again from nothing. Each object is indexed once per collection
 * and origin, at its newest version. Implementations are thread-safe.
 */
public interface SearchIndex extends AutoCloseable {

  /** The engine's name for status and the API ("lucene", "postgresql"). */
  String engine();

  /** Indexes the rows added since the last call; returns how many. */
  int catchUp();

  /** Drops the index and indexes every row again; returns how many documents it holds. */
  int rebuild();

  /** Up to {@code limit} candidates after {@code query.after()}, in the query's order. */
  List<SearchQuery.Hit> search(SearchQuery query, int limit);

  /** Rows (date added) of indexed objects that name this identifier in a _ref or _refs. */
  List<Long> referencing(String objectId, int limit);

  /** Rows of indexed objects whose name starts with this prefix (lower case), newest first. */
  List<Long> namesStartingWith(String prefix, int limit);

  @Override
  void close();
}
