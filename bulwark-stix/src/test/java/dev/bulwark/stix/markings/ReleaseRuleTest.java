package dev.bulwark.stix.markings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The access matrix of docs/markings.md. Origin nation is FRA throughout. Readers: FRA (origin),
 * DEU, POL, USA, UKR, the anonymous public, and two identities of DEU, one named as recipient.
 */
class ReleaseRuleTest {

  static final String ORIGIN = "FRA";
  static final String NAMED = "identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e";
  static final String UNNAMED = "identity--11b76a96-5d2b-45e0-8a5a-f6994f370731";
  static final String CREATOR = "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff";
  static final String CREATED = "2026-11-28T10:00:00.000Z";

  static final Map<String, Reader> READERS =
      Map.of(
          "FRA", Reader.of("FRA"),
          "DEU", Reader.of("DEU"),
          "POL", Reader.of("POL"),
          "USA", Reader.of("USA"),
          "UKR", Reader.of("UKR"),
          "public", Reader.anonymous(),
          "DEU-named", new Reader("DEU", Optional.of(NAMED)),
          "DEU-unnamed", new Reader("DEU", Optional.of(UNNAMED)),
          "FRA-named", new Reader("FRA", Optional.of(NAMED)));

  static StixObject rel(String... nations) {
    return ReleasabilityMarking.markingDefinition(
        Releasability.toNations(nations), CREATOR, CREATED);
  }

  static StixObject recipients(String... nations) {
    return ReleasabilityMarking.markingDefinition(
        new Releasability(Set.of(nations), Set.of(NAMED)), CREATOR, CREATED);
  }

  static StixObject statement() {
    try {
      return new StixCodec()
          .parseObject(
              "{\"type\":\"marking-definition\",\"spec_version\":\"2.1\","
                  + "\"id\":\"marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168\",\"created\":\"2017-06-01T00:00:00.000Z\","
                  + "\"definition_type\":\"statement\",\"definition\":{\"statement\":\"Copyright 2015-2025, The MITRE Corporation.\"}}");
    } catch (StixParseException e) {
      throw new AssertionError(e);
    }
  }

  static StixObject unknownMarking() {
    try {
      return new StixCodec()
          .parseObject(
              "{\"type\":\"marking-definition\",\"spec_version\":\"2.1\","
                  + "\"id\":\"marking-definition--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061\",\"created\":\"2017-06-01T00:00:00.000Z\","
                  + "\"extensions\":{\"extension-definition--3a65884d-005a-4290-8335-cb2d778a83ce\":"
                  + "{\"extension_type\":\"property-extension\",\"permitted_nationalities\":[\"ALL\"]}}}");
    } catch (StixParseException e) {
      throw new AssertionError(e);
    }
  }

  /** Something that is not a marking-definition, though it claims a TLP id. */
  static StixObject notAMarking() {
    try {
      return new StixCodec()
          .parseObject(
              "{\"type\":\"campaign\",\"id\":\"" + Tlp.GREEN.markingDefinitionId() + "\"}");
    } catch (StixParseException e) {
      throw new AssertionError(e);
    }
  }

