package dev.bulwark.maritime.detect;

import static dev.bulwark.maritime.Sea.MIN;
import static dev.bulwark.maritime.Sea.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.Sea;
import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertJson;
import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftDetectorTest {

  static List<Alert> drift(double kn, double headingOffset, int status, double eastOfCableM) {
    Sea.Voyage v = new Sea.Voyage(538_004_030, T0, 59.7, Sea.eastOfCable(eastOfCableM));
    v.leg(25 * MIN, kn, 140, 140 + headingOffset, status, 10_000, true);
    return Sea.of(Sea.run(v.reports()), AlertKind.DRIFTING);
  }

  @Test
  void slowWithHeadingAndCourseApartIsDriftingAndLow() {
    assertThat(drift(2.5, 30, 0, 30_000))
        .singleElement()
        .extracting(Alert::severity)
        .isEqualTo(Severity.LOW);
  }

  @Test
  void readsInPlainWords() {
    Alert a = drift(2.5, 30, 0, 30_000).get(0);
    assertThat(AlertJson.scan(a, false).path("evidence_text").asString())
        .containsPattern(
            "^Drifting at 2\\.5 kn \\(alert in 0\\.5-4\\.0 kn\\), heading and course 30° apart"
                + " \\(alert from 20°\\)\\. Seen .* \\(track time\\)\\.$");
  }

  @Test
  void headingCourseDifferenceThresholdIs20Degrees() {
    assertThat(drift(2.5, 22, 0, 30_000)).hasSize(1);
    assertThat(drift(2.5, 18, 0, 30_000)).isEmpty();
  }

  @Test
  void speedBandIsHalfToFourKnots() {
    assertThat(drift(3.8, 30, 0, 30_000)).hasSize(1);
    assertThat(drift(4.3, 30, 0, 30_000)).isEmpty();
    assertThat(drift(0.6, 30, 0, 30_000)).hasSize(1);
    assertThat(drift(0.4, 30, 0, 30_000)).isEmpty();
  }

  @Test
  void notUnderCommandCountsWithoutHeadingDifference() {
    assertThat(drift(1.5, 0, 2, 30_000)).hasSize(1);
  }

  @Test
  void driftingNearTheCableIsMediumButNeverHigh() {
    assertThat(drift(2.5, 40, 0, 3_000))
        .singleElement()
        .extracting(Alert::severity)
        .isEqualTo(Severity.MEDIUM);
  }
}
