package dev.bulwark.node.cyber;

import static java.time.temporal.ChronoUnit.MILLIS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.BulwarkNodeApplication;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.NodeDatabase;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.markings.Tlp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Promoting a sighting to a hostile-act incident on a real node (EST) over HTTP: the incident is a
 * {@code cyberattack} naming the sighting and its indicator, with the sighting's markings; a wider
 * marking is refused with nothing written; a reader of another nation that may not read the
 * sighting gets exactly the answer of a missing sighting and writes nothing.
 */
class SightingPromotionTest {
  static final CyberApiTest.ConfigurableApplicationContextHolder NODE =
      new CyberApiTest.ConfigurableApplicationContextHolder();
  static final String INDICATOR = "indicator--44444444-4444-4444-8444-444444444444";
  static final String JSON = "application/json";
  static String base;
  static ObjectStore store;
  static CyberHttp estAnalyst;
  static CyberHttp estReader;
  static CyberHttp finAnalyst;
  static CyberHttp finReader;
  static String sightingId;
  static JsonNode sighting;

  @BeforeAll
  static void start() throws Exception {
    Path home = Files.createTempDirectory("bulwark-promote-test-");
    NODE.home = home;
    NODE.context =
        BulwarkNodeApplication.start(
            "--server.port=0",
            "--bulwark.home=" + home,
            "--spring.datasource.url=" + NodeDatabase.defaultUrl(home),
            "--logging.level.root=WARN",
            "--bulwark.nation=EST",
            "--bulwark.maritime.enabled=false",
            "--bulwark.security.pbkdf2-iterations=1000",
            "--bulwark.cyber.index-ttl=PT0S");
    base = "http://localhost:" + NODE.context.getEnvironment().getProperty("local.server.port");
    CyberApiTest.node = NODE;
    CyberApiTest.base = base;
    store = NODE.context.getBean(ObjectStore.class);
    store.ensureCollection(new CollectionInfo("intel", "Intel", "", Set.of()));
    store.add(
        "intel",
        NewObject.from(
            new StixCodec()
                .parseObject(
                    CyberApiTest.indicator(
                        INDICATOR,
                        "[ipv4-addr:value = '54.230.202.37']",
                        Tlp.GREEN.markingDefinitionId()))),
        new Provenance("EST", "est-analyst"));
    CyberHttp sensor = CyberApiTest.as("est-sensor", "EST", EnumSet.of(Role.SENSOR));
    estAnalyst = CyberApiTest.as("est-analyst", "EST", Set.of(Role.CONTRIBUTOR, Role.READER));
    estReader = CyberApiTest.as("est-reader", "EST", EnumSet.of(Role.READER));
    finAnalyst = CyberApiTest.as("fin-analyst", "FIN", Set.of(Role.CONTRIBUTOR, Role.READER));
    finReader = CyberApiTest.as("fin-reader", "FIN", EnumSet.of(Role.READER));
    CyberApiTest.post(
        sensor,
        CyberApiTest.http("2017-01-30T16:12:36.177408+0100")
            + CyberApiTest.http("2017-01-30T16:12:40.000000+0100"));
    JsonNode list = estReader.getJson("/api/cyber/sightings?indicator=" + INDICATOR);
    assertThat(list).hasSize(1);
    sightingId = list.get(0).path("id").asString();
    sighting = estReader.getJson("/api/cyber/sightings/" + sightingId).path("sighting");
  }

  @AfterAll
  static void stop() {
    NODE.close();
  }

  static HttpResponse<String> promote(CyberHttp who, String body) {
    return who.postAs("/api/incidents/promote-sighting", JSON, body);
  }

  static long incidents() {
    return store.count("incidents");
  }

