package dev.bulwark.node.taxii.server;

import static dev.bulwark.node.taxii.server.TestNode.envelope;
import static dev.bulwark.node.taxii.server.TestNode.json;
import static dev.bulwark.node.taxii.server.TestNode.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.markings.Tlp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Finding 5 of issue 14: granular markings were not applied, so a description marked AMBER+STRICT
 * inside a GREEN object went to every reader. Now every TAXII read path (objects, object, manifest,
 * versions) gives each reader only the parts it may read, and withholds an object whose required
 * property it may not read as if it did not exist. Against a real node over HTTPS.
 */
class GranularMarkingsReadTest {
  static final String C = "/bulwark/collections/intel/";
  static final String FIN_ID = "identity--4c000000-0000-4000-8000-000000000001";
  static final String GREEN = Tlp.GREEN.markingDefinitionId();
  static final String STRICT = Tlp.AMBER_STRICT.markingDefinitionId();
  static final String SECRET = "the source is a clerk in the harbour office";
  static TestNode node;
  static String fin;
  static String deu;
  static String secretDescriptionId;
  static String secretNameId;
  static String escapedId;

  @BeforeAll
  static void load() {
    node = TestNode.get();
    fin = node.principal("granular-fin", "FIN", "reader,contributor", Optional.of(FIN_ID));
    deu = node.principal("granular-deu", "DEU", "reader", Optional.empty());
    secretDescriptionId = newId("campaign");
    secretNameId = newId("campaign");
    escapedId = newId("campaign");
    HttpResponse<String> r =
        node.post(
            C + "objects/",
            fin,
            envelope(
                campaign(
                    secretDescriptionId,
                    "Operation Fog",
                    "\"description\":\"" + SECRET + "\",",
                    "{\"marking_ref\":\"" + STRICT + "\",\"selectors\":[\"description\"]}"),
                campaign(
                    secretNameId,
                    "Operation Mist of " + SECRET,
                    "",
                    "{\"marking_ref\":\"" + STRICT + "\",\"selectors\":[\"name\"]}"),
                // the same property name written with a JSON escape, which a parser reads as
                // granular_markings
                campaign(
                        escapedId,
                        "Operation Haze",
                        "\"description\":\"" + SECRET + "\",",
                        "{\"marking_ref\":\"" + STRICT + "\",\"selectors\":[\"description\"]}")
                    .replace("\"granular_markings\"", "\"granular\\u005fmarkings\"")));
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(json(r).path("failure_count").asInt()).as(r.body()).isZero();
  }

  static String campaign(String id, String name, String extra, String granular) {
    return "{\"type\":\"campaign\",\"spec_version\":\"2.1\",\"id\":\""
        + id
        + "\","
        + "\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\","
        + "\"created_by_ref\":\""
        + FIN_ID
        + "\",\"name\":\""
        + name
        + "\","
        + extra
        + "\"object_marking_refs\":[\""
        + GREEN
        + "\"],\"granular_markings\":["
        + granular
        + "]}";
  }

  private static JsonNode only(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode objects = json(r).path("objects");
    assertThat(objects).hasSize(1);
    return objects.get(0);
  }

  private static List<String> ids(HttpResponse<String> r) {
    List<String> out = new ArrayList<>();
    json(r).path("objects").forEach(o -> out.add(o.path("id").asString()));
    return out;
  }

  @Test
  void finding5_theOriginatingNationReadsTheAmberStrictDescriptionOfItsGreenObject() {
    JsonNode o = only(node.get(C + "objects/" + secretDescriptionId + "/", fin));
    assertThat(o.path("description").asString()).isEqualTo(SECRET);
    assertThat(o.path("granular_markings")).hasSize(1);
  }

  @Test
  void finding5_anotherNationReadsTheGreenObjectWithoutItsAmberStrictDescription() {
    HttpResponse<String> r = node.get(C + "objects/" + secretDescriptionId + "/", deu);
    JsonNode o = only(r);
    assertThat(o.path("name").asString()).isEqualTo("Operation Fog");
    assertThat(o.has("description")).isFalse();
    assertThat(o.has("granular_markings")).isFalse();
    assertThat(r.body()).doesNotContain(SECRET);
    // the same through the objects endpoint
    HttpResponse<String> listed = node.get(C + "objects/?match[id]=" + secretDescriptionId, deu);
    assertThat(only(listed).has("description")).isFalse();
    assertThat(listed.body()).doesNotContain(SECRET);
  }

  @Test
  void aGranularMarkingsPropertyWrittenWithAnEscapeIsAppliedAllTheSame() {
    HttpResponse<String> r = node.get(C + "objects/" + escapedId + "/", deu);
    assertThat(only(r).has("description")).isFalse();
    assertThat(r.body()).doesNotContain(SECRET);
  }

  @Test
  void finding5_anObjectWhoseRequiredNameIsRestrictedIsWithheldWholeLikeAMissingOne() {
    HttpResponse<String> withheld = node.get(C + "objects/" + secretNameId + "/", deu);
    HttpResponse<String> missing = node.get(C + "objects/" + newId("campaign") + "/", deu);
    assertThat(withheld.statusCode()).isEqualTo(404);
    assertThat(withheld.body().replace(secretNameId, "ID"))
        .isEqualTo(missing.body().replaceAll("campaign--[0-9a-f-]+", "ID"));
    assertThat(node.get(C + "objects/" + secretNameId + "/versions/", deu).statusCode())
        .isEqualTo(404);
    HttpResponse<String> both =
        node.get(C + "objects/?match[id]=" + secretNameId + "," + secretDescriptionId, deu);
    assertThat(ids(both)).containsExactly(secretDescriptionId);
    assertThat(both.body()).doesNotContain(SECRET);
    assertThat(
            ids(
                node.get(
                    C + "manifest/?match[id]=" + secretNameId + "," + secretDescriptionId, deu)))
        .containsExactly(secretDescriptionId);
    // its origin reads it whole
    assertThat(only(node.get(C + "objects/" + secretNameId + "/", fin)).path("name").asString())
        .contains(SECRET);
  }
}
