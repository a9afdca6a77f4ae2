package dev.bulwark.node.store;

import dev.bulwark.node.store.SearchQuery.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The workbench search on the embedded H2 default: an Apache Lucene index in the node's home
 * ({@code search/}), one document per object per collection and origin at its newest version. The
 * high-water mark (the last date added indexed) is kept in Lucene's own commit data, so an index
 * folder that is deleted or lost is simply rebuilt from the store on the next catch-up. Words are
 * split by Lucene's StandardAnalyzer (Unicode word breaks, lower case, no stop words), and all
 * words of a query must match. Writes are serialised by one lock; searches run concurrently on the
 * latest refreshed reader. Thread-safe.
 */
public final class LuceneSearchIndex implements SearchIndex {
  private static final String MARK = "indexed_up_to";

  /**
   * The index's layout; an index of another layout (older fields, no index sort) is dropped and
   * rebuilt from the store when opened. 2: audience terms, points and doc values under one name,
   * sorted newest first.
   */
  private static final String FORMAT = "format";

  private static final String FORMAT_NOW = "2";

  /** The order of the index's documents: newest first, as the default search order. */
  private static final Sort NEWEST =
      new Sort(
          new SortField("added", SortField.Type.LONG, true),
          new SortField("modified", SortField.Type.LONG, true));

  private static final int BATCH = 2_000;

  /** Versions remembered within one catch-up before the reader is refreshed instead. */
  private static final int WRITTEN_MAX = 200_000;

  private final ObjectRows rows;
  private final Optional<Path> folder;
  private final SearchAudience audience;
  private final Analyzer analyzer = new StandardAnalyzer(CharArraySet.EMPTY_SET);
  private final ReentrantLock writeLock = new ReentrantLock();
  private volatile Open open;
  private volatile long mark;

  /** The mark that searches can see (set after the reader is refreshed). */
  private volatile long visible;

  /**
   * The open index: opened on first use, so a command-line run that never searches never locks it.
   */
  private record Open(Directory directory, IndexWriter writer, SearcherManager searchers) {}

  /**
   * @param folder where the index lives; empty for an index in memory (rebuilt at each start)
   */
  public LuceneSearchIndex(ObjectRows rows, Optional<Path> folder) {
    this(rows, folder, SearchAudience.NONE);
  }

  /**
   * @param folder where the index lives; empty for an index in memory (rebuilt at each start)
   * @param audience the prefilter's terms of each row
   */
  public LuceneSearchIndex(ObjectRows rows, Optional<Path> folder, SearchAudience audience) {
    this.rows = rows;
    this.folder = folder;
    this.audience = audience;
  }

  private Open open() {
    Open o = open;
    if (o != null) {
      return o;
    }
    synchronized (this) {
      if (open == null) {
        open = openIndex();
      }
      return open;
    }
  }

  private Open openIndex() {
    try {
      Directory directory =
          folder.isPresent() ? FSDirectory.open(folder.get()) : new ByteBuffersDirectory();
      IndexWriterConfig config = new IndexWriterConfig(analyzer);
      config.setRAMBufferSizeMB(64);
      // Sorted newest first: the default search (newest first) stops after a page per segment.
      config.setIndexSort(NEWEST);
      Map<String, String> held = Map.of();
      if (DirectoryReader.indexExists(directory)) {
        held = SegmentInfos.readLatestCommit(directory).getUserData();
      }
      boolean current = FORMAT_NOW.equals(held.get(FORMAT));
      // An index of an older layout cannot take the index sort: start it again from the store.
      config.setOpenMode(current ? OpenMode.CREATE_OR_APPEND : OpenMode.CREATE);
      IndexWriter writer = new IndexWriter(directory, config);
      mark = current && held.containsKey(MARK) ? Long.parseLong(held.get(MARK)) : 0L;
      visible = mark;
      return new Open(directory, writer, new SearcherManager(writer, null));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index", e);
    }
  }

  @Override
  public String engine() {
    return "lucene";
  }

  @Override
  public int catchUp() {
    open();
    // The common case (nothing added since the last search) costs one look at the primary key's
    // end and no lock, so concurrent readers do not queue behind each other here.
    if (rows.newestAdded() <= visible) {
      return 0;
    }
    writeLock.lock();
    try {
      int total = 0;
      // One reader for the whole catch-up (what the index held before it) plus the versions this
      // catch-up wrote: reopening a near-real-time reader per batch flushed a tiny segment each
      // time.
      open().searchers().maybeRefreshBlocking();
      Map<String, Long> written = new HashMap<>();
      while (true) {
        List<StoredObject> batch = rows.rowsAfter(mark, BATCH);
        if (batch.isEmpty()) {
          break;
        }
        index(batch, written);
        mark = batch.get(batch.size() - 1).dateAddedMicros();
        total += batch.size();
        if (batch.size() < BATCH) {
          break;
        }
      }
      if (total > 0) {
        open().writer().setLiveCommitData(commitData(mark));
        open().writer().commit();
        open().searchers().maybeRefreshBlocking();
      }
      visible = mark;
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the search index", e);
    } finally {
      writeLock.unlock();
    }
  }

