package dev.bulwark.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.federation.CursorStore.Direction;
import dev.bulwark.node.security.AccessPolicy;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.taxii.client.TaxiiClient;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Tlp;
import dev.bulwark.stix.validation.StixValidator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A FIN node pulls from the EST node (a real HTTP server on loopback that plays the peer and sends
 * {@code x_bulwark_provenance}) into a real H2 store: objects are stored under the origin the peer
 * claims with the peer added to the relay chain, and what a relay must never hand over is refused
 * (issue 14, finding 4).
 */
class PullProvenanceTest {
  private static final String T1 = "2026-01-01T00:00:01.000000Z";

  @TempDir Path home;
  private HttpServer peerServer;
  private HikariDataSource ds;
  private ObjectStore store;
  private CursorStore cursors;
  private final AtomicReference<String> page = new AtomicReference<>();
  private final AtomicLong now = new AtomicLong(1_000);

  @BeforeEach
  void start() throws IOException {
    peerServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    peerServer.createContext("/bulwark/collections/intel/objects/", this::serve);
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

  @Test
  void pulledObjectsKeepTheirOriginAndTheRelayChainGrowsByThePeer() {
    page.set(
        envelope(
            List.of(
                indicator(1, Tlp.GREEN),
                indicator(2, Tlp.GREEN),
                indicator(3, Tlp.AMBER),
                indicator(4, Tlp.CLEAR)),
            List.of(claim("DEU"), claim("DEU", "LVA"), claim("EST"), claim("DEU", "LVA", "POL"))));

    assertThat(task().run()).isEqualTo(4);

    // straight from the origin's relay, relayed once and twice before, and the peer's own object
    assertThat(provenances())
        .containsEntry(id(1), "DEU via [EST]")
        .containsEntry(id(2), "DEU via [LVA, EST]")
        .containsEntry(id(3), "EST via []")
        .containsEntry(id(4), "DEU via [LVA, POL, EST]")
        .hasSize(4);
  }

  @Test
  void finding4_aRelayNeverHandsOverRedOurOwnObjectsOrWhatItsNationMayNotRead() {
    page.set(
        envelope(
            List.of(
                indicator(1, Tlp.RED),
                indicator(2, Tlp.AMBER_STRICT),
                indicator(3, Tlp.GREEN),
                indicator(4, Tlp.GREEN)),
            List.of(claim("DEU"), claim("DEU"), claim("FIN"), claim("DEU"))));

    assertThat(task().run()).isEqualTo(1);

    assertThat(provenances()).containsOnlyKeys(id(4));
    // RED and the DEU object EST may not read are refused; FIN's own object coming back is dropped
    assertThat(cursors.find("est", Direction.PULL, "intel").orElseThrow().rejected()).isEqualTo(2);
  }

  @Test
  void anEnvelopeWhoseClaimsDoNotAlignIsRefusedWholeInsteadOfTakingThePeersNation() {
    page.set(
        "{\"more\":false,\"objects\":["
            + indicator(1, Tlp.GREEN)
            + ","
            + indicator(2, Tlp.GREEN)
            + "],\"x_bulwark_provenance\":["
            + claim("DEU")
            + "]}");

    assertThat(task().run()).isZero();

    assertThat(provenances()).isEmpty();
    assertThat(cursors.find("est", Direction.PULL, "intel").orElseThrow().rejected()).isEqualTo(2);
  }

  @Test
  void anOlderPeerThatSaysNothingIsTheOriginOfWhatItSendsButNeverOfOurOwnObjects() {
    store.add("intel", object(indicator(1, Tlp.GREEN)), new Provenance("FIN", "analyst"));
    page.set(
        "{\"more\":false,\"objects\":["
            + indicator(1, Tlp.GREEN)
            + ","
            + indicator(2, Tlp.GREEN)
            + "]}");

    assertThat(task().run()).isEqualTo(1);

    assertThat(provenances())
        .containsEntry(id(1), "FIN via []")
        .containsEntry(id(2), "EST via []")
        .hasSize(2);
  }

  @Test
  void finding6_aPeerCannotPublishANewerVersionOfAnObjectItCanReadByServingIt() {
    store.add("intel", object(indicator(1, Tlp.GREEN)), new Provenance("FIN", "analyst"));
    String newer =
        indicator(1, Tlp.GREEN)
            .replace(
                "\"modified\":\"2026-01-01T00:00:00.000Z\"",
                "\"modified\":\"2026-01-02T00:00:00.000Z\"");
    // as the peer's own, as a third nation's, and as ours
    page.set(
        envelope(List.of(newer, newer, newer), List.of(claim("EST"), claim("DEU"), claim("FIN"))));

    assertThat(task().run()).isZero();

    assertThat(provenances()).containsExactly(Map.entry(id(1), "FIN via []"));
    assertThat(cursors.find("est", Direction.PULL, "intel").orElseThrow().rejected()).isEqualTo(2);
  }

  private static NewObject object(String json) {
    return NewObject.from(StixObject.of((ObjectNode) JsonMapper.builder().build().readTree(json)));
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

  /** Every stored row as id to "origin via [relays]". */
  private Map<String, String> provenances() {
    Map<String, String> out = new TreeMap<>();
    for (StoredObject o :
        store
            .page(new ObjectQuery("intel", 0, Set.of(), Set.of(), Set.of(), 100), x -> true)
            .items()) {
      assertThat(out.put(o.objectId(), o.originNation() + " via " + o.relayedVia()))
          .as("one row per object")
          .isNull();
    }
    return out;
  }

  private void serve(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    boolean first = query == null || !query.contains("added_after=");
    String body = first ? page.get() : "{\"more\":false}";
    exchange.getResponseHeaders().add("Content-Type", TaxiiClient.MEDIA_TYPE);
    if (first) {
      exchange.getResponseHeaders().add("X-TAXII-Date-Added-Last", T1);
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static String envelope(List<String> objects, List<String> claims) {
    return "{\"more\":false,\"objects\":["
        + String.join(",", objects)
        + "],\"x_bulwark_provenance\":["
        + String.join(",", claims)
        + "]}";
  }

  private static String claim(String origin, String... relays) {
    StringBuilder b = new StringBuilder("{\"origin\":\"" + origin + "\",\"relayed_via\":[");
    for (int i = 0; i < relays.length; i++) {
      b.append(i == 0 ? "\"" : ",\"").append(relays[i]).append('"');
    }
    return b.append("]}").toString();
  }

  private static String id(int n) {
    return String.format("indicator--0c000000-0000-4000-8000-%012d", n);
  }

  private static String indicator(int n, Tlp tlp) {
    return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\""
        + id(n)
        + "\","
        + "\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\",\"name\":\"x\","
        + "\"pattern\":\"[ipv4-addr:value = '198.51.100.7']\",\"pattern_type\":\"stix\","
        + "\"valid_from\":\"2026-01-01T00:00:00.000Z\",\"object_marking_refs\":[\""
        + tlp.markingDefinitionId()
        + "\"]}";
  }
}