  @Test
  void aContributorPromotesASightingToACyberattackWithTheSightingsMarkings() {
    HttpResponse<String> r = promote(estAnalyst, "{\"sighting_id\":\"" + sightingId + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String id = CyberHttp.JSON.readTree(r.body()).path("id").asString();
    assertThat(id).startsWith("incident--");
    JsonNode page = estReader.getJson("/api/incidents/" + id);
    JsonNode i = page.path("incident");
    assertThat(i.path("kind").asString()).isEqualTo("cyberattack");
    assertThat(i.path("name").asString()).isEqualTo("Sighting of test indicator");
    // the register keeps milliseconds
    assertThat(Instant.parse(i.path("first_seen").asString()))
        .isEqualTo(Instant.parse(sighting.path("first_seen").asString()).truncatedTo(MILLIS));
    assertThat(Instant.parse(i.path("last_seen").asString()))
        .isEqualTo(Instant.parse(sighting.path("last_seen").asString()).truncatedTo(MILLIS));
    assertThat(page.toString()).contains(sightingId).contains(INDICATOR);
    JsonNode stored = CyberHttp.JSON.readTree(storedJson(id));
    assertThat(stored.path("object_marking_refs")).isEqualTo(sighting.path("object_marking_refs"));
    // a narrower choice is accepted
    HttpResponse<String> strict =
        promote(
            estAnalyst,
            "{\"sighting_id\":\"" + sightingId + "\",\"marking\":{\"tlp\":\"amber+strict\"}}");
    assertThat(strict.statusCode()).as(strict.body()).isEqualTo(201);
  }

  @Test
  void aWiderMarkingIsRefusedAndNothingIsWritten() {
    long before = incidents();
    for (String marking :
        new String[] {
          "{\"tlp\":\"green\"}",
          "{\"tlp\":\"clear\"}",
          "{\"tlp\":\"amber\",\"releasable_to\":[\"LVA\"]}"
        }) {
      HttpResponse<String> r =
          promote(
              estAnalyst, "{\"sighting_id\":\"" + sightingId + "\",\"marking\":" + marking + "}");
      assertThat(r.statusCode()).as(marking + " " + r.body()).isEqualTo(400);
      JsonNode e = CyberHttp.JSON.readTree(r.body());
      assertThat(e.path("where").asString()).isEqualTo("$.marking");
      assertThat(e.path("reason").asString()).contains("wider than the sighting's markings");
    }
    assertThat(incidents()).isEqualTo(before);
  }

  @Test
  void aReaderMayNotPromoteAndTheConsoleIsToldSo() {
    long before = incidents();
    HttpResponse<String> r = promote(estReader, "{\"sighting_id\":\"" + sightingId + "\"}");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(incidents()).isEqualTo(before);
    assertThat(estReader.getJson("/api/cyber/overview").path("may_promote").asBoolean()).isFalse();
    assertThat(estAnalyst.getJson("/api/cyber/overview").path("may_promote").asBoolean()).isTrue();
  }

  @Test
  void anotherNationCannotPromoteASightingItMayNotReadAndLearnsNothing() {
    long before = incidents();
    assertThat(finReader.get("/api/cyber/sightings/" + sightingId).statusCode()).isEqualTo(404);
    String missingId = "sighting--00000000-0000-4000-8000-000000000000";
    for (CyberHttp attacker : new CyberHttp[] {finAnalyst, finReader}) {
      HttpResponse<String> denied = promote(attacker, "{\"sighting_id\":\"" + sightingId + "\"}");
      HttpResponse<String> missing = promote(attacker, "{\"sighting_id\":\"" + missingId + "\"}");
      assertThat(denied.statusCode()).isEqualTo(404);
      assertThat(denied.body()).isEqualTo(missing.body()).doesNotContain(sightingId, INDICATOR);
      // a marking choice changes nothing: the sighting is unknown before markings are looked at
      HttpResponse<String> wide =
          promote(
              attacker, "{\"sighting_id\":\"" + sightingId + "\",\"marking\":{\"tlp\":\"clear\"}}");
      assertThat(wide.statusCode()).isEqualTo(404);
      assertThat(wide.body()).isEqualTo(missing.body());
    }
    assertThat(incidents()).isEqualTo(before);
  }

  private static String storedJson(String incidentId) {
    return store.versions("incidents", incidentId, ReadFilter.SYSTEM).get(0).json();
  }
}
