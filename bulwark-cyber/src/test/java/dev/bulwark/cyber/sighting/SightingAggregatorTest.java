package dev.bulwark.cyber.sighting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cyber.observe.Observation;
import dev.bulwark.cyber.observe.ObservationBuilder;
import dev.bulwark.stix.StixObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SightingAggregatorTest {
  static final String SENSOR = "identity--0b6a0e4e-2f3c-4c1e-9a55-1b2c3d4e5f60";
  static final String IND = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
  static final long MINUTE = 60_000_000L;

  static Observation at(long micros, String ip) {
    ObservationBuilder b = new ObservationBuilder();
    try {
      b.address("ip", ip);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return b.build("eve:flow", micros, micros);
  }

  @Test
  void aggregatesHitsPerIndicatorSensorAndWindowNotPerHit() {
    SightingAggregator a = new SightingAggregator(Duration.ofHours(1));
    long t0 = 1_700_000_000_000_000L - 1_700_000_000_000_000L % (60 * MINUTE);
    for (int i = 0; i < 25; i++) {
      a.add(IND, SENSOR, at(t0 + i * MINUTE, "198.51.100." + i));
    }
    a.add(IND, SENSOR, at(t0 + 61 * MINUTE, "198.51.100.1"));
    List<Sighting> out = a.closeAll();
    assertThat(out).hasSize(2);
    Sighting first = out.get(0);
    assertThat(first.count()).isEqualTo(25);
    assertThat(first.firstSeenMicros()).isEqualTo(t0);
    assertThat(first.lastSeenMicros()).isEqualTo(t0 + 24 * MINUTE);
    assertThat(first.observedData()).hasSize(SightingAggregator.EVIDENCE_PER_SIGHTING);
    assertThat(first.id()).isEqualTo(SightingAggregator.idOf(IND, SENSOR, t0));
    assertThat(out.get(1).count()).isEqualTo(1);
  }

  @Test
  void emitsANewerVersionOfTheSameSightingWhenItsWindowGrows() {
    SightingAggregator a = new SightingAggregator(Duration.ofHours(1));
    long t0 = 1_700_000_000_000_000L;
    a.add(IND, SENSOR, at(t0, "198.51.100.1"));
    Sighting v1 = a.emitChanged().get(0);
    assertThat(a.emitChanged()).isEmpty();
    a.add(IND, SENSOR, at(t0, "198.51.100.1"));
    Sighting v2 = a.emitChanged().get(0);
    assertThat(v2.id()).isEqualTo(v1.id());
    assertThat(v2.count()).isEqualTo(2);
    assertThat(v2.modifiedMicros()).isGreaterThan(v1.modifiedMicros());
  }

  @Test
  void forgetsWindowsBeforeTheWatermark() {
    SightingAggregator a = new SightingAggregator(Duration.ofMinutes(5));
    long t0 = 1_700_000_000_000_000L;
    a.add(IND, SENSOR, at(t0, "198.51.100.1"));
    assertThat(a.closeBefore(t0 + 20 * MINUTE)).hasSize(1);
    assertThat(a.openWindows()).isZero();
  }

  @Test
  void writesTheStixSightingAndItsObservedData() {
    SightingAggregator a = new SightingAggregator(Duration.ofHours(1));
    a.add(IND, SENSOR, at(1_485_789_156_177_408L, "198.51.100.7"));
    Sighting s = a.closeAll().get(0);
    StixObject o =
        SightingStix.of(s, List.of("marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"));
    assertThat(o.toJson())
        .contains("\"sighting_of_ref\":\"" + IND + "\"")
        .contains("\"where_sighted_refs\":[\"" + SENSOR + "\"]")
        .contains("\"first_seen\":\"2017-01-30T15:12:36.177408Z\"")
        .contains("\"count\":1")
        .contains("\"observed_data_refs\":[\"" + s.observedData().get(0).id() + "\"]");
    var stix = s.observedData().get(0).toStix(SENSOR, List.of());
    assertThat(stix).hasSize(2);
    assertThat(stix.get(1).get("id").asString())
        // the spec's deterministic id of {"value":"198.51.100.7"}
        .startsWith("ipv4-addr--");
    assertThat(stix.get(0).get("object_refs").get(0).asString())
        .isEqualTo(stix.get(1).get("id").asString());
    assertThat(ObservedData.of(s.observedData().get(0).observation(), SENSOR).id())
        .isEqualTo(s.observedData().get(0).id());
  }
}
