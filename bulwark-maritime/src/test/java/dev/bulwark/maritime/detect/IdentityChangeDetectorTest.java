package dev.bulwark.maritime.detect;

import static dev.bulwark.maritime.Sea.MIN;
import static dev.bulwark.maritime.Sea.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.Sea;
import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertJson;
import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.model.StaticReport;
import dev.bulwark.maritime.model.VesselObservation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityChangeDetectorTest {

  static final int SHIP = 273_000_444;

  static List<Alert> rename(double eastM, String first, String second, int imo2) {
    List<VesselObservation> obs =
        new ArrayList<>(
            new Sea.Voyage(SHIP, T0, 59.9, Sea.eastOfCable(eastM))
                .leg(20 * MIN, 5, 0, 10_000)
                .reports());
    obs.add(new StaticReport(SHIP, T0 + 1000, 9_000_010, first, "UBCD", 80, ""));
    obs.add(new StaticReport(SHIP, T0 + 10 * MIN + 1000, imo2, second, "UBCD", 80, ""));
    return Sea.of(Sea.run(obs), AlertKind.IDENTITY_CHANGE);
  }

  @Test
  void renamingWithinTenKilometresOfTheCorridorIsRaised() {
    List<Alert> a = rename(5_000, "OLD NAME", "NEW NAME", 9_000_010);
    assertThat(a)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
              assertThat(x.evidence().parameters()).containsEntry("name", "OLD NAME -> NEW NAME");
            });
  }

  @Test
  void readsInPlainWords() {
    Alert a = rename(5_000, "OLD NAME", "NEW NAME", 9_000_010).get(0);
    assertThat(AlertJson.scan(a, false).path("evidence_text").asString())
        .containsPattern(
            "^Changed name from OLD NAME to NEW NAME, [0-9.]+ km from Test Cable\\. Seen .*"
                + " \\(track time\\)\\.$");
  }

  @Test
  void distanceThresholdIsTenKilometresFromTheCorridorEdge() {
    assertThat(rename(1_500 + 9_500, "A", "B", 9_000_010)).hasSize(1);
    assertThat(rename(1_500 + 10_500, "A", "B", 9_000_010)).isEmpty();
  }

  @Test
  void imoChangeInsideTheCorridorIsHigh() {
    assertThat(rename(500, "SAME", "SAME", 9_000_020))
        .singleElement()
        .extracting(Alert::severity)
        .isEqualTo(Severity.HIGH);
  }

  @Test
  void repeatingTheSameIdentityIsNotAChange() {
    assertThat(rename(500, "SAME", "SAME", 9_000_010)).isEmpty();
  }
}
