package dev.bulwark.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Group commit: batches queued while the write lock is held are written together, and each still
 * gets its own outcome. The test holds the lock itself so that the batches are certain to queue up.
 */
class GroupCommitterTest {
  static Stream<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  private static final Provenance EST = ObjectStoreTest.EST;

  @ParameterizedTest
  @MethodSource("databases")
  void queuedBatchesShareOneTransactionAndKeepTheirOwnOutcomes(TestDatabases.Kind db)
      throws Exception {
    try (HikariDataSource ds = db.open()) {
      ObjectStore store = new ObjectStoreTest().store(ds);
      ReentrantLock lock = new ReentrantLock(true);
      GroupCommitter committer =
          new GroupCommitter(ds, lock, new DateAddedClock(Clock.systemUTC(), 0));
      NewObject a1 = ObjectStoreTest.indicator("000000000101", "2024-01-01T00:00:00.000Z");
      NewObject a2 = ObjectStoreTest.indicator("000000000102", "2024-01-01T00:00:00.000Z");
      NewObject b1 = ObjectStoreTest.indicator("000000000103", "2024-01-01T00:00:00.000Z");
      ExecutorService writers = Executors.newFixedThreadPool(3);
      lock.lock();
      Future<List<AddOutcome>> a;
      Future<List<AddOutcome>> b;
      Future<List<AddOutcome>> c;
      try {
        a =
            queued(
                writers,
                lock,
                1,
                () -> committer.addAll("intel", List.of(a1, a2), EST, BatchRecords.NONE));
        // b repeats a's first version: the group settles it as a duplicate, as two commits would
        b =
            queued(
                writers,
                lock,
                2,
                () -> committer.addAll("intel", List.of(b1, a1), EST, BatchRecords.NONE));
        c =
            queued(
                writers,
                lock,
                3,
                () -> committer.addAll("nope", List.of(b1), EST, BatchRecords.NONE));
      } finally {
        lock.unlock();
      }
      assertThat(a.get(1, TimeUnit.MINUTES))
          .extracting(AddOutcome::status)
          .containsExactly(AddOutcome.Status.STORED, AddOutcome.Status.STORED);
      List<AddOutcome> bOutcomes = b.get(1, TimeUnit.MINUTES);
      assertThat(bOutcomes)
          .extracting(AddOutcome::status)
          .containsExactly(AddOutcome.Status.STORED, AddOutcome.Status.DUPLICATE);
      assertThat(
              Stream.of(a.get().get(0), a.get().get(1), bOutcomes.get(0))
                  .map(AddOutcome::dateAddedMicros)
                  .distinct())
          .hasSize(3);
      assertThatThrownBy(() -> c.get(1, TimeUnit.MINUTES))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(StoreException.class)
          .hasMessageContaining("no collection nope");
      assertThat(committer.transactionsCommitted()).isEqualTo(1);
      assertThat(store.count("intel")).isEqualTo(3);
      writers.shutdown();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aBatchTheDatabaseRefusesCostsTheOtherBatchesOfItsGroupNothing(TestDatabases.Kind db)
      throws Exception {
    try (HikariDataSource ds = db.open()) {
      ObjectStore store = new ObjectStoreTest().store(ds);
      ReentrantLock lock = new ReentrantLock(true);
      GroupCommitter committer =
          new GroupCommitter(ds, lock, new DateAddedClock(Clock.systemUTC(), 0));
      NewObject good1 = ObjectStoreTest.indicator("000000000201", "2024-01-01T00:00:00.000Z");
      NewObject good2 = ObjectStoreTest.indicator("000000000202", "2024-01-01T00:00:00.000Z");
      NewObject tooLong =
          new NewObject(
              "indicator--" + "x".repeat(400), "indicator", "", 0L, "2.1", List.of(), "{}");
      ExecutorService writers = Executors.newFixedThreadPool(3);
      lock.lock();
      Future<List<AddOutcome>> a;
      Future<List<AddOutcome>> bad;
      Future<List<AddOutcome>> c;
      try {
        a =
            queued(
                writers,
                lock,
                1,
                () -> committer.addAll("intel", List.of(good1), EST, BatchRecords.NONE));
        bad =
            queued(
                writers,
                lock,
                2,
                () -> committer.addAll("intel", List.of(good2, tooLong), EST, BatchRecords.NONE));
        c =
            queued(
                writers,
                lock,
                3,
                () -> committer.addAll("intel", List.of(good2), EST, BatchRecords.NONE));
      } finally {
        lock.unlock();
      }
      assertThat(a.get(1, TimeUnit.MINUTES).get(0).status()).isEqualTo(AddOutcome.Status.STORED);
      assertThatThrownBy(() -> bad.get(1, TimeUnit.MINUTES))
          .hasCauseInstanceOf(StoreException.class);
      // good2 was in the refused batch too, but that batch left nothing behind
      assertThat(c.get(1, TimeUnit.MINUTES).get(0).status()).isEqualTo(AddOutcome.Status.STORED);
      assertThat(store.count("intel")).isEqualTo(2);
      // the group failed, then its two good batches were committed one by one
      assertThat(committer.transactionsCommitted()).isEqualTo(2);
      writers.shutdown();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aBatchsRecordsCommitWithItsObjectsOrNotAtAll(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      ObjectStore store = new ObjectStoreTest().store(ds);
      ReentrantLock lock = new ReentrantLock(true);
      GroupCommitter committer =
          new GroupCommitter(ds, lock, new DateAddedClock(Clock.systemUTC(), 0));
      NewObject kept = ObjectStoreTest.indicator("000000000301", "2024-01-01T00:00:00.000Z");
      NewObject lost = ObjectStoreTest.indicator("000000000302", "2024-01-01T00:00:00.000Z");
      List<List<AddOutcome>> recorded = Collections.synchronizedList(new ArrayList<>());
      BatchRecords status =
          (c, outcomes) -> {
            recorded.add(List.copyOf(outcomes));
            try (PreparedStatement s =
                c.prepareStatement(
                    "INSERT INTO taxii_status"
                        + " (id, api_root, principal, request_us, json) VALUES ('kept', 'r', 'p', 0, '{}')")) {
              s.executeUpdate();
            }
          };
      BatchRecords failing =
          (c, outcomes) -> {
            throw new SQLException("the audit log is full");
          };
      ExecutorService writers = Executors.newFixedThreadPool(2);
      lock.lock();
      Future<List<AddOutcome>> a;
      Future<List<AddOutcome>> b;
      try {
        a = queued(writers, lock, 1, () -> committer.addAll("intel", List.of(kept), EST, status));
        b = queued(writers, lock, 2, () -> committer.addAll("intel", List.of(lost), EST, failing));
      } finally {
        lock.unlock();
      }
      List<AddOutcome> aOutcomes = a.get(1, TimeUnit.MINUTES);
      assertThat(aOutcomes)
          .extracting(AddOutcome::status)
          .containsExactly(AddOutcome.Status.STORED);
      assertThatThrownBy(() -> b.get(1, TimeUnit.MINUTES))
          .hasCauseInstanceOf(StoreException.class)
          .hasMessageContaining("the audit log is full");
      // the group transaction failed on b's records and was rolled back; a was then written alone,
      // and
      // its records were given its outcomes each time (the committed ones last)
      assertThat(recorded)
          .hasSize(2)
          .allSatisfy(
              o ->
                  assertThat(o)
                      .extracting(AddOutcome::objectId, AddOutcome::status)
                      .containsExactly(Tuple.tuple(kept.objectId(), AddOutcome.Status.STORED)));
      assertThat(recorded.get(1)).isEqualTo(aOutcomes);
      assertThat(store.count("intel")).isEqualTo(1);
      assertThat(store.headersOf(List.of(lost.objectId()))).isEmpty();
      try (Connection c = ds.getConnection();
          ResultSet rs = c.createStatement().executeQuery("SELECT id FROM taxii_status")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("kept");
        assertThat(rs.next()).isFalse();
      }
      writers.shutdown();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aGroupsRowsTakeTheirDateAddedInKeyOrderAndEachBatchKeepsItsOutcomesInOrder(
      TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      new ObjectStoreTest().store(ds);
      ReentrantLock lock = new ReentrantLock(true);
      GroupCommitter committer =
          new GroupCommitter(ds, lock, new DateAddedClock(Clock.systemUTC(), 0));
      List<NewObject> first = new ArrayList<>();
      List<NewObject> second = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        (i % 2 == 0 ? first : second)
            .add(
                ObjectStoreTest.indicator(
                    String.format("%012d", 400 + i), "2024-01-01T00:00:00.000Z"));
      }
      // versions of one object sent together keep their order
      first.add(ObjectStoreTest.indicator("000000000400", "2024-02-01T00:00:00.000Z"));
      first.add(ObjectStoreTest.indicator("000000000400", "2024-03-01T00:00:00.000Z"));
      ExecutorService writers = Executors.newFixedThreadPool(2);
      lock.lock();
      Future<List<AddOutcome>> a;
      Future<List<AddOutcome>> b;
      try {
        a =
            queued(
                writers, lock, 1, () -> committer.addAll("intel", first, EST, BatchRecords.NONE));
        b =
            queued(
                writers, lock, 2, () -> committer.addAll("intel", second, EST, BatchRecords.NONE));
      } finally {
        lock.unlock();
      }
      List<AddOutcome> all = new ArrayList<>(a.get(1, TimeUnit.MINUTES));
      assertThat(all)
          .extracting(AddOutcome::objectId, AddOutcome::version)
          .containsExactlyElementsOf(
              first.stream().map(o -> Tuple.tuple(o.objectId(), o.version())).toList());
      all.addAll(b.get(1, TimeUnit.MINUTES));
      assertThat(committer.transactionsCommitted()).isEqualTo(1);
      assertThat(all).allSatisfy(o -> assertThat(o.status()).isEqualTo(AddOutcome.Status.STORED));
      List<AddOutcome> byDate =
          all.stream().sorted(Comparator.comparingLong(AddOutcome::dateAddedMicros)).toList();
      assertThat(byDate).extracting(AddOutcome::dateAddedMicros).doesNotHaveDuplicates();
      assertThat(byDate).extracting(o -> ObjectKey.of(o.objectId())).isSorted();
      assertThat(
              byDate.stream()
                  .filter(o -> o.objectId().endsWith("000000000400"))
                  .map(AddOutcome::version))
          .containsExactly(
              "2024-01-01T00:00:00.000Z", "2024-02-01T00:00:00.000Z", "2024-03-01T00:00:00.000Z");
      writers.shutdown();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aWriterWhoseClockLagsWritesAfterTheNewestRowAndSeesTheVersionsHeld(TestDatabases.Kind db)
      throws Exception {
    try (HikariDataSource ds = db.open()) {
      Clock frozen = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
      ObjectStore store = new ObjectStore(ds, frozen);
      store.ensureCollection(new CollectionInfo("intel", "Intel", "test", Set.of()));
      NewObject first = ObjectStoreTest.indicator("000000000301", "2024-01-01T00:00:00.000Z");
      long taken = store.add("intel", first, EST).dateAddedMicros();
      // another process on the same database, whose clock hands out the same date_added
      GroupCommitter other =
          new GroupCommitter(ds, new ReentrantLock(), new DateAddedClock(frozen, 0));
      NewObject second = ObjectStoreTest.indicator("000000000302", "2024-01-01T00:00:00.000Z");
      List<AddOutcome> outcomes =
          other.addAll("intel", List.of(first, second), EST, BatchRecords.NONE);
      assertThat(outcomes)
          .extracting(AddOutcome::status)
          .containsExactly(AddOutcome.Status.DUPLICATE, AddOutcome.Status.STORED);
      assertThat(outcomes.get(1).dateAddedMicros()).isGreaterThan(taken);
      assertThat(store.count("intel")).isEqualTo(2);
    }
  }

  /**
   * Two writers with their own locks and clocks, as two processes on one database are, post the
   * same versions at once in different orders: the database's writer row lock must make each
   * version stored exactly once, and date_added strictly increasing in commit order.
   */
  @ParameterizedTest
  @MethodSource("databases")
  void writersOfTwoProcessesNeverStoreAVersionTwice(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      ObjectStore store = new ObjectStoreTest().store(ds);
      List<NewObject> objects = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        objects.add(
            ObjectStoreTest.indicator(
                String.format("%012d", 1000 + i), "2024-01-01T00:00:00.000Z"));
      }
      List<NewObject> reversed = new ArrayList<>(objects);
      Collections.reverse(reversed);
      ExecutorService processes = Executors.newFixedThreadPool(2);
      List<Future<List<AddOutcome>>> runs = new ArrayList<>();
      for (List<NewObject> order : List.of(objects, reversed)) {
        GroupCommitter writer =
            new GroupCommitter(ds, new ReentrantLock(), new DateAddedClock(Clock.systemUTC(), 0));
        runs.add(
            processes.submit(
                () -> {
                  List<AddOutcome> all = new ArrayList<>();
                  for (int from = 0; from < order.size(); from += 10) {
                    all.addAll(
                        writer.addAll(
                            "intel", order.subList(from, from + 10), EST, BatchRecords.NONE));
                  }
                  return all;
                }));
      }
      Map<String, Integer> stored = new HashMap<>();
      for (Future<List<AddOutcome>> run : runs) {
        for (AddOutcome o : run.get(2, TimeUnit.MINUTES)) {
          if (o.status() == AddOutcome.Status.STORED) {
            stored.merge(o.objectId(), 1, Integer::sum);
          }
        }
      }
      processes.shutdown();
      assertThat(stored)
          .hasSize(300)
          .allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
      assertThat(store.count("intel")).isEqualTo(300);
      Page page = store.page(ObjectQuery.all("intel", 1000), ReadFilter.SYSTEM);
      assertThat(page.items())
          .extracting(StoredObject::objectId)
          .doesNotHaveDuplicates()
          .hasSize(300);
    }
  }

  /**
   * Submits the write and waits until it is queued on the lock as the {@code position}-th waiter.
   */
  private static Future<List<AddOutcome>> queued(
      ExecutorService writers, ReentrantLock lock, int position, Callable<List<AddOutcome>> write)
      throws InterruptedException {
    Future<List<AddOutcome>> f = writers.submit(write);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (lock.getQueueLength() < position) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("writer " + position + " never queued");
      }
      Thread.sleep(5);
    }
    return f;
  }
}
