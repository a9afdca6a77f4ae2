package dev.bulwark.stix.markings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixCodec;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.StixParseException;
import dev.bulwark.stix.markings.GranularRedaction.Outcome;
import dev.bulwark.stix.markings.GranularRedaction.Redacted;
import dev.bulwark.stix.markings.GranularRedaction.Unchanged;
import dev.bulwark.stix.markings.GranularRedaction.Withheld;
import dev.bulwark.stix.validation.StixValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Granular markings (STIX 2.1 section 7.2.3) for one reader, example by example. */
class GranularRedactionTest {

  static final String GREEN = Tlp.GREEN.markingDefinitionId();
  static final String STRICT = Tlp.AMBER_STRICT.markingDefinitionId();
  static final String CLEAR = Tlp.CLEAR.markingDefinitionId();

  /** The reader may read everything but AMBER+STRICT content. */
  static final Predicate<String> NOT_STRICT = ref -> !ref.equals(STRICT);

  static StixObject parse(String json) {
    try {
      return new StixCodec().parseObject(json);
    } catch (StixParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String campaign(String extra, String granular) {
    return "{\"type\":\"campaign\",\"spec_version\":\"2.1\",\"id\":\"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\","
        + "\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\","
        + "\"name\":\"Operation Fog\",\"object_marking_refs\":[\""
        + GREEN
        + "\"]"
        + extra
        + ",\"granular_markings\":["
        + granular
        + "]}";
  }

  static String mark(String ref, String... selectors) {
    return "{\"marking_ref\":\""
        + ref
        + "\",\"selectors\":[\""
        + String.join("\",\"", selectors)
        + "\"]}";
  }

  static JsonNode redacted(Outcome o) {
    assertThat(o).isInstanceOf(Redacted.class);
    return ((Redacted) o).object().json();
  }

  @Test
  void aDescriptionMarkedAmberStrictInsideAGreenObjectIsRemovedForAReaderWhoMayNotReadIt() {
    StixObject o =
        parse(
            campaign(",\"description\":\"the source is an insider\"", mark(STRICT, "description")));
    JsonNode out = redacted(GranularRedaction.redact(o, NOT_STRICT));
    assertThat(out.has("description")).isFalse();
    assertThat(out.path("name").asString()).isEqualTo("Operation Fog");
    // the marking went with the part it marked: a marking whose selectors select nothing is invalid
    assertThat(out.has("granular_markings")).isFalse();
    assertThat(
            new StixValidator()
                .validate(((Redacted) GranularRedaction.redact(o, NOT_STRICT)).object())
                .valid())
        .isTrue();
    assertThat(((Redacted) GranularRedaction.redact(o, NOT_STRICT)).removed())
        .containsExactly("description");
  }

  @Test
  void aReaderWhoMayReadEveryMarkingGetsTheObjectUnchanged() {
    StixObject o =
        parse(
            campaign(
                ",\"description\":\"d\"", mark(STRICT, "description") + "," + mark(GREEN, "name")));
    assertThat(GranularRedaction.redact(o, ref -> true)).isInstanceOf(Unchanged.class);
  }

  @Test
  void anObjectWithoutGranularMarkingsIsUnchangedAndNoMarkingIsAsked() {
    StixObject o =
        parse(
            "{\"type\":\"campaign\",\"spec_version\":\"2.1\",\"id\":\"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\","
                + "\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\",\"name\":\"n\"}");
    assertThat(
            GranularRedaction.redact(
                o,
                ref -> {
                  throw new AssertionError("asked " + ref);
                }))
        .isInstanceOf(Unchanged.class);
  }

  @Test
  void aRestrictedNameOfACampaignWithholdsTheWholeObject() {
    StixObject o = parse(campaign("", mark(STRICT, "name")));
    assertThat(GranularRedaction.redact(o, NOT_STRICT)).isInstanceOf(Withheld.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "type", "spec_version", "created", "modified"})
  void aRestrictedCommonRequiredPropertyWithholdsTheWholeObject(String property) {
    StixObject o = parse(campaign("", mark(STRICT, property)));
    assertThat(GranularRedaction.redact(o, NOT_STRICT)).isInstanceOf(Withheld.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"object_marking_refs", "object_marking_refs.[0]", "granular_markings"})
  void aRestrictedMarkingPropertyWithholdsTheWholeObjectRatherThanReleaseItUnmarked(
      String selector) {
    StixObject o = parse(campaign("", mark(STRICT, selector)));
    assertThat(GranularRedaction.redact(o, NOT_STRICT)).isInstanceOf(Withheld.class);
  }

  @Test
  void theNameOfAMalwareFamilyIsRequiredButNotThatOfASingleSample() {
    String malware =
        "{\"type\":\"malware\",\"spec_version\":\"2.1\",\"id\":\"malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061\","
            + "\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\","
            + "\"name\":\"Cobalt\",\"is_family\":%s,\"granular_markings\":["
            + mark(STRICT, "name")
            + "]}";
    assertThat(GranularRedaction.redact(parse(malware.formatted("true")), NOT_STRICT))
        .isInstanceOf(Withheld.class);
    assertThat(
            redacted(GranularRedaction.redact(parse(malware.formatted("false")), NOT_STRICT))
                .has("name"))
        .isFalse();
  }

  @Test
  void aKillChainPhaseThatLosesItsPhaseNameIsRemovedWholeAndLaterSelectorsFollow() {
    String phases =
        ",\"kill_chain_phases\":[{\"kill_chain_name\":\"lockheed\",\"phase_name\":\"recon\"},"
            + "{\"kill_chain_name\":\"lockheed\",\"phase_name\":\"exploit\"}]";
    String o =
        "{\"type\":\"attack-pattern\",\"spec_version\":\"2.1\",\"id\":\"attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061\","
            + "\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\",\"name\":\"Spearphish\""
            + phases
            + ",\"granular_markings\":["
            + mark(STRICT, "kill_chain_phases.[0].phase_name")
            + ","
            + mark(CLEAR, "kill_chain_phases.[1].phase_name")
            + "]}";
    Outcome outcome = GranularRedaction.redact(parse(o), NOT_STRICT);
    JsonNode out = redacted(outcome);
    assertThat(out.path("kill_chain_phases")).hasSize(1);
    assertThat(out.path("kill_chain_phases").get(0).path("phase_name").asString())
        .isEqualTo("exploit");
    assertThat(out.path("granular_markings")).hasSize(1);
    assertThat(out.path("granular_markings").get(0).path("selectors").get(0).asString())
        .isEqualTo("kill_chain_phases.[0].phase_name");
    assertThat(new StixValidator().validate(((Redacted) outcome).object()).valid()).isTrue();
  }

  @Test
  void anExternalReferenceIsRemovedAndTheMarkingsOfTheOthersAreRenumbered() {
    String refs =
        ",\"external_references\":[{\"source_name\":\"a\",\"url\":\"https://a.example\"},"
            + "{\"source_name\":\"b\",\"url\":\"https://b.example\"},{\"source_name\":\"c\",\"external_id\":\"C-1\"}]";
    StixObject o =
        parse(
            campaign(
                refs,
                mark(STRICT, "external_references.[1]")
                    + ","
                    + mark(
                        CLEAR, "external_references.[0]", "external_references.[2].external_id")));
    JsonNode out = redacted(GranularRedaction.redact(o, NOT_STRICT));
    assertThat(out.path("external_references")).hasSize(2);
    assertThat(out.toString()).doesNotContain("b.example");
    List<String> selectors = new ArrayList<>();
    out.path("granular_markings")
        .get(0)
        .path("selectors")
        .forEach(s -> selectors.add(s.asString()));
    assertThat(selectors)
        .containsExactly("external_references.[0]", "external_references.[1].external_id");
    assertThat(out.path("external_references").get(1).path("external_id").asString())
        .isEqualTo("C-1");
  }

  @Test
  void aListThatLosesAllItsElementsIsRemoved() {
    StixObject o =
        parse(
            campaign(
                ",\"aliases\":[\"Fog\",\"Mist\"]", mark(STRICT, "aliases.[0]", "aliases.[1]")));
    JsonNode out = redacted(GranularRedaction.redact(o, NOT_STRICT));
    assertThat(out.has("aliases")).isFalse();
  }

  @Test
  void aReportWithoutOneOfItsObjectRefsIsReleasedButWithoutAllOfThemIsWithheld() {
    String report =
        "{\"type\":\"report\",\"spec_version\":\"2.1\",\"id\":\"report--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061\","
            + "\"created\":\"2026-01-01T00:00:00.000Z\",\"modified\":\"2026-01-01T00:00:00.000Z\",\"name\":\"r\","
            + "\"published\":\"2026-01-01T00:00:00.000Z\",\"object_refs\":[\"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\","
            + "\"malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061\"],\"granular_markings\":[%s]}";
    JsonNode out =
        redacted(
            GranularRedaction.redact(
                parse(report.formatted(mark(STRICT, "object_refs.[1]"))), NOT_STRICT));
    assertThat(out.path("object_refs")).hasSize(1);
    assertThat(
            GranularRedaction.redact(
                parse(report.formatted(mark(STRICT, "object_refs.[0]", "object_refs.[1]"))),
                NOT_STRICT))
        .isInstanceOf(Withheld.class);
  }

  @Test
  void languageMarkingsRestrictNothing() {
    StixObject o =
        parse(
            campaign(
                ",\"description\":\"d\"", "{\"lang\":\"en\",\"selectors\":[\"description\"]}"));
    assertThat(GranularRedaction.redact(o, ref -> false)).isInstanceOf(Unchanged.class);
  }

  @Test
  void aRestrictedMarkingWithAMalformedSelectorWithholdsTheObject() {
    for (String bad : List.of("description.", "[0]", "", "aliases.[x]", "aliases.[-1]")) {
      StixObject o = parse(campaign(",\"description\":\"d\"", mark(STRICT, bad)));
      assertThat(GranularRedaction.redact(o, NOT_STRICT)).as(bad).isInstanceOf(Withheld.class);
    }
  }

  @Test
  void aRestrictedMarkingThatSelectsNothingPresentRemovesNothingButGoesItself() {
    StixObject o = parse(campaign("", mark(STRICT, "description")));
    JsonNode out = redacted(GranularRedaction.redact(o, NOT_STRICT));
    assertThat(out.has("granular_markings")).isFalse();
    assertThat(out.path("name").asString()).isEqualTo("Operation Fog");
  }

  @Test
  void aMarkingDefinitionIsNeverReleasedInPart() {
    String def =
        "{\"type\":\"marking-definition\",\"spec_version\":\"2.1\",\"id\":\"marking-definition--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061\","
            + "\"created\":\"2026-01-01T00:00:00.000Z\",\"name\":\"terms\",\"definition_type\":\"statement\","
            + "\"definition\":{\"statement\":\"no\"},\"granular_markings\":["
            + mark(STRICT, "name")
            + "]}";
    assertThat(GranularRedaction.redact(parse(def), NOT_STRICT)).isInstanceOf(Withheld.class);
  }

  @Test
  void granularMarkingsThatAreNotAListWithholdTheObject() {
    StixObject o =
        parse(
            campaign("", mark(STRICT, "name"))
                .replace(",\"granular_markings\":[", ",\"granular_markings\":{\"x\":[")
                .replaceAll("]}$", "]}}"));
    assertThat(GranularRedaction.redact(o, NOT_STRICT)).isInstanceOf(Withheld.class);
  }

  @Test
  void aKeptMarkingThatSelectsTheMarkingsThemselvesWithholdsTheObjectWhenAnotherGoes() {
    StixObject o =
        parse(
            campaign(
                ",\"description\":\"d\"",
                mark(STRICT, "description") + "," + mark(GREEN, "granular_markings.[0]")));
    assertThat(GranularRedaction.redact(o, NOT_STRICT)).isInstanceOf(Withheld.class);
    assertThat(GranularRedaction.redact(o, ref -> true)).isInstanceOf(Unchanged.class);
  }

  @Test
  void eachMarkingIsAskedOnce() {
    List<String> asked = new ArrayList<>();
    StixObject o =
        parse(
            campaign(
                ",\"description\":\"d\",\"aliases\":[\"a\"]",
                mark(STRICT, "description")
                    + ","
                    + mark(STRICT, "aliases")
                    + ","
                    + mark(GREEN, "name")));
    GranularRedaction.redact(
        o,
        ref -> {
          asked.add(ref);
          return NOT_STRICT.test(ref);
        });
    assertThat(asked).containsExactlyInAnyOrder(STRICT, GREEN);
    assertThat(Set.copyOf(asked)).hasSize(2);
  }
}
