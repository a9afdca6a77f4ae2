package dev.bulwark.cyber.sighting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.stix.StixObject;
import dev.bulwark.stix.markings.Reader;
import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.ReleasabilityMarking;
import dev.bulwark.stix.markings.ReleaseRule;
import dev.bulwark.stix.markings.Tlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A sighting is never readable by a nation that may not read its indicator or its sensor's data.
 */
class SightingMarkingsPropertiesTest {
  static final List<String> NATIONS =
      List.of("EST", "FIN", "LVA", "POL", "DEU", "USA", "SWE", "UKR");
  static final String SENSOR = "identity--0b6a0e4e-2f3c-4c1e-9a55-1b2c3d4e5f60";

  @Property(tries = 400)
  void aSightingIsNoWiderThanItsIndicatorAndItsSensorPolicy(
      @ForAll("tlp") Tlp indicatorTlp,
      @ForAll("nations") Set<String> indicatorRel,
      @ForAll("nation") String indicatorOrigin,
      @ForAll("tlp") Tlp policyTlp,
      @ForAll("nations") Set<String> policyRel,
      @ForAll("nation") String sensorNation) {
    List<StixObject> markings = new ArrayList<>();
    markings.add(indicatorTlp.definition());
    if (!indicatorRel.isEmpty()) {
      markings.add(
          ReleasabilityMarking.markingDefinition(
              new Releasability(indicatorRel, Set.of()), SENSOR, "2026-01-01T00:00:00.000Z"));
    }
    SensorPolicy policy = new SensorPolicy(SENSOR, "s", sensorNation, policyTlp, policyRel);
    Optional<SightingMarking> m =
        SightingMarkings.meet(indicatorOrigin, markings, ReleaseRule.ORIGIN_ONLY, policy);
    if (m.isEmpty()) {
      return;
    }
    List<StixObject> sighting = new ArrayList<>();
    sighting.add(m.get().tlp().definition());
    m.get()
        .releasability()
        .ifPresent(
            r ->
                sighting.add(
                    ReleasabilityMarking.markingDefinition(r, SENSOR, "2026-01-01T00:00:00.000Z")));
    List<StixObject> policyMarkings = SightingMarkings.policyMarkings(policy);
    for (String n : NATIONS) {
      Reader r = Reader.of(n);
      if (ReleaseRule.mayRead(r, sensorNation, sighting, ReleaseRule.ORIGIN_ONLY)) {
        assertThat(ReleaseRule.mayRead(r, indicatorOrigin, markings, ReleaseRule.ORIGIN_ONLY))
            .as("%s reads the sighting (%s) but not the indicator", n, m.get())
            .isTrue();
        assertThat(ReleaseRule.mayRead(r, sensorNation, policyMarkings, ReleaseRule.ORIGIN_ONLY))
            .as("%s reads the sighting (%s) but not the sensor's data", n, m.get())
            .isTrue();
      }
    }
    assertThat(ReleaseRule.mayRead(Reader.anonymous(), sensorNation, sighting, Set.of()))
        .isEqualTo(m.get().tlp() == Tlp.CLEAR);
  }

  @Test
  void amberIndicatorAndAmberPolicyMeetOnTheNationsBothAllow() {
    List<StixObject> markings =
        List.of(
            Tlp.AMBER.definition(),
            ReleasabilityMarking.markingDefinition(
                new Releasability(Set.of("EST", "LVA", "POL"), Set.of()),
                SENSOR,
                "2026-01-01T00:00:00.000Z"));
    SensorPolicy policy = new SensorPolicy(SENSOR, "s", "EST", Tlp.AMBER, Set.of("LVA", "FIN"));
    SightingMarking m =
        SightingMarkings.meet("FIN", markings, ReleaseRule.ORIGIN_ONLY, policy).orElseThrow();
    assertThat(m.tlp()).isEqualTo(Tlp.AMBER);
    assertThat(m.releasability().orElseThrow().nations()).containsExactlyInAnyOrder("LVA", "FIN");
  }

  @Test
  void greenMeetsGreenAndClearMeetsClear() {
    SensorPolicy green = new SensorPolicy(SENSOR, "s", "EST", Tlp.GREEN, Set.of());
    SensorPolicy clear = new SensorPolicy(SENSOR, "s", "EST", Tlp.CLEAR, Set.of());
    assertThat(SightingMarkings.meet("FIN", List.of(Tlp.GREEN.definition()), Set.of(), green))
        .contains(new SightingMarking(Tlp.GREEN, Optional.empty()));
    assertThat(SightingMarkings.meet("FIN", List.of(Tlp.CLEAR.definition()), Set.of(), clear))
        .contains(new SightingMarking(Tlp.CLEAR, Optional.empty()));
  }

  @Provide
  Arbitrary<Tlp> tlp() {
    return Arbitraries.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT, Tlp.RED);
  }

  @Provide
  Arbitrary<String> nation() {
    return Arbitraries.of(NATIONS);
  }

  @Provide
  Arbitrary<Set<String>> nations() {
    return Arbitraries.of(NATIONS).set().ofMaxSize(3);
  }
}
