package dev.bulwark.maritime.detect;

import static dev.bulwark.maritime.Sea.MIN;
import static dev.bulwark.maritime.Sea.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.Sea;
import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.model.PositionReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoingDarkDetectorTest {

  static final int SHIP = 230_000_555;

  /** A ship far away that keeps the engine clock running. */
  static List<PositionReport> clock(long minutes) {
    return new Sea.Voyage(265_000_001, T0, 59.0, 20.0).leg(minutes * MIN, 12, 90, 10_000).reports();
  }

  static List<Alert> darkAlongside(double eastM, long silentMin) {
    Sea.Voyage v = new Sea.Voyage(SHIP, T0, 59.8, Sea.eastOfCable(eastM));
    v.leg(20 * MIN, 8, 0, 0, 0, 10_000, true);
    v.leg(silentMin * MIN, 8, 0, 0, 0, 10_000, false);
    v.leg((60 - 20 - silentMin) * MIN, 8, 0, 0, 0, 10_000, true);
    List<PositionReport> all = new ArrayList<>(v.reports());
    all.addAll(clock(60));
    return Sea.of(Sea.run(all), AlertKind.GOING_DARK);
  }

  @Test
  void silenceOfSixMinutesNearTheCableIsRaisedWhileStillDark() {
    List<Alert> a = darkAlongside(3000, 7);
    assertThat(a).hasSize(1);
    Alert alert = a.get(0);
    assertThat(alert.assetName()).contains("Test Cable");
    assertThat(alert.raised().toEpochMilli() - alert.start().toEpochMilli())
        .isBetween(6 * MIN, 7 * MIN);
    assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void minimumGapIsSixMinutes() {
    assertThat(darkAlongside(3000, 5)).isEmpty();
  }

  @Test
  void nearMeansWithinFiveKilometresOfTheCorridorEdge() {
    assertThat(darkAlongside(1500 + 4500, 15)).hasSize(1);
    assertThat(darkAlongside(1500 + 5500, 15)).isEmpty();
  }

  @Test
  void crossingTheCableWhileDarkIsHigh() {
    Sea.Voyage v = new Sea.Voyage(SHIP, T0, 60.0, Sea.eastOfCable(15_000));
    v.leg(30 * MIN, 10, 270, 10_000)
        .leg(30 * MIN, 10, 270, 270, 0, 10_000, false)
        .leg(10 * MIN, 10, 270, 10_000);
    List<PositionReport> all = new ArrayList<>(v.reports());
    all.addAll(clock(80));
    List<Alert> a = Sea.of(Sea.run(all), AlertKind.GOING_DARK);
    assertThat(a).isNotEmpty();
    assertThat(a)
        .anyMatch(
            x ->
                x.severity() == Severity.HIGH
                    && x.evidence().parameters().get("crossed_while_dark").equals("Test Cable"));
  }

  @Test
  void reappearingFarFromThePredictionAddsToTheScore() {
    Sea.Voyage v = new Sea.Voyage(SHIP, T0, 59.8, Sea.eastOfCable(3000));
    v.leg(20 * MIN, 8, 0, 0, 0, 10_000, true);
    v.leg(
        30 * MIN, 8, 90, 90, 0, 10_000,
        false); // turned east while dark: 7.4 km east instead of north
    v.leg(5 * MIN, 8, 90, 10_000);
    List<PositionReport> all = new ArrayList<>(v.reports());
    all.addAll(clock(60));
    Alert a = Sea.of(Sea.run(all), AlertKind.GOING_DARK).get(0);
    assertThat(a.score()).isGreaterThanOrEqualTo(0.7);
    assertThat(Double.parseDouble(a.evidence().parameters().get("deviation_from_prediction_m")))
        .isGreaterThan(5000);
  }
}
