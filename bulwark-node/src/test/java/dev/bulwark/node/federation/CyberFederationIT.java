package dev.bulwark.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectQuery;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Page;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.node.store.TempDirs;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.markings.Tlp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17 between real node processes: Estonia's sensor sees two indicators of Estonia's at work,
 * one TLP:GREEN and one TLP:AMBER (Estonia only); Estonia's sensors' owner releases what they see
 * to Finland. The first sighting is marked TLP:AMBER releasable to Finland and reaches Finland's
 * node, never Latvia's; the second never leaves Estonia. Three nodes, full mesh over {@code intel}
 * and {@code sightings}.
 */
class CyberFederationIT {
  private static final List<String> NATIONS = List.of("EST", "FIN", "LVA");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final String GREEN = "indicator--aaaaaaaa-1111-4111-8111-111111111111";
  static final String AMBER = "indicator--aaaaaaaa-2222-4222-8222-222222222222";

  private final Map<String, NodeProcess> nodes = new LinkedHashMap<>();

  @AfterEach
  void stopAll() throws InterruptedException {
    for (NodeProcess n : nodes.values()) {
      n.close();
    }
  }

  static String indicator(String id, String address, Tlp tlp) {
    return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\""
        + id
        + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\","
        + "\"pattern_type\":\"stix\",\"valid_from\":\"2016-01-01T00:00:00Z\",\"pattern\":"
        + "\"[ipv4-addr:value = '"
        + address
        + "']\",\"object_marking_refs\":[\""
        + tlp.markingDefinitionId()
        + "\"]}";
  }

  @Test
  void aSightingReachesExactlyTheNodesItsMarkingsAllow() throws Exception {
    Path root = TempDirs.create("bulwark-cyber-federation-");
    for (String nation : NATIONS) {
      nodes.put(nation, new NodeProcess(nation, root.resolve(nation), NodeProcess.freePort()));
    }
    Mesh mesh = new Mesh();
    String sensorToken = null;
    for (NodeProcess n : nodes.values()) {
      Files.createDirectories(n.home);
      Files.writeString(
          n.home.resolve("bulwark.properties"),
          "bulwark.nation="
              + n.nation
              + "\nbulwark.cyber.releasable-to=FIN\nbulwark.cyber.index-ttl=PT0S\n");
      try (HikariDataSource ds =
          NodeDatabase.open(NodeDatabase.defaultUrl(n.home), "bulwark", "", 1)) {
        ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
        for (String c : List.of("intel", "sightings")) {
          store.ensureCollection(new CollectionInfo(c, c, "federated", Set.of()));
        }
        PrincipalStore principals = new PrincipalStore(ds, Clock.systemUTC(), 1_000);
        if (n.nation.equals("EST")) {
          StixCodec codec = new StixCodec();
          for (String json :
              List.of(
                  indicator(GREEN, "198.51.100.1", Tlp.GREEN),
                  indicator(AMBER, "198.51.100.2", Tlp.AMBER))) {
            store.add(
                "intel", NewObject.from(codec.parseObject(json)), new Provenance("EST", "analyst"));
          }
          sensorToken =
              principals
                  .add("plant", "EST", Set.of(Role.SENSOR), Optional.empty(), 0, Optional.empty())
                  .token();
        }
        mesh.issuePeerTokens(principals, n.nation, NATIONS);
      }
    }
    mesh.connect(nodes.values(), List.of("intel", "sightings"), List.of("intel", "sightings"));
    Mesh.start(nodes.values());

    HttpResponse<String> posted = postEvents(nodes.get("EST"), "plant", sensorToken);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    assertThat(JSON.readTree(posted.body()).path("sightings").asLong()).isEqualTo(2);

    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (sightingsOf(nodes.get("FIN")).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    Thread.sleep(3_000); // a few more rounds of every peer's pull and push
    Set<String> atEst = sightingsOf(nodes.get("EST"));
    Set<String> atFin = sightingsOf(nodes.get("FIN"));
    Set<String> atLva = sightingsOf(nodes.get("LVA"));
    assertThat(atEst).containsExactlyInAnyOrder(GREEN, AMBER);
    assertThat(atFin).as("Finland holds the sighting released to it, only").containsExactly(GREEN);
    assertThat(atLva).as("Latvia holds no sighting (a leak)").isEmpty();
  }

  private static HttpResponse<String> postEvents(NodeProcess n, String user, String token)
      throws Exception {
    String now = Instant.now().toString();
    String body =
        "{\"timestamp\":\""
            + now
            + "\",\"event_type\":\"flow\",\"src_ip\":\"10.1.2.3\","
            + "\"dest_ip\":\"198.51.100.1\",\"dest_port\":443,\"proto\":\"TCP\"}\n"
            + "{\"timestamp\":\""
            + now
            + "\",\"event_type\":\"flow\",\"src_ip\":\"10.1.2.3\","
            + "\"dest_ip\":\"198.51.100.2\",\"dest_port\":443,\"proto\":\"TCP\"}\n";
    HttpRequest r =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + n.port + "/api/cyber/events?format=eve"))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
  }

  /** The indicators the node holds sightings of (its whole sightings collection). */
  private static Set<String> sightingsOf(NodeProcess node) {
    Set<String> of = new TreeSet<>();
    try (HikariDataSource ds =
        NodeDatabase.open(NodeDatabase.defaultUrl(node.home), "bulwark", "", 1)) {
      ObjectStore store = new ObjectStore(ds, Clock.systemUTC());
      Page page =
          store.page(
              new ObjectQuery("sightings", 0, Set.of("sighting"), Set.of(), Set.of(), 1000),
              ReadFilter.SYSTEM);
      for (StoredObject o : page.items()) {
        JsonNode s = JSON.readTree(o.json());
        of.add(s.path("sighting_of_ref").asString());
      }
    }
    return of;
  }
}
