package dev.bulwark.node.cyber;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.security.PrincipalStore;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.markings.Tlp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cyber API of a real node (nation EST) over HTTP: sensors of two nations post real Suricata
 * lines; each is matched only against what its nation may read; sightings are read through the
 * gate. The attacker is Estonia's sensor probing for an indicator only Finland may read: no
 * sighting, no count, no error tells it apart from an indicator that does not exist.
 */
class CyberApiTest {
  static ConfigurableApplicationContextHolder node = new ConfigurableApplicationContextHolder();
  static String base;
  static CyberHttp estSensor;
  static CyberHttp finSensor;
  static CyberHttp estReader;
  static CyberHttp finReader;

  static final String GREEN_EST = "indicator--11111111-1111-4111-8111-111111111111";
  static final String FIN_ONLY = "indicator--22222222-2222-4222-8222-222222222222";

  /** A DNS query of the real surevego capture, with the name changed per test. */
  static String dns(String name, String at) {
    return "{\"timestamp\":\""
        + at
        + "\",\"event_type\":\"dns\",\"src_ip\":\"172.17.0.2\",\"src_port\":47719,"
        + "\"dest_ip\":\"172.21.3.254\",\"dest_port\":53,\"proto\":\"UDP\",\"dns\":{\"type\":\"query\","
        + "\"id\":22800,\"rrname\":\""
        + name
        + "\",\"rrtype\":\"A\",\"tx_id\":0}}\n";
  }

  static String http(String at) {
    return "{\"timestamp\":\""
        + at
        + "\",\"event_type\":\"http\",\"src_ip\":\"172.17.0.2\",\"src_port\":41402,"
        + "\"dest_ip\":\"54.230.202.37\",\"dest_port\":80,\"proto\":\"TCP\",\"http\":{\"hostname\":"
        + "\"deb.debian.org\",\"url\":\"/debian/pool/main/p/perl/perl-base_5.24.1-1_amd64.deb\","
        + "\"http_method\":\"GET\",\"protocol\":\"HTTP/1.1\",\"status\":200}}\n";
  }

  static String indicator(String id, String pattern, String marking) {
    return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\""
        + id
        + "\",\"created\":\"2024-01-01T00:00:00.000Z\",\"modified\":\"2024-01-01T00:00:00.000Z\","
        + "\"name\":\"test indicator\",\"pattern_type\":\"stix\",\"valid_from\":\"2016-01-01T00:00:00Z\","
        + "\"pattern\":\""
        + pattern
        + "\",\"object_marking_refs\":[\""
        + marking
        + "\"]}";
  }

