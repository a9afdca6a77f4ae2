package dev.bulwark.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.validation.StixValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Importing STIX content with bad parts: each bad part gets a clear rejection, the good objects are
 * stored, and nothing is half-written.
 */
class StixImporterTest {
  static final Provenance EST = new Provenance("EST", "analyst-1");

  static Stream<TestDatabases.Kind> databases() {
    return TestDatabases.all();
  }

  static String indicator(String suffix) {
    return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--00000000-0000-4000-8000-"
        + suffix
        + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\","
        + "\"pattern\":\"[ipv4-addr:value = '198.51.100.1']\",\"pattern_type\":\"stix\","
        + "\"valid_from\":\"2024-01-01T00:00:00Z\"}";
  }

  static String bundle(String... objects) {
    return "{\"type\":\"bundle\",\"id\":\"bundle--00000000-0000-4000-8000-000000000000\",\"objects\":["
        + String.join(",", objects)
        + "]}";
  }

  private record Fixture(HikariDataSource dataSource, ObjectStore store, StixImporter importer)
      implements AutoCloseable {
    @Override
    public void close() {
      dataSource.close();
    }
  }

  private static Fixture fixture(TestDatabases.Kind db) throws Exception {
    HikariDataSource ds = db.open();
    ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
    store.ensureCollection(new CollectionInfo("intel", "Intel", "test", Set.of()));
    return new Fixture(ds, store, new StixImporter(new StixCodec(), new StixValidator(), store));
  }

  private static ImportSummary importText(Fixture f, String text) throws IOException {
    return f.importer()
        .importFrom(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            "test.json",
            "intel",
            EST);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aBundleWithOneBadObjectAmongGoodOnesStoresTheGoodOnes(TestDatabases.Kind db)
      throws Exception {
    try (Fixture f = fixture(db)) {
      String wrongType =
          indicator("000000000002")
              .replace("\"2024-01-01T00:00:00.000Z\",\"modified\"", "5,\"modified\"");
      ImportSummary s =
          importText(f, bundle(indicator("000000000001"), wrongType, indicator("000000000003")));
      assertThat(s.stored()).isEqualTo(2);
      assertThat(s.rejections())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.objectId())
                    .isEqualTo("indicator--00000000-0000-4000-8000-000000000002");
                assertThat(r.location()).contains("test.json").contains("objects[1]");
                assertThat(r.reason()).contains("$.created");
              });
      assertThat(f.store().count("intel")).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void importingTheSameBundleTwiceStoresNothingTheSecondTime(TestDatabases.Kind db)
      throws Exception {
    try (Fixture f = fixture(db)) {
      String b = bundle(indicator("000000000001"), indicator("000000000002"));
      assertThat(importText(f, b).stored()).isEqualTo(2);
      ImportSummary again = importText(f, b);
      assertThat(again.stored()).isZero();
      assertThat(again.duplicates()).isEqualTo(2);
      assertThat(f.store().count("intel")).isEqualTo(2);
    }
  }

  @Test
  void truncatedJsonKeepsTheObjectsBeforeTheBreakAndSaysWhere() throws Exception {
    try (Fixture f = fixture(TestDatabases.all().findFirst().orElseThrow())) {
      String full = bundle(indicator("000000000001"), indicator("000000000002"));
      String truncated = full.substring(0, full.length() - 60);
      ImportSummary s = importText(f, truncated);
      assertThat(s.stored()).isEqualTo(1);
      assertThat(s.rejections())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.rule()).isEqualTo("malformed");
                assertThat(r.location() + r.reason()).containsAnyOf("line", "offset", "column");
              });
    }
  }

  @Test
  void nonUtf8BytesAreRejectedWithTheirPosition() throws Exception {
    try (Fixture f = fixture(TestDatabases.all().findFirst().orElseThrow())) {
      byte[] good = (bundle(indicator("000000000001")) + "\n").getBytes(StandardCharsets.UTF_8);
      // JSON lines: a good object, then a line with Latin-1 bytes that are not UTF-8
      byte[] bad =
          indicator("000000000002")
              .replace("[ipv4", "caf\u00e9 [ipv4")
              .getBytes(StandardCharsets.ISO_8859_1);
      String lines = indicator("000000000001") + "\n";
      InputStream in =
          new SequenceInputStream(
              new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)),
              new ByteArrayInputStream(bad));
      ImportSummary s = f.importer().importFrom(in, "lines.jsonl", "intel", EST);
      assertThat(s.stored()).isEqualTo(1);
      assertThat(s.rejections()).isNotEmpty();
      assertThat(s.rejections().get(0).reason()).containsIgnoringCase("UTF-8");
      assertThat(good).isNotEmpty();
    }
  }

  @Test
  void aTwoHundredMegabyteBundleWithABadObjectAmongGoodOnesStoresTheGoodOnes() throws Exception {
    try (Fixture f = fixture(TestDatabases.all().findFirst().orElseThrow())) {
      int objects = 200;
      int bad = 117;
      InputStream in =
          new InputStream() {
            // one ~1 MB note at a time, so the test never holds the 200 MB file in memory
            private int next = -1;
            private byte[] current = new byte[0];
            private int pos;

            @Override
            public int read() throws IOException {
              byte[] one = new byte[1];
              return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
              while (pos == current.length) {
                if (next < objects) {
                  current = chunk(next++).getBytes(StandardCharsets.UTF_8);
                } else {
                  return -1;
                }
                pos = 0;
              }
              int n = Math.min(len, current.length - pos);
              System.arraycopy(current, pos, b, off, n);
              pos += n;
              return n;
            }

            private String chunk(int i) {
              if (i == -1) {
                return "{\"type\":\"bundle\",\"id\":\"bundle--00000000-0000-4000-8000-000000000000\",\"objects\":[";
              }
              String note =
                  "{\"type\":\"note\",\"spec_version\":\"2.1\",\"id\":\"note--00000000-0000-4000-8000-"
                      + String.format("%012d", i)
                      + "\",\"created\":\""
                      + (i == bad ? "yesterday" : "2024-01-01T00:00:00.000Z")
                      + "\",\"modified\":\"2024-01-01T00:00:00.000Z\","
                      + "\"content\":\""
                      + "A".repeat(1_048_576)
                      + "\",\"object_refs\":[\"indicator--00000000-0000-4000-8000-000000000001\"]}";
              return note + (i == objects - 1 ? "]}" : ",");
            }
          };
      ImportSummary s = f.importer().importFrom(in, "big.json", "intel", EST);
      assertThat(s.stored()).isEqualTo(objects - 1);
      assertThat(s.rejections())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.objectId()).endsWith(String.format("%012d", bad));
                assertThat(r.location()).contains("objects[" + bad + "]");
                assertThat(r.reason()).contains("$.created");
              });
      assertThat(f.store().count("intel")).isEqualTo(objects - 1);
    }
  }

  @Test
  void summaryListsNothingWhenAllIsWell() {
    assertThat(new ImportSummary(3, 0, List.of()).rejected()).isZero();
  }
}
