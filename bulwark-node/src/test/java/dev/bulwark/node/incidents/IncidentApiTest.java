package dev.bulwark.node.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.stix.MaritimeExtension;
import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.CollectionInfo;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.testing.NodeHttp;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.markings.Tlp;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The register's JSON API on a real node (EST) as principals of EST, FIN and LVA: registering an
 * act, the lifecycle and its audit, attributions per nation marked more tightly than the act,
 * responses, promotion of a maritime alert, the filters, and denied reads that look missing.
 */
class IncidentApiTest {
  static RegisterNode node;
  static NodeHttp est;
  static NodeHttp fin;
  static NodeHttp lva;
  static NodeHttp estReader;

  @BeforeAll
  static void start() throws Exception {
    node = new RegisterNode();
    est = node.as("est-analyst", "EST", EnumSet.of(Role.READER, Role.CONTRIBUTOR));
    fin = node.as("fin-analyst", "FIN", EnumSet.of(Role.READER, Role.CONTRIBUTOR));
    lva = node.as("lva-analyst", "LVA", EnumSet.of(Role.READER, Role.CONTRIBUTOR));
    estReader = node.as("est-reader", "EST", EnumSet.of(Role.READER));
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  /** The fields each kind needs at least (the library's kind rules). */
  static final Map<String, String> KIND_FIELDS =
      Map.of(
          "sabotage-undersea", "{\"asset_type\":\"cable\",\"asset_name\":\"Estlink 2\"}",
          "drone-overflight", "{\"site\":\"Olkiluoto\"}",
          "gnss-interference", "{\"mode\":\"jamming\"}",
          "sabotage-rail", "{\"line\":\"Tallinn-Tapa\"}",
          "arson", "{\"target\":\"warehouse\"}",
          "espionage", "{\"target\":\"harbour\"}");

  static String form(String name, String kind, String tlp, String rel, String extra) {
    if (!extra.contains("kind_fields") && KIND_FIELDS.containsKey(kind)) {
      extra = extra + ",\"kind_fields\":" + KIND_FIELDS.get(kind);
    }
    return "{\"name\":\""
        + name
        + "\",\"kind\":\""
        + kind
        + "\",\"first_seen\":\"2024-12-25T10:26:00Z\",\"location\":{\"lat\":59.9,\"lon\":25.0},"
        + "\"marking\":{\"tlp\":\""
        + tlp
        + "\",\"releasable_to\":["
        + rel
        + "]}"
        + extra
        + "}";
  }

  static String create(NodeHttp who, String body) {
    HttpResponse<String> r = who.postJson("/api/incidents", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return NodeHttp.JSON.readTree(r.body()).path("id").asString();
  }

  @Test
  void registersAnActAndMovesItThroughTheLifecycleWithAnAuditRecordPerStep() {
    String id =
        create(
            est,
            form(
                "Cable damage Estlink 2",
                "sabotage-undersea",
                "amber",
                "\"FIN\"",
                ",\"kind_fields\":{\"asset_type\":\"cable\",\"asset_name\":\"Estlink 2\"}"));
    JsonNode page = est.getJson("/api/incidents/" + id);
    assertThat(page.path("incident").path("status").asString()).isEqualTo("reported");
    assertThat(page.path("incident").path("kind_fields").path("asset_name").asString())
        .isEqualTo("Estlink 2");
    assertThat(page.path("incident").path("marking").path("releasable_to").toString())
        .contains("FIN");

    assertThat(
            est.postJson("/api/incidents/" + id + "/status", "{\"status\":\"assessed\"}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> skip =
        est.postJson("/api/incidents/" + id + "/status", "{\"status\":\"reported\"}");
    assertThat(skip.statusCode()).isEqualTo(400);
    assertThat(skip.body()).contains("$.status");

    JsonNode after = est.getJson("/api/incidents/" + id);
    assertThat(after.path("history")).hasSize(2);
    assertThat(after.path("incident").path("status_history").path(1).path("by").asString())
        .isEqualTo("est-analyst");
    assertThat(node.audit("est-analyst"))
        .anyMatch(r -> r.entry().action().equals("incident.create"))
        .anyMatch(
            r ->
                r.entry().action().equals("incident.transition")
                    && r.entry().detail().equals("reported -> assessed"));

    // FIN may read (releasable to FIN) but not add versions to EST's incident
    assertThat(fin.getJson("/api/incidents/" + id).path("incident").path("id").asString())
        .isEqualTo(id);
    assertThat(
            fin.postJson("/api/incidents/" + id + "/status", "{\"status\":\"closed\"}")
                .statusCode())
        .isEqualTo(403);
    // a reader may read but not write
    assertThat(
            estReader
                .postJson("/api/incidents/" + id + "/status", "{\"status\":\"closed\"}")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void anIncidentTheReaderMayNotSeeIsMissingEverywhere() {
    String id = create(est, form("Secret drone overflight", "drone-overflight", "amber", "", ""));
    HttpResponse<String> get = lva.get("/api/incidents/" + id);
    HttpResponse<String> none =
        lva.get("/api/incidents/incident--00000000-0000-4000-8000-000000000000");
    assertThat(get.statusCode()).isEqualTo(404);
    assertThat(get.body().replace(id, "X"))
        .isEqualTo(none.body().replace("incident--00000000-0000-4000-8000-000000000000", "X"));
    assertThat(lva.get("/api/incidents?limit=1000").body())
        .doesNotContain(id)
        .doesNotContain("Secret");
    assertThat(lva.get("/api/incidents/map").body()).doesNotContain(id);
    assertThat(
            lva.postJson("/api/incidents/" + id + "/status", "{\"status\":\"closed\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            lva.postJson(
                    "/api/incidents/" + id + "/responses",
                    "{\"option\":\"increased-posture\",\"marking\":{\"tlp\":\"green\"}}")
                .statusCode())
        .isEqualTo(404);
    assertThat(node.audit("lva-analyst")).anyMatch(r -> r.entry().decision().name().equals("DENY"));
    int lvaTotal = lva.getJson("/api/incidents/counts").path("total").asInt();
    int estTotal = est.getJson("/api/incidents/counts").path("total").asInt();
    assertThat(lvaTotal).isLessThan(estTotal);
  }

  @Test
  void eachNationHoldsItsOwnAttributionMarkedMoreTightlyThanTheAct() {
    String id =
        create(est, form("GNSS jamming Gulf of Finland", "gnss-interference", "green", "", ""));
    String estAttribution =
        "{\"attributed_to\":{\"type\":\"identity\",\"name\":\"Russian Federation\"},"
            + "\"confidence\":70,\"estimative_term\":\"very-likely\",\"admiralty_code\":\"B2\","
            + "\"state_responsibility\":\"state-executed\",\"marking\":{\"tlp\":\"amber+strict\"}}";
    String finAttribution =
        "{\"attributed_to\":{\"type\":\"identity\",\"name\":\"Russian Federation\"},"
            + "\"confidence\":40,\"estimative_term\":\"roughly-even-chance\",\"admiralty_code\":\"C3\","
            + "\"state_responsibility\":\"state-encouraged\","
            + "\"marking\":{\"tlp\":\"amber\",\"releasable_to\":[\"EST\"]}}";
    HttpResponse<String> a = est.postJson("/api/incidents/" + id + "/attributions", estAttribution);
    assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
    HttpResponse<String> b = fin.postJson("/api/incidents/" + id + "/attributions", finAttribution);
    assertThat(b.statusCode()).as(b.body()).isEqualTo(201);

    JsonNode estView = est.getJson("/api/incidents/" + id).path("attributions");
    assertThat(estView.path("EST").path(0).path("confidence").asInt()).isEqualTo(70);
    assertThat(estView.path("EST").path(0).path("admiralty_code").asString()).isEqualTo("B2");
    assertThat(estView.path("FIN").path(0).path("estimative_term").asString())
        .isEqualTo("roughly-even-chance");

    JsonNode finView = fin.getJson("/api/incidents/" + id).path("attributions");
    assertThat(finView.has("EST")).isFalse();
    assertThat(finView.path("FIN")).hasSize(1);

    HttpResponse<String> lvaPage = lva.get("/api/incidents/" + id);
    assertThat(lvaPage.statusCode()).isEqualTo(200);
    assertThat(lvaPage.body()).doesNotContain("Russian Federation").doesNotContain("very-likely");

    HttpResponse<String> bad =
        est.postJson(
            "/api/incidents/" + id + "/attributions", estAttribution.replace("\"B2\"", "\"Z9\""));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(NodeHttp.JSON.readTree(bad.body()).path("where").asString())
        .isEqualTo("$.admiralty_code");
    // the library's rule (AttributionStix.check), the same for every way an attribution comes in:
    // a state-responsibility level is required
    HttpResponse<String> noLevel =
        est.postJson(
            "/api/incidents/" + id + "/attributions",
            estAttribution.replace("\"state_responsibility\":\"state-executed\",", ""));
    assertThat(noLevel.statusCode()).isEqualTo(400);
    assertThat(NodeHttp.JSON.readTree(noLevel.body()).path("where").asString())
        .isEqualTo("$.state_responsibility");
  }

  @Test
  void logsAResponseCoordinatedWithAnAlly() {
    String id = create(est, form("Rail sabotage Tapa", "sabotage-rail", "green", "", ""));
    HttpResponse<String> r =
        est.postJson(
            "/api/incidents/" + id + "/responses",
            "{\"option\":\"diplomatic-demarche\",\"status\":\"decided\",\"decided_by\":\"MFA\","
                + "\"coordinated_with\":[\"FIN\",\"LVA\"],\"marking\":{\"tlp\":\"green\"}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode responses = fin.getJson("/api/incidents/" + id).path("responses");
    assertThat(responses).hasSize(1);
    assertThat(responses.path(0).path("option").asString()).isEqualTo("diplomatic-demarche");
    assertThat(responses.path(0).path("coordinated_with").toString()).contains("LVA");
    assertThat(responses.path(0).path("decided_by").asString()).isEqualTo("MFA");
    assertThat(node.audit("est-analyst"))
        .anyMatch(x -> x.entry().action().equals("incident.respond"));
  }

  @Test
  void filtersByKindTimeBoxAndOriginAndPages() {
    create(est, form("Filter A", "arson", "green", "", ""));
    create(fin, form("Filter B", "arson", "green", "", ""));
    JsonNode arson = est.getJson("/api/incidents?kind=arson&limit=1");
    assertThat(arson.path("total").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(arson.path("items")).hasSize(1);
    assertThat(arson.path("next_offset").asInt()).isEqualTo(1);
    JsonNode fromFin = est.getJson("/api/incidents?kind=arson&origin=FIN");
    assertThat(fromFin.path("items")).allMatch(i -> i.path("origin").asString().equals("FIN"));
    assertThat(est.getJson("/api/incidents?bbox=0,0,1,1").path("total").asInt()).isZero();
    assertThat(est.getJson("/api/incidents?since=2030-01-01T00:00:00Z").path("total").asInt())
        .isZero();
    HttpResponse<String> bad = est.get("/api/incidents?bbox=1,2,3");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("bbox");
    HttpResponse<String> badForm =
        est.postJson("/api/incidents", form("X", "piracy", "green", "", ""));
    assertThat(badForm.statusCode()).isEqualTo(400);
    assertThat(badForm.body()).contains("$.kind");
  }

  @Test
  void promotesAMaritimeAlertKeepingItsEvidence() {
    ObjectStore store = node.bean(ObjectStore.class);
    store.ensureCollection(new CollectionInfo("maritime-alerts", "alerts", "", Set.of()));
    String t = StixTimestamps.formatMillis(System.currentTimeMillis());
    ObjectNode alert = RegisterStix.JSON.createObjectNode();
    alert.put("type", "incident").put("spec_version", "2.1");
    alert.put("id", "incident--6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b");
    alert.put("created", t).put("modified", t).put("name", "Anchor drag near Estlink 2");
    alert.putArray("object_marking_refs").add(Tlp.GREEN.markingDefinitionId());
    ObjectNode ext = alert.putObject("extensions").putObject(MaritimeExtension.ID);
    ext.put("extension_type", "property-extension").put("subject", "alert");
    ext.put("kind", "anchor-drag").put("mmsi", 518998000).put("vessel_name", "EAGLE S");
    ext.put("start", "2024-12-25T10:00:00.000Z").put("end", "2024-12-25T11:00:00.000Z");
    ext.put("latitude", 59.9).put("longitude", 25.1).put("asset_name", "Estlink 2");
    ext.put("vessel_ref", "identity--0a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9");
    store.addAll(
        "maritime-alerts",
        List.of(NewObject.from(StixObject.of(alert))),
        new Provenance("EST", "maritime-watch"));

    HttpResponse<String> bad =
        fin.postJson(
            "/api/incidents/promote",
            "{\"alert_incident_id\":\"" + alert.path("id").asString() + "\"}");
    assertThat(bad.statusCode()).isEqualTo(403);
    HttpResponse<String> r =
        est.postJson(
            "/api/incidents/promote",
            "{\"alert_incident_id\":\"" + alert.path("id").asString() + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode incident = NodeHttp.JSON.readTree(r.body());
    assertThat(incident.path("kind").asString()).isEqualTo("sabotage-undersea");
    assertThat(incident.path("source").asString()).isEqualTo("maritime-alert");
    assertThat(incident.path("entities").path("mmsi").path(0).asString()).isEqualTo("518998000");
    JsonNode page = est.getJson("/api/incidents/" + incident.path("id").asString());
    assertThat(page.path("evidence").path(0).path("id").asString())
        .isEqualTo(alert.path("id").asString());
    assertThat(
            lva.postJson("/api/incidents/promote", "{\"alert_incident_id\":\"incident--nope\"}")
                .statusCode())
        .isEqualTo(404);
  }
}
