package dev.bulwark.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.federation.CursorStore.Cursor;
import dev.bulwark.node.federation.CursorStore.Direction;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectKey;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.taxii.client.TaxiiClient;
import dev.bulwark.stix.markings.Tlp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The push of one collection against a real HTTP server on loopback that plays the peer and records
 * each POST: a page is sent in envelopes that respect the peer's max_content_length, every object
 * exactly once, and an object larger than that limit is counted as refused instead of blocking the
 * push.
 */
class PushTaskTest {
  private static final String TLP_CLEAR =
      "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path home;
  private HttpServer peerServer;
  private HikariDataSource ds;
  private ObjectStore store;
  private CursorStore cursors;
  private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
  private final AtomicLong now = new AtomicLong(1_000);

  @BeforeEach
  void start() throws IOException {
    peerServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    peerServer.createContext("/bulwark/collections/intel/objects/", this::accept);
    peerServer.start();
    Files.createDirectories(home);
    ds = NodeDatabase.open(NodeDatabase.defaultUrl(home), "bulwark", "", 2);
    store = new ObjectStore(ds, Clock.systemUTC());
    cursors = new CursorStore(ds);
    store.ensureCollection(new CollectionInfo("intel", "Intel", "test", Set.of()));
  }

  @AfterEach
  void stop() {
    peerServer.stop(0);
    ds.close();
  }

  private static NewObject indicator(int n, int padding) {
    String id = String.format("indicator--0b000000-0000-4000-8000-%012d", n);
    String json =
        "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\""
            + id
            + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\","
            + "\"description\":\""
            + "x".repeat(padding)
            + "\",\"pattern\":\"[ipv4-addr:value = '198.51.100.1']\","
            + "\"pattern_type\":\"stix\",\"valid_from\":\"2024-01-01T00:00:00Z\",\"object_marking_refs\":[\""
            + TLP_CLEAR
            + "\"]}";
    return new NewObject(
        id,
        "indicator",
        "2024-01-01T00:00:00.000Z",
        NewObject.micros("2024-01-01T00:00:00.000Z"),
        "2.1",
        List.of(TLP_CLEAR),
        json);
  }

  @Test
  void aPageIsSentInEnvelopesWithinThePeersLimitAndAnOversizeObjectIsRefused() throws Exception {
    List<NewObject> objects = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      objects.add(indicator(i, i == 17 ? 5_000 : 100));
    }
    store.addAll("intel", objects, new Provenance("EST", "analyst-1"));
    long limit = 2_000;

    long accepted = task(limit).run();

    assertThat(accepted).isEqualTo(39);
    List<String> sent = new ArrayList<>();
    for (byte[] body : bodies) {
      assertThat(body.length).as("envelope size").isLessThanOrEqualTo((int) limit);
      JsonNode envelope = JSON.readTree(body);
      envelope.path("objects").forEach(o -> sent.add(o.path("id").asString()));
      // each object's provenance, aligned: this node's nation, relayed by nobody
      assertThat(envelope.path("x_bulwark_provenance").size())
          .isEqualTo(envelope.path("objects").size());
      envelope
          .path("x_bulwark_provenance")
          .forEach(
              p -> assertThat(p.toString()).isEqualTo("{\"origin\":\"EST\",\"relayed_via\":[]}"));
    }
    assertThat(bodies.size()).as("envelopes").isGreaterThan(1);
    List<String> expected = new ArrayList<>();
    // in date_added order: the one transaction that stored them gave it in identifier-key order
    objects.stream()
        .filter(o -> !o.objectId().endsWith("000000000017"))
        .sorted(Comparator.comparingLong(o -> ObjectKey.of(o.objectId())))
        .forEach(o -> expected.add(o.objectId()));
    assertThat(sent).containsExactlyElementsOf(expected);
    Cursor cursor = cursors.find("fin", Direction.PUSH, "intel").orElseThrow();
    assertThat(cursor.objects()).isEqualTo(39);
    assertThat(cursor.rejected()).as("the object larger than the peer's limit").isEqualTo(1);

