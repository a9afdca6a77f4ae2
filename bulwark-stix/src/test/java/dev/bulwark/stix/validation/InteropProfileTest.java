package dev.bulwark.stix.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Tlp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link ValidationProfile#INTEROP} on the corpus under {@code interop/corpus/}: one minimal
 * interop-conformant object of each of the 19 types, each then stripped of each profile-required
 * property in turn; and the marking rule of {@code interop/core.json}.
 */
class InteropProfileTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final StixValidator BASE = new StixValidator();
  private static final StixValidator INTEROP = new StixValidator(ValidationProfile.INTEROP);

  private static final String TLP1_GREEN =
      "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";
  private static final String TLP1_AMBER =
      "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
  private static final String TLP1_RED = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";

  static ObjectNode corpus(String type) {
    try (InputStream in =
        InteropProfileTest.class.getResourceAsStream(
            "/dev/bulwark/stix/interop/corpus/" + type + ".json")) {
      assertThat(in).as(type).isNotNull();
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<String> types() {
    return InteropProfile.REQUIRED.keySet().stream();
  }

  static Stream<Arguments> requiredProperties() {
    return InteropProfile.REQUIRED.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(p -> Arguments.of(e.getKey(), p)));
  }

  @ParameterizedTest
  @MethodSource("types")
  void eachCorpusObjectIsCleanUnderBothProfiles(String type) {
    StixObject o = StixObject.of(corpus(type));
    assertThat(o.type()).isEqualTo(type);
    assertThat(BASE.validate(o).findings()).as(type).isEmpty();
    assertThat(INTEROP.validate(o).findings()).as(type).isEmpty();
  }

  @Test
  void theCorpusHasNineteenTypesAndFiftyOneRequiredProperties() {
    assertThat(InteropProfile.REQUIRED).hasSize(19);
    assertThat(requiredProperties().count()).isEqualTo(51);
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("requiredProperties")
  void removingAProfileRequiredPropertyGivesExactlyItsFinding(String type, String property) {
    ObjectNode json = corpus(type);
    assertThat(json.has(property)).as(type + " corpus object has " + property).isTrue();
    json.remove(property);
    StixObject o = StixObject.of(json);

    List<Finding> base = BASE.validate(o).findings();
    List<Finding> interop = INTEROP.validate(o).findings();
    assertThat(base).noneMatch(Finding::interop);
    // The profile adds exactly one finding to whatever the specification says about the stripped
    // object.
    assertThat(interop.subList(0, base.size())).isEqualTo(base);
    assertThat(interop.subList(base.size(), interop.size()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.rule()).isEqualTo(Rules.INTEROP_REQUIRED_PROPERTY);
              assertThat(f.path()).isEqualTo("$." + property);
              assertThat(f.section()).isEqualTo("interop/" + type + ".json");
              assertThat(f.interop()).isTrue();
              assertThat(f.citation())
                  .isEqualTo("STIX 2.1 Interoperability, interop/" + type + ".json");
              assertThat(f.message()).contains(property).contains(type);
            });
  }

  @Test
  void removalsTheSpecificationAlsoForbidsAreTheOnlyOnesWithBaseErrors() {
    // Which stripped objects break the specification too: there the profile turns a choice of the
    // spec
    // (a location place, result or analysis_sco_refs, objects or object_refs) or a conditional
    // requirement (a malware family needs a name) into one fixed property.
    List<String> alsoBase = new ArrayList<>();
    requiredProperties()
        .forEach(
            a -> {
              String type = (String) a.get()[0];
              String property = (String) a.get()[1];
              ObjectNode json = corpus(type);
              json.remove(property);
              if (!BASE.validate(StixObject.of(json)).valid()) {
                alsoBase.add(type + "." + property);
              }
            });
    assertThat(alsoBase)
        .containsExactlyInAnyOrder(
            "location.region",
            "malware-analysis.result",
            "malware.name",
            "observed-data.object_refs");
  }

  @Test
  void misspeltPropertiesOfTheSchemaFilesDoNotSatisfyTheProfile() {
    ObjectNode malware = corpus("malware");
    malware.set("capabiliites", malware.remove("capabilities"));
    malware.set("architecture_exectuion_envs", malware.remove("architecture_execution_envs"));
    ObjectNode vulnerability = corpus("vulnerability");
    vulnerability.set("external_references:", vulnerability.remove("external_references"));

    List<Finding> m = interopOnly(INTEROP.validate(StixObject.of(malware)));
    assertThat(m)
        .extracting(Finding::path)
        .containsExactly("$.architecture_execution_envs", "$.capabilities");
    assertThat(m.get(1).message()).contains("misspells it \"capabiliites\"");
    List<Finding> v = interopOnly(INTEROP.validate(StixObject.of(vulnerability)));
    assertThat(v).extracting(Finding::path).containsExactly("$.external_references");
    assertThat(v.get(0).message()).contains("\"external_references:\"");
  }

  @Test
  void bundleObjectsAreCheckedOneByOneWithTheirPaths() {
    ObjectNode bundle = MAPPER.createObjectNode();
    bundle.put("type", "bundle");
    bundle.put("id", "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d");
    ArrayNode objects = bundle.putArray("objects");
    types().forEach(t -> objects.add(corpus(t)));
    assertThat(INTEROP.validate(StixObject.of(bundle)).findings()).isEmpty();

    ((ObjectNode) objects.get(4)).remove("created_by_ref");
    List<Finding> findings = INTEROP.validate(StixObject.of(bundle)).findings();
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(Rules.INTEROP_REQUIRED_PROPERTY);
              assertThat(f.path()).isEqualTo("$.objects[4].created_by_ref");
            });
    assertThat(BASE.validate(StixObject.of(bundle)).findings()).isEmpty();
  }

  @Test
  void typesTheProfileDoesNotCoverGetNoProfileFindings() {
    ObjectNode identity = MAPPER.createObjectNode();
    identity
        .put("type", "identity")
        .put("spec_version", "2.1")
        .put("id", "identity--2b5c7ef6-7a0b-4d1c-9a54-3f3f0c1d8e21")
        .put("created", "2026-03-01T09:00:00.000Z")
        .put("modified", "2026-03-01T09:00:00.000Z")
        .put("name", "Bulwark test CERT");
    identity.putArray("object_marking_refs").add(TLP1_GREEN).add(TLP1_RED);
    assertThat(INTEROP.validate(StixObject.of(identity)).findings()).isEmpty();
    assertThat(INTEROP.validate(Tlp.RED.definition()).findings()).noneMatch(Finding::interop);
    ObjectNode ip = MAPPER.createObjectNode();
    ip.put("type", "ipv4-addr")
        .put("spec_version", "2.1")
        .put("id", "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd")
        .put("value", "198.51.100.3");
    assertThat(INTEROP.validate(StixObject.of(ip)).findings()).noneMatch(Finding::interop);
  }

  static Stream<Arguments> markingCases() {
    return Stream.of(
        Arguments.of(List.of(TLP1_GREEN), 0),
        Arguments.of(List.of(TLP1_GREEN, TLP1_AMBER), 2),
        Arguments.of(List.of(TLP1_RED, TLP1_RED), 2),
        Arguments.of(List.of(TLP1_GREEN, TLP1_AMBER, TLP1_RED), 3),
        // TLP 2.0 ids are not in core.json's pattern: any number of them passes this rule.
        Arguments.of(List.of(Tlp.CLEAR.markingDefinitionId(), Tlp.RED.markingDefinitionId()), 0),
        Arguments.of(List.of(TLP1_GREEN, Tlp.AMBER.markingDefinitionId()), 0),
        // The OASIS interop-objectmarking-test: TLP:RED plus a non-TLP id one digit apart.
        Arguments.of(
            List.of(TLP1_RED, "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ec"), 0),
        // The pattern is case-sensitive and anchored: an upper-case variant is not a TLP id.
        Arguments.of(
            List.of(
                TLP1_RED,
                TLP1_AMBER
                    .toUpperCase(Locale.ROOT)
                    .replace("MARKING-DEFINITION", "marking-definition")),
            0));
  }

  @ParameterizedTest
  @MethodSource("markingCases")
  void atMostOneStix21TlpMarking(List<String> refs, int tlpCount) {
    ObjectNode campaign = corpus("campaign");
    ArrayNode a = campaign.putArray("object_marking_refs");
    refs.forEach(a::add);
    ValidationResult result = INTEROP.validate(StixObject.of(campaign));
    assertThat(BASE.validate(StixObject.of(campaign)).findings())
        .noneMatch(f -> f.rule().startsWith("interop-"));
    if (tlpCount <= 1) {
      assertThat(interopOnly(result)).isEmpty();
    } else {
      assertThat(interopOnly(result))
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.rule()).isEqualTo(Rules.INTEROP_TLP_MARKING);
                assertThat(f.path()).isEqualTo("$.object_marking_refs");
                assertThat(f.section()).isEqualTo("interop/core.json");
                assertThat(f.message()).contains("found " + tlpCount);
              });
    }
  }

  @Test
  void theBaseRulesStillApplyUnderTheProfile() {
    ObjectNode indicator = corpus("indicator");
    indicator.putArray("object_marking_refs").add("identity--2b5c7ef6-7a0b-4d1c-9a54-3f3f0c1d8e21");
    indicator.remove("pattern");
    List<Finding> f = INTEROP.validate(StixObject.of(indicator)).findings();
    assertThat(f).extracting(Finding::rule).contains(Rules.REQUIRED_PROPERTY, Rules.REFERENCE_TYPE);
    assertThat(f).isEqualTo(BASE.validate(StixObject.of(indicator)).findings());
  }

  @ParameterizedTest
  @ValueSource(strings = {"interop", "INTEROP", " Interop "})
  void profileNamesAreReadWithoutRegardToCase(String name) {
    assertThat(ValidationProfile.fromName(name)).isEqualTo(ValidationProfile.INTEROP);
    assertThat(ValidationProfile.fromName("stix-2.1")).isEqualTo(ValidationProfile.STIX_2_1);
    assertThat(ValidationProfile.fromName("stix_2_1")).isEqualTo(ValidationProfile.STIX_2_1);
    assertThatThrownBy(() -> ValidationProfile.fromName("strict"))
        .hasMessageContaining("stix-2.1 or interop");
    assertThat(new StixValidator().profile()).isEqualTo(ValidationProfile.STIX_2_1);
  }

  private static List<Finding> interopOnly(ValidationResult r) {
    return r.findings().stream().filter(Finding::interop).toList();
  }
}