  private static Iterable<Map.Entry<String, String>> commitData(long upTo) {
    return Map.of(MARK, Long.toString(upTo), FORMAT, FORMAT_NOW).entrySet();
  }

  /** Indexes a batch, keeping for each object the newest version (of this batch and the index). */
  private void index(List<StoredObject> batch, Map<String, Long> written) throws IOException {
    Map<String, StoredObject> newest = new HashMap<>();
    for (StoredObject o : batch) {
      newest.merge(ident(o), o, (a, b) -> b.versionMicros() >= a.versionMicros() ? b : a);
    }
    if (written.size() > WRITTEN_MAX) {
      // Bounded memory on a large catch-up: make what was written visible, forget the map.
      open().searchers().maybeRefreshBlocking();
      written.clear();
    }
    IndexSearcher searcher = open().searchers().acquire();
    try {
      for (Map.Entry<String, StoredObject> e : newest.entrySet()) {
        Long mine = written.get(e.getKey());
        long held = mine != null ? mine : heldVersion(searcher, e.getKey());
        if (held > e.getValue().versionMicros()) {
          continue;
        }
        if (held == Long.MIN_VALUE) {
          // Held nowhere (not in the reader of this catch-up, not written by it): an add spares
          // the delete term an update buffers and applies (7 % of a catch-up's JFR samples).
          open().writer().addDocument(document(e.getValue()));
        } else {
          open().writer().updateDocument(new Term("ident", e.getKey()), document(e.getValue()));
        }
        written.put(e.getKey(), e.getValue().versionMicros());
      }
    } finally {
      open().searchers().release(searcher);
    }
  }

  /** The version the reader holds for this ident, or {@code Long.MIN_VALUE} if none. */
  private static long heldVersion(IndexSearcher searcher, String ident) throws IOException {
    TopDocs held = searcher.search(new TermQuery(new Term("ident", ident)), 1);
    if (held.scoreDocs.length == 0) {
      return Long.MIN_VALUE;
    }
    return searcher
        .storedFields()
        .document(held.scoreDocs[0].doc)
        .getField("version")
        .numericValue()
        .longValue();
  }

  private static String ident(StoredObject o) {
    return o.collectionId() + '\n' + o.originNation() + '\n' + o.objectId();
  }

  private Document document(StoredObject o) {
    SearchDocument d = SearchDocument.of(o);
    Document doc = new Document();
    doc.add(new StringField("ident", ident(o), Field.Store.NO));
    doc.add(new StoredField("key", d.dateAddedMicros()));
    doc.add(new StoredField("version", d.versionMicros()));
    doc.add(new StoredField("modified_v", d.modifiedMicros()));
    // Points and doc values under one name: a sorted search skips what cannot compete.
    doc.add(new NumericDocValuesField("added", d.dateAddedMicros()));
    doc.add(new NumericDocValuesField("modified", d.modifiedMicros()));
    doc.add(new LongPoint("added", d.dateAddedMicros()));
    doc.add(new LongPoint("modified", d.modifiedMicros()));
    for (String term : audience.of(o)) {
      doc.add(new StringField("audience", term, Field.Store.NO));
    }
    doc.add(new StringField("collection", d.collectionId(), Field.Store.NO));
    doc.add(new StringField("type", d.type(), Field.Store.NO));
    doc.add(new StringField("origin", d.originNation(), Field.Store.NO));
    doc.add(new StringField("author", d.createdBy(), Field.Store.NO));
    doc.add(new StringField("name", d.name(), Field.Store.NO));
    for (String m : d.markingRefs()) {
      doc.add(new StringField("marking", m, Field.Store.NO));
    }
    for (String r : d.refs()) {
      doc.add(new StringField("ref", r, Field.Store.NO));
    }
    doc.add(new TextField("text", d.text(), Field.Store.NO));
    return doc;
  }

  @Override
  public int rebuild() {
    writeLock.lock();
    try {
      open().writer().deleteAll();
      mark = 0L;
      visible = 0L;
      open().writer().setLiveCommitData(commitData(0L));
      open().writer().commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the search index", e);
    } finally {
      writeLock.unlock();
    }
    catchUp();
    return (int) open().writer().getDocStats().numDocs;
  }

