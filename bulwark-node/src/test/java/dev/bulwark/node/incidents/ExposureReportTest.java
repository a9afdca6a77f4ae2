package dev.bulwark.node.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.node.security.Role;
import dev.bulwark.node.store.NewObject;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.Provenance;
import dev.bulwark.node.testing.NodeHttp;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixTimestamps;
import dev.bulwark.stix.markings.Tlp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public exposure report on a real node: CLEAR and AMBER material posted together (incidents, a
 * nation-listed CLEAR incident, attributions and responses of both, a CLEAR incident with an AMBER
 * granular marking on its description), one report asked for all of it; no AMBER text, id or count
 * reaches the public page or its STIX, and the preview says what is withheld and why.
 */
class ExposureReportTest {
  static RegisterNode node;
  static NodeHttp est;
  static List<String> secrets = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    node = new RegisterNode();
    est = node.as("est-analyst", "EST", EnumSet.of(Role.READER, Role.CONTRIBUTOR));
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  static String create(String name, String tlp, String rel, String description) {
    HttpResponse<String> r =
        est.postJson(
            "/api/incidents",
            "{\"name\":\""
                + name
                + "\",\"kind\":\"sabotage-undersea\",\"description\":\""
                + description
                + "\",\"first_seen\":\"2023-10-08T00:20:00Z\","
                + "\"location\":{\"lat\":59.5,\"lon\":24.4},"
                + "\"kind_fields\":{\"asset_type\":\"pipeline\",\"asset_name\":\"Balticconnector\"},"
                + "\"marking\":{\"tlp\":\""
                + tlp
                + "\",\"releasable_to\":["
                + rel
                + "]}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return NodeHttp.JSON.readTree(r.body()).path("id").asString();
  }

  static String attribute(String id, String actor, String tlp, int confidence) {
    HttpResponse<String> r =
        est.postJson(
            "/api/incidents/" + id + "/attributions",
            "{\"attributed_to\":{\"type\":\"threat-actor\",\"name\":\""
                + actor
                + "\"},\"confidence\":"
                + confidence
                + ",\"estimative_term\":\"likely\",\"admiralty_code\":\"B2\",\"state_responsibility\":\"state-coordinated\",\"marking\":{\"tlp\":\""
                + tlp
                + "\"}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return NodeHttp.JSON.readTree(r.body()).path("id").asString();
  }

  static String respond(String id, String option, String tlp, String text) {
    HttpResponse<String> r =
        est.postJson(
            "/api/incidents/" + id + "/responses",
            "{\"option\":\""
                + option
                + "\",\"status\":\"decided\",\"outcome_text\":\""
                + text
                + "\",\"coordinated_with\":[\"FIN\"],\"marking\":{\"tlp\":\""
                + tlp
                + "\"}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return NodeHttp.JSON.readTree(r.body()).path("id").asString();
  }

  /** A CLEAR incident whose description carries an AMBER granular marking (as TAXII would). */
  static String granular() {
    String t = StixTimestamps.formatMillis(System.currentTimeMillis());
    ObjectNode o = RegisterStix.JSON.createObjectNode();
    o.put("type", "incident").put("spec_version", "2.1");
    o.put("id", "incident--1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5");
    o.put("created", t).put("modified", t);
    o.put("name", "Clear with a granular part");
    o.put("description", "GranularAmberSecretText");
    o.putArray("object_marking_refs").add(Tlp.CLEAR.markingDefinitionId());
    o.putArray("granular_markings")
        .addObject()
        .put("marking_ref", Tlp.AMBER.markingDefinitionId())
        .putArray("selectors")
        .add("description");
    RegisterStix.registerExt(o).put("kind", "sabotage-undersea").put("status", "reported");
    node.bean(ObjectStore.class)
        .addAll(
            RegisterReads.COLLECTION,
            List.of(NewObject.from(StixObject.of(o))),
            new Provenance("EST", "est-analyst"));
    return o.path("id").asString();
  }

  @Test
  void noAmberTextIdOrCountReachesThePublicPage() {
    String clear = create("ClearBalticconnectorDamage", "clear", "", "Anchor dragged 60 km");
    String amber = create("AmberSecretIncidentName", "amber", "", "AmberSecretDescription");
    String listed = create("NationListedClearName", "clear", "\"FIN\"", "NationListedText");
    String clearActor = attribute(clear, "ClearActorName", "clear", 60);
    String amberActor = attribute(clear, "AmberActorName", "amber", 90);
    String clearResponse = respond(clear, "public-attribution", "clear", "ClearOutcomeText");
    String amberResponse = respond(clear, "expulsion", "amber", "AmberOutcomeText");
    respond(amber, "sanctions-proposal", "clear", "ClearResponseOnAmberIncident");
    String part = granular();

    List<String> asked = List.of(clear, amber, listed, part);
    JsonNode preview =
        NodeHttp.JSON.readTree(
            est.postJson(
                    "/api/exposure/preview",
                    "{\"incident_ids\":" + NodeHttp.JSON.valueToTree(asked) + "}")
                .body());
    assertThat(preview.path("published")).hasSize(2);
    String withheld = preview.path("withheld").toString();
    assertThat(withheld).contains(amber).contains("marked TLP:AMBER");
    assertThat(withheld).contains(listed).contains("releasable to a list of nations");
    assertThat(withheld).contains(amberActor).contains(amberResponse);
    assertThat(withheld).contains("\"field\":\"description\"");

    HttpResponse<String> published =
        est.postJson(
            "/api/exposure",
            "{\"title\":\"Exposure: Baltic undersea sabotage\",\"incident_ids\":"
                + NodeHttp.JSON.valueToTree(asked)
                + "}");
    assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
    String id = NodeHttp.JSON.readTree(published.body()).path("id").asString();
    NodeHttp anonymous = NodeHttp.anonymous(node.base);
    HttpResponse<String> page = anonymous.get("/public/exposure/" + id);
    HttpResponse<String> stix = anonymous.get("/public/exposure/" + id + "/stix");
    assertThat(page.statusCode()).isEqualTo(200);
    // the preview draws its page with the published page's renderer: the same sections, verbatim
    String previewPage = preview.path("page").asString();
    assertThat(previewPage).contains("ClearBalticconnectorDamage");
    assertThat(sections(previewPage)).isEqualTo(sections(page.body()));
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    for (HttpResponse<String> r : List.of(page, stix)) {
      String body = r.body();
      assertThat(body).contains("ClearBalticconnectorDamage").contains("ClearActorName");
      for (String secret :
          List.of(
              "AmberSecretIncidentName",
              "AmberSecretDescription",
              amber,
              "NationListedClearName",
              "NationListedText",
              listed,
              "AmberActorName",
              amberActor,
              "AmberOutcomeText",
              amberResponse,
              "ClearResponseOnAmberIncident",
              "GranularAmberSecretText",
              Tlp.AMBER.markingDefinitionId(),
              "withheld",
              "AMBER")) {
        assertThat(body).as(secret).doesNotContain(secret);
      }
    }
    assertThat(page.body()).contains("public attribution, decided");
    assertThat(stix.body())
        .contains("ClearOutcomeText")
        .contains(clearActor)
        .contains(clearResponse)
        .contains(clear);
    // the page counts only what it shows: two incidents
    assertThat(page.body().split("<section>", -1)).hasSize(3);
    assertThat(anonymous.get("/public/exposure").body()).contains(id).doesNotContain(amber);
    assertThat(anonymous.get("/api/exposure/preview").statusCode()).isIn(401, 405);
  }

  @Test
  void aSelectionWithNothingPublicIsNotPublished() {
    String amber = create("OnlyAmber", "amber", "", "x");
    HttpResponse<String> r =
        est.postJson("/api/exposure", "{\"title\":\"t\",\"incident_ids\":[\"" + amber + "\"]}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).doesNotContain("OnlyAmber");
    assertThat(NodeHttp.anonymous(node.base).get("/public/exposure/nope").statusCode())
        .isEqualTo(404);
  }

  /** The incident sections of an exposure page (between the header and the footer). */
  private static String sections(String page) {
    return page.substring(page.indexOf("<section>"), page.indexOf("<footer>"));
  }
}
