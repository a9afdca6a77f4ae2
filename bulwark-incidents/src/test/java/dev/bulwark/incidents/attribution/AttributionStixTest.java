package dev.bulwark.incidents.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.incidents.IncidentException;
import dev.bulwark.incidents.Problem;
import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Tlp;
import dev.bulwark.stix.validation.StixValidator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttributionStixTest {

  static final Instant NOW = Instant.parse("2025-01-05T10:00:00Z");

  static Attribution finland() {
    return new Attribution(
        "incident--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
        "threat-actor--9e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
        70,
        "estimative-language:likelihood-probability=\"likely\"",
        "B",
        "2",
        "state-coordinated",
        "FIN",
        "Vessel track and anchor drag match the damage",
        List.of(Tlp.AMBER_STRICT.markingDefinitionId()),
        Optional.empty());
  }

  @Test
  void anAttributionIsAValidRelationshipThatReadsBack() {
    StixObject r = AttributionStix.relationship(finland(), NOW);
    assertThat(new StixValidator().validate(r).errors()).isEmpty();
    assertThat(r.string("relationship_type")).contains("attributed-to");
    assertThat(AttributionStix.fromStix(r)).isEqualTo(finland());
  }

  @Test
  void anotherNationsViewIsAValidOpinionWithItsOwnAssessment() {
    Attribution estonia =
        new Attribution(
            finland().subjectRef(),
            finland().targetRef(),
            40,
            "estimative-language:likelihood-probability=\"roughly-even-chance\"",
            "C",
            "3",
            "state-encouraged",
            "EST",
            "",
            List.of(Tlp.AMBER.markingDefinitionId()),
            Optional.empty());
    StixObject o =
        AttributionStix.opinion(
            "relationship--0b6a5a1c-1ad7-4bfc-a2cb-05b7f8b1dbb4",
            "disagree",
            "not enough",
            estonia,
            NOW);
    assertThat(new StixValidator().validate(o).errors()).isEmpty();
    assertThat(AttributionStix.fromStix(o)).isEqualTo(estonia);
  }

  @Test
  void wordsOutsideTheTaxonomiesAreRefusedByName() {
    Attribution bad =
        new Attribution(
            "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
            finland().targetRef(),
            101,
            "probably",
            "Z",
            "9",
            "state-blamed",
            "Finland",
            "",
            List.of(),
            Optional.empty());
    assertThatThrownBy(() -> AttributionStix.relationship(bad, NOW))
        .isInstanceOfSatisfying(
            IncidentException.class,
            e -> assertThat(e.problems()).extracting(Problem::path).hasSize(7));
  }

  @Test
  void theTaxonomiesAreLoaded() {
    assertThat(Taxonomies.ESTIMATIVE_TERMS).hasSize(7);
    assertThat(Taxonomies.RELIABILITY).contains("A", "F");
    assertThat(Taxonomies.CREDIBILITY).hasSize(6);
    assertThat(Taxonomies.STATE_RESPONSIBILITY)
        .contains("state-prohibited", "state-integrated")
        .hasSize(10);
  }
}
