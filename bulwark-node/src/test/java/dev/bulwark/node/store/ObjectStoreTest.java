package dev.bulwark.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The object store on every database the node supports (H2 always, PostgreSQL when configured). */
class ObjectStoreTest {
  static final Provenance EST = new Provenance("EST", "analyst-1");

  static Stream<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  static NewObject indicator(String uuidSuffix, String modified) {
    String id = "indicator--00000000-0000-4000-8000-" + uuidSuffix;
    String json =
        "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\""
            + id
            + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\""
            + modified
            + "\",\"pattern\":\"[ipv4-addr:value = '198.51.100.1']\",\"pattern_type\":\"stix\","
            + "\"valid_from\":\"2024-01-01T00:00:00Z\"}";
    return new NewObject(
        id, "indicator", modified, NewObject.micros(modified), "2.1", List.of(), json);
  }

  ObjectStore store(HikariDataSource ds) {
    ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
    store.ensureCollection(new CollectionInfo("intel", "Intel", "test", Set.of()));
    return store;
  }

  @ParameterizedTest
  @MethodSource("databases")
  void keepsEveryVersionAndAddingTheSameVersionTwiceIsANoOp(TestDatabases.Kind db)
      throws Exception {
    try (HikariDataSource ds = db.open()) {
      ObjectStore store = store(ds);
      NewObject v1 = indicator("000000000001", "2024-01-01T00:00:00.000Z");
      NewObject v2 = indicator("000000000001", "2024-02-01T00:00:00.000Z");

      assertThat(store.add("intel", v1, EST).status()).isEqualTo(AddOutcome.Status.STORED);
      assertThat(store.add("intel", v2, EST).status()).isEqualTo(AddOutcome.Status.STORED);
      assertThat(store.add("intel", v1, EST).status()).isEqualTo(AddOutcome.Status.DUPLICATE);

      List<StoredObject> versions = store.versions("intel", v1.objectId(), ReadFilter.SYSTEM);
      assertThat(versions)
          .extracting(StoredObject::version)
          .containsExactly("2024-01-01T00:00:00.000Z", "2024-02-01T00:00:00.000Z");
      assertThat(versions.get(0).json()).isEqualTo(v1.json());
      assertThat(versions.get(0).originNation()).isEqualTo("EST");
      assertThat(store.count("intel")).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aVersionIsHeldPerOriginAndKeepsItsRelayChain(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      ObjectStore store = store(ds);
      NewObject v1 = indicator("000000000009", "2024-01-01T00:00:00.000Z");
      Provenance relayed = new Provenance("DEU", "peer:fin", List.of("LVA", "FIN"));

      assertThat(store.add("intel", v1, EST).status()).isEqualTo(AddOutcome.Status.STORED);
      // the same identifier and version from another origin is another object, not a duplicate
      List<AddOutcome> outcomes =
          store.addAll("intel", List.of(v1, v1), List.of(relayed, relayed), BatchRecords.NONE);
      assertThat(outcomes)
          .extracting(AddOutcome::status)
          .containsExactly(AddOutcome.Status.STORED, AddOutcome.Status.DUPLICATE);
      assertThat(store.add("intel", v1, new Provenance("DEU", "analyst-2")).status())
          .isEqualTo(AddOutcome.Status.DUPLICATE);

      assertThat(store.versions("intel", v1.objectId(), ReadFilter.SYSTEM))
          .extracting(o -> o.originNation() + " " + o.relayedVia() + " " + o.addedBy())
          .containsExactlyInAnyOrder("EST [] analyst-1", "DEU [LVA, FIN] peer:fin");
      assertThat(store.withSeveralVersions(List.of(v1.objectId()))).containsExactly(v1.objectId());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void twoSpellingsOfOneInstantAreOneVersion(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      ObjectStore store = store(ds);
      store.add("intel", indicator("000000000002", "2024-01-01T00:00:00.000Z"), EST);
      assertThat(
              store.add("intel", indicator("000000000002", "2024-01-01T00:00:00Z"), EST).status())
          .isEqualTo(AddOutcome.Status.DUPLICATE);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void duplicatesInsideOneBatchAreStoredOnce(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      ObjectStore store = store(ds);
      NewObject o = indicator("000000000003", "2024-01-01T00:00:00.000Z");
      List<AddOutcome> outcomes = store.addAll("intel", List.of(o, o), EST);
      assertThat(outcomes)
          .extracting(AddOutcome::status)
          .containsExactly(AddOutcome.Status.STORED, AddOutcome.Status.DUPLICATE);
      assertThat(store.count("intel")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aFailedBatchLeavesNoRowBehind(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      ObjectStore store = store(ds);
      NewObject good = indicator("000000000004", "2024-01-01T00:00:00.000Z");
      NewObject tooLong =
          new NewObject(
              "indicator--" + "x".repeat(400), "indicator", "", 0L, "2.1", List.of(), "{}");
      assertThatThrownBy(() -> store.addAll("intel", List.of(good, tooLong), EST))
          .isInstanceOf(StoreException.class);
      assertThat(store.count("intel")).isZero();
      // and the store still works afterwards, with date_added still increasing
      assertThat(store.add("intel", good, EST).status()).isEqualTo(AddOutcome.Status.STORED);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void refusesAnUnknownCollection(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      ObjectStore store = store(ds);
      assertThatThrownBy(
              () -> store.add("nope", indicator("000000000005", "2024-01-01T00:00:00Z"), EST))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("no collection nope");
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void dateAddedIsStrictlyIncreasingEvenWhenTheClockStandsStill(TestDatabases.Kind db)
      throws Exception {
    try (HikariDataSource ds = db.open()) {
      Clock frozen = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
      ObjectStore store = new ObjectStore(ds, frozen);
      store.ensureCollection(new CollectionInfo("intel", "Intel", "test", Set.of()));
      List<NewObject> batch = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        batch.add(indicator(String.format("%012d", i), "2024-01-01T00:00:00.000Z"));
      }
      List<AddOutcome> outcomes = store.addAll("intel", batch, EST);
      // one value each (rows of one transaction get theirs in identifier-key order)
      List<Long> dates = outcomes.stream().map(AddOutcome::dateAddedMicros).sorted().toList();
      assertThat(dates).doesNotHaveDuplicates().hasSize(50);
      assertThat(
              outcomes.stream()
                  .sorted(Comparator.comparingLong(AddOutcome::dateAddedMicros))
                  .map(o -> ObjectKey.of(o.objectId()))
                  .toList())
          .isSorted();
      // the next transaction's rows come after all of them
      AddOutcome next =
          store.add("intel", indicator("000000000998", "2024-01-01T00:00:00.000Z"), EST);
      assertThat(next.dateAddedMicros()).isGreaterThan(dates.get(49));
      // a new store over the same database continues after the last value, not from the clock
      ObjectStore reopened = new ObjectStore(ds, frozen);
      AddOutcome later =
          reopened.add("intel", indicator("000000000999", "2024-01-01T00:00:00.000Z"), EST);
      assertThat(later.dateAddedMicros()).isGreaterThan(next.dateAddedMicros());
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void pagingSkipsDeniedRowsAndResumesAfterThem(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      ObjectStore store = store(ds);
      List<NewObject> batch = new ArrayList<>();
      for (int i = 0; i < 1200; i++) {
        batch.add(indicator(String.format("%012d", i), "2024-01-01T00:00:00.000Z"));
      }
      store.addAll("intel", batch, EST);
      // deny every object whose id ends in an odd digit
      ReadFilter evenOnly = o -> (o.objectId().charAt(o.objectId().length() - 1) - '0') % 2 == 0;
      Set<String> seen = new HashSet<>();
      long cursor = 0;
      int pages = 0;
      while (true) {
        Page page =
            store.page(
                new ObjectQuery("intel", cursor, Set.of(), Set.of(), Set.of(), 100), evenOnly);
        for (StoredObject o : page.items()) {
          assertThat(seen.add(o.objectId())).as("seen once: %s", o.objectId()).isTrue();
        }
        cursor = page.scannedUpToMicros();
        pages++;
        if (!page.more()) {
          break;
        }
      }
      assertThat(seen).hasSize(600);
      assertThat(pages).isBetween(6, 7);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aReaderWalkingPagesWhileWritersAddSeesEveryObjectExactlyOnce(TestDatabases.Kind db)
      throws Exception {
    try (HikariDataSource ds = db.open()) {
      ObjectStore store = store(ds);
      ExecutorService writers = Executors.newFixedThreadPool(4);
      AtomicBoolean done = new AtomicBoolean();
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int writer = w;
        futures.add(
            writers.submit(
                () -> {
                  for (int b = 0; b < 25; b++) {
                    List<NewObject> batch = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                      batch.add(
                          indicator(
                              String.format("%04d%04d%04d", writer, b, i),
                              "2024-01-01T00:00:00.000Z"));
                    }
                    store.addAll("intel", batch, EST);
                  }
                  return null;
                }));
      }
      Set<String> seen = new HashSet<>();
      long cursor = 0;
      while (true) {
        boolean writersFinished = futures.stream().allMatch(Future::isDone);
        Page page =
            store.page(
                new ObjectQuery("intel", cursor, Set.of(), Set.of(), Set.of(), 7),
                ReadFilter.SYSTEM);
        for (StoredObject o : page.items()) {
          assertThat(seen.add(o.objectId())).as("seen once: %s", o.objectId()).isTrue();
        }
        cursor = page.scannedUpToMicros();
        if (!page.more() && writersFinished) {
          break;
        }
      }
      for (Future<?> f : futures) {
        f.get(1, TimeUnit.MINUTES);
      }
      done.set(true);
      writers.shutdown();
      assertThat(seen).hasSize(4 * 25 * 10);
    }
  }

  /**
   * withSeveralVersions tells a reader choosing the latest version which objects have more than one
   * row: a second version (in another batch or the same one) and one version in a second collection
   * count; one row does not, nor does a duplicate that was not stored.
   */
  @ParameterizedTest
  @MethodSource("databases")
  void objectsWithMoreThanOneRowAreKnownAsSuch(TestDatabases.Kind db) throws Exception {
    try (HikariDataSource ds = db.open()) {
      ObjectStore store = store(ds);
      store.ensureCollection(new CollectionInfo("other", "Other", "test", Set.of()));
      NewObject single = indicator("000000000501", "2024-01-01T00:00:00.000Z");
      NewObject twice = indicator("000000000502", "2024-01-01T00:00:00.000Z");
      NewObject laterVersion = indicator("000000000502", "2024-02-01T00:00:00.000Z");
      NewObject sameBatch1 = indicator("000000000503", "2024-01-01T00:00:00.000Z");
      NewObject sameBatch2 = indicator("000000000503", "2024-02-01T00:00:00.000Z");
      NewObject shared = indicator("000000000504", "2024-01-01T00:00:00.000Z");
      NewObject duplicate = indicator("000000000505", "2024-01-01T00:00:00.000Z");
      store.addAll("intel", List.of(single, twice, shared, duplicate), EST);
      assertThat(
              store.withSeveralVersions(
                  Set.of(single.objectId(), twice.objectId(), shared.objectId())))
          .isEmpty();
      store.addAll("intel", List.of(laterVersion, sameBatch1, sameBatch2, duplicate), EST);
      store.add("other", shared, EST);
      assertThat(
              store.withSeveralVersions(
                  Set.of(
                      single.objectId(),
                      twice.objectId(),
                      sameBatch1.objectId(),
                      shared.objectId(),
                      duplicate.objectId())))
          .containsExactlyInAnyOrder(twice.objectId(), sameBatch1.objectId(), shared.objectId());
    }
  }
}