  @BeforeAll
  static void start() throws Exception {
    Path home = Files.createTempDirectory("bulwark-cyber-test-");
    node.context =
        BulwarkNodeApplication.start(
            "--server.port=0",
            "--bulwark.home=" + home,
            "--spring.datasource.url=" + NodeDatabase.defaultUrl(home),
            "--logging.level.root=WARN",
            "--bulwark.nation=EST",
            "--bulwark.maritime.enabled=false",
            "--bulwark.security.pbkdf2-iterations=1000",
            "--bulwark.cyber.index-ttl=PT0S",
            "--bulwark.cyber.max-body-bytes=200000");
    node.home = home;
    base = "http://localhost:" + node.context.getEnvironment().getProperty("local.server.port");
    ObjectStore store = node.context.getBean(ObjectStore.class);
    store.ensureCollection(new CollectionInfo("intel", "Intel", "", Set.of()));
    StixCodec codec = new StixCodec();
    store.add(
        "intel",
        NewObject.from(
            codec.parseObject(
                indicator(
                    GREEN_EST,
                    "[ipv4-addr:value = '54.230.202.37']",
                    Tlp.GREEN.markingDefinitionId()))),
        new Provenance("EST", "est-analyst"));
    store.add(
        "intel",
        NewObject.from(
            codec.parseObject(
                indicator(
                    FIN_ONLY,
                    "[domain-name:value = 'prod.debian.map.fastly.net']",
                    Tlp.AMBER_STRICT.markingDefinitionId()))),
        new Provenance("FIN", "fin-analyst"));
    estSensor = as("est-sensor", "EST", EnumSet.of(Role.SENSOR));
    finSensor = as("fin-sensor", "FIN", EnumSet.of(Role.SENSOR));
    estReader = as("est-reader", "EST", EnumSet.of(Role.READER));
    finReader = as("fin-reader", "FIN", EnumSet.of(Role.READER));
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  static CyberHttp as(String name, String nation, Set<Role> roles) {
    String token =
        node.context
            .getBean(PrincipalStore.class)
            .add(name, nation, roles, Optional.empty(), 0L, Optional.empty())
            .token();
    return new CyberHttp(base, name, token);
  }

  static JsonNode post(CyberHttp who, String body) {
    HttpResponse<String> r = who.post("/api/cyber/events?format=eve", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    ObjectNode o = (ObjectNode) CyberHttp.JSON.readTree(r.body());
    o.remove("events_per_second");
    return o;
  }

  @Test
  void aSensorsMatchesBecomeOneSightingItsReadersSee() {
    JsonNode r =
        post(
            estSensor,
            http("2017-01-30T16:12:36.177408+0100")
                + http("2017-01-30T16:12:37.177408+0100")
                + "not json\n");
    assertThat(r.path("events").asLong()).isEqualTo(2);
    assertThat(r.path("matches").asLong()).isEqualTo(2);
    assertThat(r.path("rejected").path("not_json").asLong()).isEqualTo(1);
    JsonNode list = estReader.getJson("/api/cyber/sightings?indicator=" + GREEN_EST);
    assertThat(list).hasSize(1);
    assertThat(list.get(0).path("count").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(list.get(0).path("sensor_name").asString()).isEqualTo("est-sensor");
    String id = list.get(0).path("id").asString();
    JsonNode one = estReader.getJson("/api/cyber/sightings/" + id);
    assertThat(one.path("sighting").path("sighting_of_ref").asString()).isEqualTo(GREEN_EST);
    assertThat(one.path("observed_data")).isNotEmpty();
    assertThat(estReader.getJson("/api/cyber/overview").path("top_indicators").toString())
        .contains(GREEN_EST);
  }

  @Test
  void aSensorNeverLearnsOfAnIndicatorOnlyAnotherNationMayRead() {
    // the same post, once naming FIN's indicator's value and once a value no indicator names
    JsonNode probing =
        post(estSensor, dns("prod.debian.map.fastly.net", "2017-01-30T16:12:27.008407+0100"));
    JsonNode control = post(estSensor, dns("nothing.example", "2017-01-30T16:12:27.008407+0100"));
    assertThat(probing).isEqualTo(control);
    assertThat(probing.path("matches").asLong()).isZero();
    assertThat(estReader.getJson("/api/cyber/sightings?indicator=" + FIN_ONLY)).isEmpty();
    // Finland's sensor sees the same event as a sighting only Finland reads
    JsonNode fin =
        post(finSensor, dns("prod.debian.map.fastly.net", "2017-01-30T16:12:27.008407+0100"));
    assertThat(fin.path("matches").asLong()).isEqualTo(1);
    JsonNode finList = finReader.getJson("/api/cyber/sightings?indicator=" + FIN_ONLY);
    assertThat(finList).hasSize(1);
    String id = finList.get(0).path("id").asString();
    HttpResponse<String> denied = estReader.get("/api/cyber/sightings/" + id);
    HttpResponse<String> missing =
        estReader.get("/api/cyber/sightings/sighting--00000000-0000-4000-8000-000000000000");
    assertThat(denied.statusCode()).isEqualTo(404);
    assertThat(denied.body()).isEqualTo(missing.body());
    assertThat(estReader.getJson("/api/cyber/overview").toString()).doesNotContain(FIN_ONLY);
    assertThat(estReader.getJson("/api/cyber/sightings").toString()).doesNotContain(FIN_ONLY);
  }

  @Test
  void anIndicatorPostedOverTaxiiMatchesEventsOfNow() throws Exception {
    String now = Instant.now().toString();
    String id = "indicator--33333333-3333-4333-8333-333333333333";
    String envelope =
        "{\"objects\":["
            + indicator(id, "[ipv4-addr:value = '198.51.100.77']", Tlp.GREEN.markingDefinitionId())
                .replace("2024-01-01T00:00:00.000Z", now)
                .replace("2016-01-01T00:00:00Z", now)
            + "]}";
    String token =
        node.context
            .getBean(PrincipalStore.class)
            .add(
                "est-author",
                "EST",
                Set.of(Role.CONTRIBUTOR, Role.READER),
                Optional.empty(),
                0L,
                Optional.empty())
            .token();
    CyberHttp author = new CyberHttp(base, "est-author", token);
    HttpResponse<String> added =
        author.postAs(
            "/bulwark/collections/intel/objects/", "application/taxii+json;version=2.1", envelope);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(202);
    Thread.sleep(200);
    String later = Instant.now().plusMillis(5).toString();
    JsonNode r =
        post(
            estSensor,
            "{\"timestamp\":\""
                + later
                + "\",\"event_type\":\"flow\",\"src_ip\":\"10.1.2.3\","
                + "\"dest_ip\":\"198.51.100.77\",\"dest_port\":443,\"proto\":\"TCP\"}\n");
    assertThat(r.path("matches").asLong()).as(r.toString()).isEqualTo(1);
  }

  @Test
  void onlySensorsPostAndABodyOverTheBudgetIsRefused() {
    assertThat(
            estReader
                .post("/api/cyber/events?format=eve", http("2017-01-30T16:12:36Z"))
                .statusCode())
        .isEqualTo(403);
    assertThat(estSensor.post("/api/cyber/events?format=pcap", "").statusCode()).isEqualTo(400);
    String big = dns("a.example", "2017-01-30T16:12:36Z").repeat(2000);
    assertThat(estSensor.post("/api/cyber/events?format=eve", big).statusCode()).isEqualTo(413);
  }

  /** The node and its folder, closed and deleted after the class. */
  static final class ConfigurableApplicationContextHolder {
    ConfigurableApplicationContext context;
    Path home;

    void close() {
      if (context != null) {
        context.close();
      }
      if (home != null) {
        try (var files = Files.walk(home)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
          // a leftover temp folder is not a test failure
        }
      }
    }
  }
}
