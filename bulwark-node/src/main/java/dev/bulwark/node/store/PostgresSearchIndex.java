package dev.bulwark.node.store;

import dev.bulwark.node.store.SearchQuery.Hit;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The workbench search on PostgreSQL: the {@code search_documents} table (V45), one row per object
 * per collection and origin at its newest version, its words in a {@code tsvector} ('simple'
 * configuration: no stemming, no stop words, so identifiers and values match as written) under a
 * GIN index. A query's words are all required ({@code plainto_tsquery}); paging is by keyset on
 * (modified, date added) or date added, each an index. The high-water mark is in {@code
 * search_state}, written in the same transaction as the documents, so several processes over one
 * database index each row once or harmlessly again. Thread-safe.
 */
public final class PostgresSearchIndex implements SearchIndex {
  private static final String ENGINE = "postgresql";
  private static final int BATCH = 2_000;

  private static final String UPSERT =
      "INSERT INTO search_documents (collection_id, origin_nation, object_id, date_added_us,"
          + " version_us, modified_us, object_type, created_by, marking_refs, refs, name_lower,"
          + " tsv, audience) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, to_tsvector('simple', ?), ?)"
          + " ON CONFLICT (collection_id, origin_nation, object_id) DO UPDATE SET"
          + " date_added_us = EXCLUDED.date_added_us, version_us = EXCLUDED.version_us,"
          + " modified_us = EXCLUDED.modified_us, object_type = EXCLUDED.object_type,"
          + " created_by = EXCLUDED.created_by, marking_refs = EXCLUDED.marking_refs,"
          + " refs = EXCLUDED.refs, name_lower = EXCLUDED.name_lower, tsv = EXCLUDED.tsv,"
          + " audience = EXCLUDED.audience"
          + " WHERE search_documents.version_us <= EXCLUDED.version_us";

  private final ObjectRows rows;
  private final SearchAudience audience;
  private final ReentrantLock writeLock = new ReentrantLock();

  /** The mark this process last saw indexed (0 until its first catch-up, and after a rebuild). */
  private volatile long indexedHere;

  public PostgresSearchIndex(ObjectRows rows) {
    this(rows, SearchAudience.NONE);
  }

  /**
   * @param audience the prefilter's terms of each row (column {@code audience}, V58)
   */
  public PostgresSearchIndex(ObjectRows rows, SearchAudience audience) {
    this.rows = rows;
    this.audience = audience;
  }

  @Override
  public String engine() {
    return ENGINE;
  }

  @Override
  public int catchUp() {
    // Nothing added since this process last indexed: one look at the primary key's end, no lock.
    if (rows.newestAdded() <= indexedHere) {
      return 0;
    }
    writeLock.lock();
    try {
      int total = 0;
      long mark = rows.mark(ENGINE);
      while (true) {
        List<StoredObject> batch = rows.rowsAfter(mark, BATCH);
        if (batch.isEmpty()) {
          indexedHere = mark;
          return total;
        }
        mark = batch.get(batch.size() - 1).dateAddedMicros();
        write(batch, mark);
        total += batch.size();
        if (batch.size() < BATCH) {
          indexedHere = mark;
          return total;
        }
      }
    } finally {
      writeLock.unlock();
    }
  }

  private void write(List<StoredObject> batch, long mark) {
    try (Connection c = rows.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement(UPSERT)) {
        for (StoredObject o : batch) {
          SearchDocument d = SearchDocument.of(o);
          int p = 1;
          s.setString(p++, d.collectionId());
          s.setString(p++, d.originNation());
          s.setString(p++, d.objectId());
          s.setLong(p++, d.dateAddedMicros());
          s.setLong(p++, d.versionMicros());
          s.setLong(p++, d.modifiedMicros());
          s.setString(p++, d.type());
          s.setString(p++, d.createdBy());
          s.setArray(p++, c.createArrayOf("text", d.markingRefs().toArray()));
          s.setArray(p++, c.createArrayOf("text", d.refs().toArray()));
          s.setString(p++, d.name().length() > 300 ? d.name().substring(0, 300) : d.name());
          s.setString(p++, d.text().replace('\0', ' '));
          s.setArray(p, c.createArrayOf("text", audience.of(o).toArray()));
          s.addBatch();
        }
        s.executeBatch();
        rows.setMark(c, ENGINE, mark);
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot index objects", e);
    }
  }