  @Override
  public List<Hit> search(SearchQuery q, int limit) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new MatchAllDocsQuery(), Occur.FILTER);
    for (String word : LuceneWords.split(analyzer, q.words())) {
      b.add(new TermQuery(new Term("text", word)), Occur.FILTER);
    }
    anyOf(b, "collection", q.collections());
    anyOf(b, "type", q.types());
    anyOf(b, "marking", q.markings());
    anyOf(b, "origin", q.origins());
    anyOf(b, "author", q.authors());
    q.audience().ifPresent(terms -> anyOf(b, "audience", terms.isEmpty() ? Set.of("") : terms));
    if (q.addedAfter() > 0 || q.addedBefore() < Long.MAX_VALUE) {
      b.add(addedRange(q.addedAfter() + 1, q.addedBefore() - 1), Occur.FILTER);
    }
    if (q.modifiedAfter() > 0 || q.modifiedBefore() < Long.MAX_VALUE) {
      b.add(
          LongPoint.newRangeQuery("modified", q.modifiedAfter() + 1, q.modifiedBefore() - 1),
          Occur.FILTER);
    }
    boolean desc = q.order().descending();
    Sort sort =
        q.order().byModified()
            ? new Sort(
                new SortField("modified", SortField.Type.LONG, desc),
                new SortField("added", SortField.Type.LONG, desc))
            : desc
                ? NEWEST
                : new Sort(
                    new SortField("added", SortField.Type.LONG, false),
                    new SortField("modified", SortField.Type.LONG, false));
    q.after().ifPresent(h -> b.add(after(h, q.order()), Occur.FILTER));
    return run(b.build(), sort, limit);
  }

  /**
   * Keyset paging as a filter: what sorts after the last hit. (Lucene's searchAfter wants the
   * document number of the last hit, which a later reader no longer knows.)
   */
  private static Query after(Hit h, SearchQuery.Order order) {
    boolean desc = order.descending();
    Query added =
        desc
            ? addedRange(Long.MIN_VALUE, Math.addExact(h.dateAddedMicros(), -1))
            : addedRange(Math.addExact(h.dateAddedMicros(), 1), Long.MAX_VALUE);
    if (!order.byModified()) {
      return added;
    }
    BooleanQuery.Builder sameModified = new BooleanQuery.Builder();
    sameModified.add(LongPoint.newExactQuery("modified", h.modifiedMicros()), Occur.FILTER);
    sameModified.add(added, Occur.FILTER);
    BooleanQuery.Builder either = new BooleanQuery.Builder();
    either.add(beyond("modified", h.modifiedMicros(), desc), Occur.SHOULD);
    either.add(sameModified.build(), Occur.SHOULD);
    either.setMinimumNumberShouldMatch(1);
    return either.build();
  }

  /**
   * Date added within [from, to]: a binary search over the index order (newest first) rather than a
   * walk of the points, which for a keyset page deep in a million rows marked most of them.
   */
  private static Query addedRange(long from, long to) {
    return new IndexSortSortedNumericDocValuesRangeQuery(
        "added", from, to, LongPoint.newRangeQuery("added", from, to));
  }

  private static Query beyond(String field, long value, boolean desc) {
    return desc
        ? LongPoint.newRangeQuery(field, Long.MIN_VALUE, Math.addExact(value, -1))
        : LongPoint.newRangeQuery(field, Math.addExact(value, 1), Long.MAX_VALUE);
  }

  private static void anyOf(BooleanQuery.Builder b, String field, Set<String> values) {
    if (values.isEmpty()) {
      return;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String v : values) {
      any.add(new TermQuery(new Term(field, v)), Occur.SHOULD);
    }
    b.add(any.build(), Occur.FILTER);
  }

  private List<Hit> run(Query query, Sort sort, int limit) {
    try {
      IndexSearcher searcher = open().searchers().acquire();
      try {
        // The hit's keys come from the sort values (doc values) Lucene already holds: reading them
        // as stored fields decompressed a block per hit, a tenth of the bench's CPU samples.
        // Counting stops at the page: with the index sorted as the search, a segment is left as
        // soon as it gave a page (the default threshold counted a thousand hits first).
        TopDocs top =
            searcher.search(query, new TopFieldCollectorManager(sort, limit, null, limit));
        int added = sortIndex(sort, "added");
        int modified = sortIndex(sort, "modified");
        List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
          Object[] values = ((FieldDoc) sd).fields;
          hits.add(new Hit((Long) values[added], (Long) values[modified]));
        }
        return hits;
      } finally {
        open().searchers().release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search", e);
    }
  }

  private static int sortIndex(Sort sort, String field) {
    SortField[] fields = sort.getSort();
    for (int i = 0; i < fields.length; i++) {
      if (field.equals(fields[i].getField())) {
        return i;
      }
    }
    throw new IllegalArgumentException("the sort lacks " + field);
  }

  @Override
  public List<Long> referencing(String objectId, int limit) {
    return keys(new TermQuery(new Term("ref", objectId)), limit);
  }

  @Override
  public List<Long> namesStartingWith(String prefix, int limit) {
    return keys(new PrefixQuery(new Term("name", prefix)), limit);
  }

  private List<Long> keys(Query query, int limit) {
    return run(query, NEWEST, limit).stream().map(Hit::dateAddedMicros).toList();
  }

  @Override
  public synchronized void close() {
    if (open == null) {
      return;
    }
    try {
      open.searchers().close();
      open.writer().close();
      open.directory().close();
      open = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the search index", e);
    }
  }
}
