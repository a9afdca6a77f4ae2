package dev.bulwark.maritime.detect;

import static dev.bulwark.maritime.Sea.MIN;
import static dev.bulwark.maritime.Sea.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.Sea;
import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertJson;
import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.model.VesselObservation;
import dev.bulwark.maritime.vessel.VesselList;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchlistDetectorTest {

  static final int SHIP = 518_000_123;

  static List<VesselObservation> pass(double closestM) {
    List<VesselObservation> obs =
        new ArrayList<>(
            new Sea.Voyage(SHIP, T0, 59.8, Sea.eastOfCable(closestM))
                .leg(30 * MIN, 12, 0, 10_000)
                .reports());
    obs.add(Sea.identity(SHIP, T0, 9_876_543, "SHADOW ONE", 80));
    return obs;
  }

  static List<Alert> watch(List<VesselObservation> obs, String csv) {
    return Sea.of(
        Sea.run(obs, VesselList.read(new StringReader(csv), "w.csv"), VesselList.empty()),
        AlertKind.WATCHLIST);
  }

  @Test
  void listedMmsiInsideTheCorridorIsHigh() {
    List<Alert> a = watch(pass(1000), "mmsi,reason\n" + SHIP + ",sanctioned\n");
    assertThat(a)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.severity()).isEqualTo(Severity.HIGH);
              assertThat(x.assetName()).contains("Test Cable");
              assertThat(x.summary()).contains("sanctioned");
            });
  }

  @Test
  void readsInPlainWords() {
    Alert a = watch(pass(1000), "mmsi,reason\n" + SHIP + ",sanctioned\n").get(0);
    assertThat(AlertJson.scan(a, false).path("evidence_text").asString())
        .containsPattern(
            "^On the watch list \\(sanctioned\\), listed as MMSI [0-9]+, inside the corridor of"
                + " Test Cable, [0-9.]+ k?m from it\\. Seen .* \\(track time\\)\\.$");
  }

  @Test
  void listedImoOrNameMatchesAfterStaticData() {
    assertThat(watch(pass(1000), "imo\n9876543\n")).hasSize(1);
    assertThat(watch(pass(1000), "name\nshadow  one\n")).hasSize(1);
  }

  @Test
  void corridorEdgeIsHalfItsWidth() {
    assertThat(watch(pass(1400), "mmsi\n" + SHIP + "\n")).hasSize(1);
    assertThat(watch(pass(1600), "mmsi\n" + SHIP + "\n")).isEmpty();
  }

  @Test
  void unlistedVesselsAreNotAlerted() {
    assertThat(watch(pass(0), "mmsi\n111111111\n")).isEmpty();
  }
}