  @Override
  public int rebuild() {
    writeLock.lock();
    indexedHere = 0L;
    try (Connection c = rows.dataSource().getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("DELETE FROM search_documents");
      rows.setMark(c, ENGINE, 0L);
      c.commit();
    } catch (SQLException e) {
      throw new StoreException("cannot clear the search index", e);
    } finally {
      writeLock.unlock();
    }
    catchUp();
    try (Connection c = rows.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM search_documents")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new StoreException("cannot count the search index", e);
    }
  }

  @Override
  public List<Hit> search(SearchQuery q, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT date_added_us, modified_us FROM search_documents WHERE TRUE");
    List<Object> params = new ArrayList<>();
    if (!q.words().isBlank()) {
      sql.append(" AND tsv @@ plainto_tsquery('simple', ?)");
      params.add(q.words());
    }
    anyOf(sql, params, "collection_id = ANY(?)", q.collections());
    anyOf(sql, params, "object_type = ANY(?)", q.types());
    anyOf(sql, params, "marking_refs && ?", q.markings());
    anyOf(sql, params, "origin_nation = ANY(?)", q.origins());
    anyOf(sql, params, "created_by = ANY(?)", q.authors());
    q.audience()
        .ifPresent(
            terms -> {
              sql.append(" AND audience && ?");
              params.add(terms.toArray(String[]::new));
            });
    sql.append(
        " AND date_added_us > ? AND date_added_us < ? AND modified_us > ? AND modified_us < ?");
    params.add(q.addedAfter());
    params.add(q.addedBefore());
    params.add(q.modifiedAfter());
    params.add(q.modifiedBefore());
    boolean desc = q.order().descending();
    String cmp = desc ? "<" : ">";
    String dir = desc ? " DESC" : " ASC";
    if (q.after().isPresent()) {
      Hit h = q.after().get();
      if (q.order().byModified()) {
        sql.append(" AND (modified_us, date_added_us) ").append(cmp).append(" (?, ?)");
        params.add(h.modifiedMicros());
      } else {
        sql.append(" AND date_added_us ").append(cmp).append(" ?");
      }
      params.add(h.dateAddedMicros());
    }
    sql.append(
        q.order().byModified()
            ? " ORDER BY modified_us" + dir + ", date_added_us" + dir
            : " ORDER BY date_added_us" + dir);
    sql.append(" LIMIT ?");
    params.add(limit);
    return hits(sql.toString(), params);
  }

  private static void anyOf(StringBuilder sql, List<Object> params, String test, Set<String> in) {
    if (!in.isEmpty()) {
      sql.append(" AND ").append(test);
      params.add(in.toArray(String[]::new));
    }
  }

  private List<Hit> hits(String sql, List<Object> params) {
    List<Hit> result = new ArrayList<>();
    try (Connection c = rows.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        Object v = params.get(i);
        if (v instanceof String[] values) {
          Array a = c.createArrayOf("text", values);
          s.setArray(i + 1, a);
        } else if (v instanceof String text) {
          s.setString(i + 1, text);
        } else if (v instanceof Integer n) {
          s.setInt(i + 1, n);
        } else {
          s.setLong(i + 1, (Long) v);
        }
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          result.add(new Hit(rs.getLong(1), rs.getLong(2)));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new StoreException("cannot search", e);
    }
  }

  @Override
  public List<Long> referencing(String objectId, int limit) {
    return keys(
        "SELECT date_added_us, modified_us FROM search_documents WHERE refs @> ?"
            + " ORDER BY date_added_us DESC LIMIT ?",
        new String[] {objectId},
        limit);
  }

  @Override
  public List<Long> namesStartingWith(String prefix, int limit) {
    String escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return keys(
        "SELECT date_added_us, modified_us FROM search_documents WHERE name_lower LIKE ?"
            + " ORDER BY name_lower LIMIT ?",
        escaped + "%",
        limit);
  }

  private List<Long> keys(String sql, Object first, int limit) {
    return hits(sql, List.of(first, limit)).stream().map(Hit::dateAddedMicros).toList();
  }

  @Override
  public void close() {
    // nothing held: every call takes a connection from the pool
  }
}
