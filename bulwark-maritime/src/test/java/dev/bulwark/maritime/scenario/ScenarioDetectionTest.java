package dev.bulwark.maritime.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertJson;
import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.engine.MaritimeEngine;
import dev.bulwark.maritime.geo.Geo;
import dev.bulwark.maritime.infra.Crossing;
import dev.bulwark.maritime.infra.GeoJsonInfrastructure;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.ingest.NmeaFeed;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every scenario, written as NMEA and decoded by bulwark-ais, is alerted right and in time. */
class ScenarioDetectionTest {

  static final long TEN_MINUTES = 600_000L;
  static InfrastructureLayer layer;
  static ScenarioSet set;
  static List<Alert> alerts;

  @BeforeAll
  static void run() {
    layer = GeoJsonInfrastructure.baltic().layer();
    set = Scenarios.generate(Instant.parse("2024-12-25T08:00:00Z").toEpochMilli(), layer);
    MaritimeEngine engine = MaritimeEngine.withDefaults(layer, (a, c) -> {});
    NmeaFeed feed = new NmeaFeed("scenarios", engine::accept);
    set.lines().forEach(l -> feed.line(l.text()));
    feed.finish();
    engine.finish();
    assertThat(feed.counters().snapshot().rejectedTotal()).isZero();
    alerts = engine.alerts();
  }

  @Test
  void everyExpectationIsAlertedWithTheRightKindAndAssetWithinTenMinutesOfOnset() {
    assertThat(set.expectations()).hasSize(6);
    for (Expectation e : set.expectations()) {
      Optional<Alert> hit =
          alerts.stream()
              .filter(
                  a ->
                      a.kind() == e.kind()
                          && a.mmsi() == e.mmsi()
                          && a.assetName().equals(e.asset()))
              .filter(a -> a.raised().toEpochMilli() >= e.onsetMillis() - TEN_MINUTES)
              .findFirst();
      assertThat(hit).as(e.scenario() + " " + e.kind() + " " + e.asset()).isPresent();
      long late = hit.get().raised().toEpochMilli() - e.onsetMillis();
      assertThat(late).as(e.scenario() + " delay ms").isBetween(0L, TEN_MINUTES);
    }
  }

  @Test
  void theEagleSLikeDragStartsFiftyToSeventyKilometresBeforeTheFirstCable() {
    ShipSim w = Scenarios.eagleWarn(set.lines().get(0).timeMillis(), layer, new ArrayList<>());
    ShipSim.Step onset =
        w.steps().stream().filter(st -> st.tag().equals("drag")).findFirst().orElseThrow();
    double[] end = Geo.destination(onset.lat(), onset.lon(), 266, 100_000);
    Crossing first = layer.firstCrossing(onset.lat(), onset.lon(), end[0], end[1]).orElseThrow();
    assertThat(first.asset().name()).isEqualTo("Estlink 2");
    assertThat(first.distanceM()).isBetween(50_000.0, 70_000.0);
  }

  @Test
  void theEagleSLikeDragIsWarnedAtOnsetWithTheCableAndItsEtaThenEscalatedInTheCorridor() {
    Expectation e =
        set.expectations().stream()
            .filter(x -> x.scenario().equals("eaglewarn"))
            .findFirst()
            .orElseThrow();
    List<Alert> drags =
        alerts.stream()
            .filter(x -> x.mmsi() == Scenarios.EAGLE_WARN)
            .filter(x -> x.assetName().equals(Optional.of("Estlink 2")))
            .toList();
    assertThat(drags).as("one episode, updated, not duplicated").hasSize(1);
    Alert a = drags.get(0);
    assertThat(a.raised().toEpochMilli() - e.onsetMillis()).isBetween(0L, TEN_MINUTES);
    assertThat(a.severity()).as("escalated on corridor entry").isEqualTo(Severity.HIGH);
    Instant eta = Instant.parse(a.evidence().parameters().get("first_predicted_eta"));
    assertThat(Math.abs(eta.toEpochMilli() - e.crossingMillis()))
        .as("predicted vs actual crossing, ms")
        .isLessThan(20 * 60_000L);
    assertThat(e.crossingMillis() - e.onsetMillis()).isGreaterThan(4 * 3_600_000L);
  }

  @Test
  void backgroundTrafficIsNeverAlerted() {
    assertThat(alerts)
        .noneMatch(
            a ->
                a.mmsi() == Scenarios.BACKGROUND_1
                    || a.mmsi() == Scenarios.BACKGROUND_2
                    || a.mmsi() == Scenarios.YACHT);
  }

  @Test
  void dragsAreHighAndOneAlertPerEpisode() {
    List<Alert> eagle =
        alerts.stream()
            .filter(
                a -> a.mmsi() == Scenarios.EAGLE && a.assetName().equals(Optional.of("Estlink 2")))
            .toList();
    assertThat(eagle).isNotEmpty();
    assertThat(eagle.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(alerts.stream().map(Alert::id).distinct().count()).isEqualTo(alerts.size());
  }

  /**
   * Every alert the scenarios raise reads in plain words in the API's form ({@code evidence_text}
   * of {@link AlertJson#scan}): numbers with units, when, no parameter name, no missing value.
   */
  @Test
  void everyAlertOfEveryKindTheScenariosRaiseReadsInPlainWords() {
    Set<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
    for (Alert a : alerts) {
      String text = AlertJson.scan(a, false).path("evidence_text").asString();
      assertThat(text)
          .as(a.id())
          .doesNotContain("_")
          .doesNotContain("?")
          .doesNotContain("n/a")
          .contains(" Seen ", "(track time)")
          .containsPattern("[0-9] (kn|m|km|min|%)\\b");
      kinds.add(a.kind());
    }
    assertThat(kinds)
        .contains(
            AlertKind.ANCHOR_DRAG, AlertKind.GOING_DARK, AlertKind.ENCOUNTER, AlertKind.SPOOFING);
  }

  @Test
  void scenarioFileIsTimeOrderedTaggedAivdm() {
    StringWriter w = new StringWriter();
    set.write(w);
    String[] lines = w.toString().split("\n");
    assertThat(lines.length).isEqualTo(set.lines().size());
    assertThat(lines)
        .allMatch(l -> l.matches("\\\\c:\\d{10}\\*[0-9A-F]{2}\\\\!AIVDM,.*\\*[0-9A-F]{2}"));
    for (int i = 1; i < set.lines().size(); i++) {
      assertThat(set.lines().get(i).timeMillis())
          .isGreaterThanOrEqualTo(set.lines().get(i - 1).timeMillis());
    }
  }

  @Test
  void generationIsDeterministic() {
    ScenarioSet again =
        Scenarios.generate(Instant.parse("2024-12-25T08:00:00Z").toEpochMilli(), layer);
    assertThat(again.lines()).isEqualTo(set.lines());
  }
}