    // nothing new: nothing is sent again
    int envelopes = bodies.size();
    assertThat(task(limit).run()).isZero();
    assertThat(bodies).hasSize(envelopes);
  }

  @Test
  void finding4_redAndWhatCameFromElsewhereAreNeverPushed() {
    NewObject clear = indicator(1, 10);
    NewObject red = withMarking(indicator(2, 10), Tlp.RED.markingDefinitionId());
    store.addAll("intel", List.of(clear, red), new Provenance("EST", "analyst-1"));
    store.add("intel", indicator(3, 10), new Provenance("DEU", "peer:deu", List.of("LVA")));
    store.add("intel", indicator(4, 10), new Provenance("EST", "node-lva", List.of("LVA")));

    assertThat(task(1_000_000).run()).isEqualTo(1);

    List<String> sent = new ArrayList<>();
    bodies.forEach(
        b -> JSON.readTree(b).path("objects").forEach(o -> sent.add(o.path("id").asString())));
    assertThat(sent).containsExactly(clear.objectId());
  }

  private static NewObject withMarking(NewObject o, String marking) {
    return new NewObject(
        o.objectId(),
        o.type(),
        o.version(),
        o.versionMicros(),
        o.specVersion(),
        List.of(marking),
        o.json().replace(TLP_CLEAR, marking));
  }

  @Test
  void finding5_aPushSendsThePeerOnlyThePartsItsNationMayRead() throws Exception {
    String strict = Tlp.AMBER_STRICT.markingDefinitionId();
    String green = Tlp.GREEN.markingDefinitionId();
    String partId = "campaign--0b000000-0000-4000-8000-000000000001";
    String wholeId = "campaign--0b000000-0000-4000-8000-000000000002";
    List<NewObject> objects = new ArrayList<>();
    for (String[] c : new String[][] {{partId, "description"}, {wholeId, "name"}}) {
      String json =
          "{\"type\":\"campaign\",\"spec_version\":\"2.1\",\"id\":\""
              + c[0]
              + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\","
              + "\"name\":\"Fog\",\"description\":\"EST eyes only\",\"object_marking_refs\":[\""
              + green
              + "\"],"
              + "\"granular_markings\":[{\"marking_ref\":\""
              + strict
              + "\",\"selectors\":[\""
              + c[1]
              + "\"]}]}";
      objects.add(
          new NewObject(
              c[0],
              "campaign",
              "2024-01-01T00:00:00.000Z",
              NewObject.micros("2024-01-01T00:00:00.000Z"),
              "2.1",
              List.of(green),
              json));
    }
    store.addAll("intel", objects, new Provenance("EST", "analyst-1"));

    assertThat(task(1_000_000).run()).isEqualTo(1);

    assertThat(bodies).hasSize(1);
    String body = new String(bodies.get(0), StandardCharsets.UTF_8);
    assertThat(body).doesNotContain("EST eyes only").doesNotContain(wholeId);
    JsonNode sent = JSON.readTree(body).path("objects");
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).path("id").asString()).isEqualTo(partId);
    assertThat(sent.get(0).path("name").asString()).isEqualTo("Fog");
  }

  private PushTask task(long maxContentLength) {
    Peer peer =
        new Peer(
            "fin",
            "FIN",
            URI.create("http://127.0.0.1:" + peerServer.getAddress().getPort() + "/bulwark/"),
            "",
            "token",
            "",
            "",
            List.of(),
            List.of("intel"),
            Duration.ofSeconds(1));
    TaxiiClient client =
        TaxiiClient.builder().bearer("token").timeout(Duration.ofSeconds(10)).build();
    return new PushTask(
        peer,
        "intel",
        "EST",
        client,
        store,
        new AccessPolicy(store),
        cursors,
        new FederationMetrics(new SimpleMeterRegistry()),
        now::incrementAndGet,
        () -> maxContentLength);
  }

  private void accept(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    bodies.add(body);
    JsonNode envelope = JSON.readTree(body);
    int n = envelope.path("objects").size();
    byte[] status =
        ("{\"id\":\"s"
                + bodies.size()
                + "\",\"status\":\"complete\",\"total_count\":"
                + n
                + ",\"success_count\":"
                + n
                + ",\"failure_count\":0,\"pending_count\":0}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/taxii+json;version=2.1");
    exchange.sendResponseHeaders(202, status.length);
    exchange.getResponseBody().write(status);
    exchange.close();
  }
}