  /** Marking sets by name, as used in the matrix. */
  static List<StixObject> markings(String spec) {
    List<StixObject> out = new ArrayList<>();
    if (spec.equals("none")) {
      return out;
    }
    for (String part : spec.split("\\+")) {
      switch (part) {
        case "CLEAR" -> out.add(Tlp.CLEAR.definition());
        case "GREEN" -> out.add(Tlp.GREEN.definition());
        case "AMBER" -> out.add(Tlp.AMBER.definition());
        case "STRICT" -> out.add(Tlp.AMBER_STRICT.definition());
        case "RED" -> out.add(Tlp.RED.definition());
        case "relDEU" -> out.add(rel("DEU"));
        case "relDEUPOL" -> out.add(rel("DEU", "POL"));
        case "relNATO" -> out.add(rel("NATO"));
        case "relEU" -> out.add(rel("EU"));
        case "named" -> out.add(recipients());
        case "namedUSA" -> out.add(recipients("USA"));
        case "statement" -> out.add(statement());
        case "unknown" -> out.add(unknownMarking());
        case "campaign" -> out.add(notAMarking());
        default -> throw new IllegalArgumentException(part);
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // markings           | readers allowed (all others denied)
        "none                 | FRA FRA-named",
        "CLEAR                | FRA DEU POL USA UKR public DEU-named DEU-unnamed FRA-named",
        "GREEN                | FRA DEU POL USA UKR DEU-named DEU-unnamed FRA-named",
        "AMBER                | FRA FRA-named",
        "AMBER+relDEU         | FRA DEU DEU-named DEU-unnamed FRA-named",
        "AMBER+relNATO        | FRA DEU POL USA DEU-named DEU-unnamed FRA-named",
        "AMBER+relDEUPOL+relDEU | FRA DEU DEU-named DEU-unnamed FRA-named",
        "STRICT               | FRA FRA-named",
        "STRICT+relNATO       | FRA FRA-named",
        "RED                  | ",
        "RED+named            | DEU-named FRA-named",
        "RED+namedUSA         | DEU-named FRA-named",
        "relDEU               | FRA DEU DEU-named DEU-unnamed FRA-named",
        "relEU                | FRA DEU POL DEU-named DEU-unnamed FRA-named",
        "relDEUPOL+relEU      | FRA DEU POL DEU-named DEU-unnamed FRA-named",
        "relNATO+relEU        | FRA DEU POL DEU-named DEU-unnamed FRA-named",
        "GREEN+relDEU         | FRA DEU DEU-named DEU-unnamed FRA-named",
        "CLEAR+relDEU         | FRA DEU DEU-named DEU-unnamed FRA-named",
        "CLEAR+GREEN          | FRA DEU POL USA UKR DEU-named DEU-unnamed FRA-named",
        "GREEN+AMBER          | FRA FRA-named",
        "AMBER+STRICT+relDEU  | FRA FRA-named",
        "GREEN+RED+named      | DEU-named FRA-named",
        "statement            | FRA FRA-named",
        "statement+GREEN      | FRA DEU POL USA UKR DEU-named DEU-unnamed FRA-named",
        "unknown              | ",
        "CLEAR+unknown        | ",
        "campaign             | ",
      })
  void matrix(String spec, String allowed) {
    Set<String> allow = allowed == null ? Set.of() : Set.of(allowed.trim().split("\\s+"));
    List<StixObject> ms = markings(spec.trim());
    for (Map.Entry<String, Reader> r : READERS.entrySet()) {
      assertThat(ReleaseRule.mayRead(r.getValue(), ORIGIN, ms, ReleaseRule.ORIGIN_ONLY))
          .as(spec + " read by " + r.getKey())
          .isEqualTo(allow.contains(r.getKey()));
    }
  }

  @Test
  void unmarkedObjectsFollowTheCollectionDefault() {
    assertThat(ReleaseRule.mayRead(Reader.of("DEU"), ORIGIN, List.of(), Set.of("EU"))).isTrue();
    assertThat(ReleaseRule.mayRead(Reader.of("USA"), ORIGIN, List.of(), Set.of("EU"))).isFalse();
    assertThat(ReleaseRule.mayRead(Reader.of("USA"), ORIGIN, List.of(), Set.of("NATO", "UKR")))
        .isTrue();
    assertThat(ReleaseRule.mayRead(Reader.of("UKR"), ORIGIN, List.of(), Set.of("NATO", "UKR")))
        .isTrue();
    assertThat(ReleaseRule.mayRead(Reader.anonymous(), ORIGIN, List.of(), Set.of("NATO")))
        .isFalse();
    assertThat(ReleaseRule.mayRead(Reader.of("FRA"), ORIGIN, List.of(), Set.of())).isTrue();
    // a marked object ignores the default
    assertThat(ReleaseRule.mayRead(Reader.of("USA"), ORIGIN, markings("AMBER"), Set.of("NATO")))
        .isFalse();
  }

  @Test
  void refsThatCannotBeResolvedDeny() {
    String relId = rel("DEU").id();
    Map<String, StixObject> store = Map.of(relId, rel("DEU"));
    List<String> refs = List.of(Tlp.AMBER.markingDefinitionId(), relId);
    assertThat(
            ReleaseRule.mayRead(
                Reader.of("DEU"), ORIGIN, refs, id -> Optional.ofNullable(store.get(id)), Set.of()))
        .isTrue();
    assertThat(
            ReleaseRule.mayRead(
                Reader.of("FRA"),
                ORIGIN,
                List.of(
                    Tlp.GREEN.markingDefinitionId(),
                    "marking-definition--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"),
                id -> Optional.empty(),
                Set.of()))
        .isFalse();
    // TLP definitions need no store
    assertThat(
            ReleaseRule.mayRead(
                Reader.of("USA"),
                ORIGIN,
                List.of(Tlp.GREEN.markingDefinitionId()),
                id -> Optional.empty(),
                Set.of()))
        .isTrue();
    // TLP 1.0 ids (STIX 2.1 section 7.2.1.4) read as their TLP 2.0 level
    assertThat(
            ReleaseRule.mayRead(
                Reader.of("USA"),
                ORIGIN,
                List.of("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"),
                id -> Optional.empty(),
                Set.of()))
        .isTrue();
    assertThat(
            ReleaseRule.mayRead(
                Reader.anonymous(),
                ORIGIN,
                List.of("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"),
                id -> Optional.empty(),
                Set.of()))
        .isTrue();
    assertThat(
            ReleaseRule.mayRead(
                Reader.of("FRA"),
                ORIGIN,
                List.of("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"),
                id -> Optional.empty(),
                Set.of()))
        .isFalse();
    // a resolver answering with another object than asked for is not trusted
    assertThat(
            ReleaseRule.mayRead(
                Reader.of("DEU"),
                ORIGIN,
                List.of("marking-definition--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"),
                id -> Optional.of(rel("DEU")),
                Set.of()))
        .isFalse();
  }

  @Test
  void aMalformedReleasabilityMarkingDenies() {
    StixObject m = rel("DEU");
    var json = m.json();
    ((ObjectNode) json.get("extensions").get(ReleasabilityMarking.EXTENSION_DEFINITION_ID))
        .putArray("permitted_nationalities")
        .add("ATLANTIS");
    assertThat(
            ReleaseRule.mayRead(Reader.of("FRA"), ORIGIN, List.of(StixObject.of(json)), Set.of()))
        .isFalse();
  }

  @Test
  void theOriginIsComparedWithoutRegardToCase() {
    assertThat(ReleaseRule.mayRead(Reader.of("fra"), "Fra", markings("STRICT"), Set.of())).isTrue();
  }
}
