package dev.bulwark.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.federation.CursorStore.Cursor;
import dev.bulwark.node.federation.CursorStore.Direction;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.taxii.client.TaxiiClient;
import dev.bulwark.stix.validation.StixValidator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull of one collection against a real HTTP server on loopback that plays the peer (two pages,
 * with an invalid object and an item that is not an object on the first) and a real H2 store: what
 * is stored, what is counted as rejected, where the cursor stands after success and after a
 * failure.
 */
class PullTaskTest {
  private static final String T1 = "2026-01-01T00:00:01.000000Z";
  private static final String T2 = "2026-01-01T00:00:02.000000Z";
  private static final String A = "indicator--0a000000-0000-4000-8000-000000000001";
  private static final String B = "indicator--0a000000-0000-4000-8000-000000000002";
  private static final String C = "indicator--0a000000-0000-4000-8000-000000000003";
  private static final String BAD = "indicator--0a000000-0000-4000-8000-000000000004";

  @TempDir Path home;
  private HttpServer peerServer;
  private HikariDataSource ds;
  private ObjectStore store;
  private CursorStore cursors;
  private final AtomicBoolean secondPageFails = new AtomicBoolean();
  private final List<String> askedAfter = new CopyOnWriteArrayList<>();
  private final AtomicLong now = new AtomicLong(1_000);

  @BeforeEach
  void start() throws IOException {
    peerServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    peerServer.createContext("/bulwark/collections/intel/objects/", this::servePage);
    peerServer.start();
    Files.createDirectories(home);
    ds = NodeDatabase.open(NodeDatabase.defaultUrl(home), "bulwark", "", 2);
    store = new ObjectStore(ds, Clock.systemUTC());
    cursors = new CursorStore(ds);
  }

  @AfterEach
  void stop() {
    peerServer.stop(0);
    ds.close();
  }

  @Test
  void storesTheValidObjectsCountsTheRestAndMovesTheCursorPageByPage() {
    assertThat(task().run()).isEqualTo(3);

    Cursor cursor = cursors.find("est", Direction.PULL, "intel").orElseThrow();
    assertThat(cursor.position()).isEqualTo(T2);
    assertThat(cursor.objects()).isEqualTo(3);
    assertThat(cursor.rejected())
        .as("the invalid object and the item that is not an object")
        .isEqualTo(2);
    assertThat(stored()).containsExactlyInAnyOrder(A, B, C);
    assertThat(
            store
                .page(new ObjectQuery("intel", 0, Set.of(), Set.of(), Set.of(), 10), o -> true)
                .items())
        .allSatisfy(o -> assertThat(o.originNation()).isEqualTo("EST"))
        .allSatisfy(o -> assertThat(o.addedBy()).isEqualTo("peer:est"));
    // the second page was asked for after the first one's last date_added; the peer said there was
    // no more
    assertThat(askedAfter).containsExactly("", T1);

    // nothing new: the next cycle asks after the second page, stores nothing and the cursor stays
    assertThat(task().run()).isZero();
    assertThat(askedAfter).containsExactly("", T1, T2);
    assertThat(cursors.find("est", Direction.PULL, "intel").orElseThrow().position()).isEqualTo(T2);
  }

  @Test
  void fetchingAgainFromTheStartStoresNothingTwice() {
    task().run();
    cursors.save(Cursor.start("est", Direction.PULL, "intel"));

    assertThat(task().run()).isZero();
    assertThat(stored()).containsExactlyInAnyOrder(A, B, C);
  }

  @Test
  void aFailedPageLeavesTheCursorAfterTheLastPageStored() {
    secondPageFails.set(true);

    assertThatThrownBy(() -> task().run()).hasMessageContaining("500");

    Cursor cursor = cursors.find("est", Direction.PULL, "intel").orElseThrow();
    assertThat(cursor.position()).isEqualTo(T1);
    assertThat(cursor.failing()).isTrue();
    assertThat(stored()).containsExactlyInAnyOrder(A, B);

    secondPageFails.set(false);
    assertThat(task().run()).isEqualTo(1);
    assertThat(stored()).containsExactlyInAnyOrder(A, B, C);
    assertThat(cursors.find("est", Direction.PULL, "intel").orElseThrow().failing()).isFalse();
  }

  private PullTask task() {
    Peer peer =
        new Peer(
            "est",
            "EST",
            URI.create("http://127.0.0.1:" + peerServer.getAddress().getPort() + "/bulwark/"),
            "",
            "token",
            "",
            "",
            List.of("intel"),
            List.of(),
            Duration.ofSeconds(1));
    TaxiiClient client =
        TaxiiClient.builder().bearer("token").timeout(Duration.ofSeconds(10)).build();
    return new PullTask(
        peer,
        "intel",
        "FIN",
        client,
        store,
        new StixValidator(),
        new AccessPolicy(store),
        cursors,
        new FederationMetrics(new SimpleMeterRegistry()),
        now::incrementAndGet);
  }

  private List<String> stored() {
    return store
        .page(new ObjectQuery("intel", 0, Set.of(), Set.of(), Set.of(), 100), o -> true)
        .items()
        .stream()
        .map(StoredObject::objectId)
        .toList();
  }

  private void servePage(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    String after = "";
    for (String part : query == null ? new String[0] : query.split("&")) {
      if (part.startsWith("added_after=")) {
        after = URLDecoder.decode(part.substring("added_after=".length()), StandardCharsets.UTF_8);
      }
    }
    askedAfter.add(after);
    Map<String, String> pages =
        Map.of(
            "",
            "{\"more\":true,\"objects\":["
                + indicator(A)
                + ","
                + invalid(BAD)
                + ",42,"
                + indicator(B)
                + "]}",
            T1,
            "{\"more\":false,\"objects\":[" + indicator(C) + "]}",
            T2,
            "{\"more\":false}");
    String body = pages.get(after);
    int status = 200;
    if (body == null || after.equals(T1) && secondPageFails.get()) {
      status = 500;
      body = "{\"title\":\"boom\"}";
    }
    exchange.getResponseHeaders().add("Content-Type", TaxiiClient.MEDIA_TYPE);
    if (after.isEmpty()) {
      exchange.getResponseHeaders().add("X-TAXII-Date-Added-Last", T1);
    } else if (after.equals(T1)) {
      exchange.getResponseHeaders().add("X-TAXII-Date-Added-Last", T2);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static String indicator(String id) {
    return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\""
        + id
        + "\","
        + "\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\",\"name\":\"x\","
        + "\"pattern\":\"[ipv4-addr:value = '198.51.100.7']\",\"pattern_type\":\"stix\","
        + "\"valid_from\":\"2026-01-01T00:00:00.000Z\"}";
  }

  /** An indicator without its required pattern. */
  private static String invalid(String id) {
    return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\""
        + id
        + "\","
        + "\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\","
        + "\"pattern_type\":\"stix\",\"valid_from\":\"2026-01-01T00:00:00.000Z\"}";
  }
}
