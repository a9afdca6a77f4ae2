package dev.bulwark.stix.markings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.validation.StixValidator;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ReleasabilityMarkingTest {

  private static final String NODE_IDENTITY = "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff";
  private static final String RECIPIENT = "identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e";
  private final StixValidator validator = new StixValidator();

  @Test
  void extensionDefinitionIsValidStixAndPointsToItsSchema() {
    StixObject def = ReleasabilityMarking.extensionDefinition();
    assertThat(def.id()).isEqualTo(ReleasabilityMarking.EXTENSION_DEFINITION_ID);
    assertThat(def.type()).isEqualTo("extension-definition");
    assertThat(def.string("schema")).contains(ReleasabilityMarking.SCHEMA_URL);
    assertThat(def.json().get("extension_types").get(0).stringValue())
        .isEqualTo("property-extension");
    assertThat(validator.validate(def).findings()).isEmpty();
    StixObject creator = ReleasabilityMarking.bulwarkIdentity();
    assertThat(def.createdByRef()).contains(creator.id());
    assertThat(creator.id()).isEqualTo(ReleasabilityMarking.BULWARK_IDENTITY_ID);
    assertThat(validator.validate(creator).findings()).isEmpty();
  }

  @Test
  void schemaIsJsonAndDescribesTheProperties() {
    JsonNode schema = JsonMapper.builder().build().readTree(ReleasabilityMarking.jsonSchema());
    assertThat(schema.get("$id").stringValue()).isEqualTo(ReleasabilityMarking.SCHEMA_URL);
    assertThat(schema.at("/properties/permitted_nationalities/type").stringValue())
        .isEqualTo("array");
    assertThat(schema.at("/properties/recipients/items/pattern").stringValue())
        .startsWith("^identity--");
  }

  @Test
  void markingDefinitionCarriesTheListAndReadsBack() {
    Releasability r = new Releasability(Set.of("deu", "NATO", "UKR"), Set.of(RECIPIENT));
    StixObject m =
        ReleasabilityMarking.markingDefinition(r, NODE_IDENTITY, "2026-11-28T10:00:00.000Z");
    assertThat(m.type()).isEqualTo("marking-definition");
    assertThat(m.createdByRef()).contains(NODE_IDENTITY);
    assertThat(validator.validate(m).errors()).isEmpty();
    assertThat(ReleasabilityMarking.read(m)).contains(r);
    assertThat(r.nations()).containsExactly("DEU", "NATO", "UKR");
    assertThat(ReleasabilityMarking.carriesExtension(m)).isTrue();
    assertThat(
            m.json()
                .at(
                    "/extensions/"
                        + ReleasabilityMarking.EXTENSION_DEFINITION_ID
                        + "/extension_type")
                .stringValue())
        .isEqualTo("property-extension");
  }

  @Test
  void theSameMarkingMadeTwiceHasTheSameId() {
    Releasability r = Releasability.toNations("POL", "LTU");
    String created = "2026-11-28T10:00:00.000Z";
    assertThat(ReleasabilityMarking.markingDefinition(r, NODE_IDENTITY, created))
        .isEqualTo(
            ReleasabilityMarking.markingDefinition(
                Releasability.toNations("LTU", "POL"), NODE_IDENTITY, created));
    assertThat(ReleasabilityMarking.markingDefinition(r, NODE_IDENTITY, created).id())
        .isNotEqualTo(
            ReleasabilityMarking.markingDefinition(
                    Releasability.toNations("POL"), NODE_IDENTITY, created)
                .id());
  }

  @Test
  void malformedMarkingsDoNotRead() throws Exception {
    StixObject good =
        ReleasabilityMarking.markingDefinition(
            Releasability.toNations("DEU"), NODE_IDENTITY, "2026-11-28T10:00:00.000Z");
    ObjectNode json = good.json();
    ObjectNode ext =
        (ObjectNode) json.get("extensions").get(ReleasabilityMarking.EXTENSION_DEFINITION_ID);
    ext.putArray("permitted_nationalities").add("XXX");
    StixObject unknownNation = StixObject.of(json);
    assertThat(ReleasabilityMarking.read(unknownNation)).isEmpty();
    assertThat(ReleasabilityMarking.carriesExtension(unknownNation)).isTrue();

    ext.put("permitted_nationalities", "DEU");
    assertThat(ReleasabilityMarking.read(StixObject.of(json))).isEmpty();

    assertThat(ReleasabilityMarking.read(new StixCodec().parseObject("{\"type\":\"campaign\"}")))
        .isEmpty();
    assertThat(ReleasabilityMarking.carriesExtension(Tlp.RED.definition())).isFalse();
  }

  @Test
  void releasabilityChecksItsCodes() {
    assertThatThrownBy(() -> Releasability.toNations("XXX")).hasMessageContaining("XXX");
    assertThatThrownBy(() -> new Releasability(Set.of(), Set.of("user-1")))
        .hasMessageContaining("user-1");
    assertThatThrownBy(() -> new Releasability(Set.of(), Set.of()))
        .hasMessageContaining("at least one");
    assertThat(Releasability.toNations("eu").includesNation("FIN")).isTrue();
    assertThat(Releasability.toNations("EU").includesNation("NOR")).isFalse();
    assertThat(Releasability.toNations("NATO").includesNation("NOR")).isTrue();
    assertThat(Releasability.toNations("NATO").includesNation("")).isFalse();
  }
}
