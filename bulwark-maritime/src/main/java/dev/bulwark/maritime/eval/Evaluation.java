package dev.bulwark.maritime.eval;

import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.AlertKind;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.detect.VesselState;
import dev.bulwark.maritime.engine.MaritimeEngine;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.ingest.NmeaFeed;
import dev.bulwark.maritime.ingest.ObservationFiles;
import dev.bulwark.maritime.model.VesselObservation;
import dev.bulwark.maritime.scenario.Expectation;
import dev.bulwark.maritime.scenario.ScenarioSet;
import dev.bulwark.maritime.scenario.Scenarios;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replays the scenarios mixed into real captures (time-aligned: the scenarios start when the
 * capture starts) and measures, per detector: scenario detections and the minutes from onset to
 * alert, and alerts on the real traffic per 1,000 vessel-hours (every alert on a real vessel
 * counts, except the Kattegat drifter's drift report, which is the right answer for that capture,
 * and except alerts raised after the capture's last report, when every real vessel goes silent at
 * once). Stateless.
 */
public final class Evaluation {

  /** The real captures shipped in this library (see ais/SOURCES.md). */
  public static final List<String> CAPTURES =
      List.of(
          "dma_2013-11-12_5min.nmea.gz", "dma_538004030_drift.nmea.gz", "solent_2016-01-12.csv.gz");

  /** MMSI of the real drifting vessel in the Kattegat capture. */
  public static final int KATTEGAT_DRIFTER = 538_004_030;

  /**
   * One scenario expectation's outcome in one run.
   *
   * @param capture the real capture it was mixed into
   * @param expectation what was expected
   * @param alert the alert that met it, when any
   * @param minutesToAlert minutes from onset to the alert being raised (NaN when missed)
   */
  public record Detection(
      String capture, Expectation expectation, Optional<Alert> alert, double minutesToAlert) {
    public boolean detectedInTime() {
      return alert.isPresent() && minutesToAlert >= 0 && minutesToAlert <= 10;
    }

    /**
     * For a drag: the crossing time the first warning predicted (its {@code first_predicted_eta}
     * evidence), when the alert carries one.
     */
    public Optional<Instant> predictedCrossing() {
      return alert
          .map(a -> a.evidence().parameters().get("first_predicted_eta"))
          .map(Instant::parse);
    }

    /** For a drag: when the ship actually entered the asset's corridor. */
    public Optional<Instant> actualCrossing() {
      return expectation.crossingMillis() < 0
          ? Optional.empty()
          : Optional.of(Instant.ofEpochMilli(expectation.crossingMillis()));
    }
  }

  /**
   * Per detector kind, over every run.
   *
   * @param kind detector
   * @param expected scenario expectations of this kind
   * @param detected of which alerted in time
   * @param minutesToAlert onset-to-alert minutes of the detections
   * @param realAlerts alerts on real vessels
   * @param realHigh of which high
   * @param perThousandVesselHours realAlerts per 1,000 vessel-hours of real traffic
   */
  public record DetectorRow(
      AlertKind kind,
      int expected,
      int detected,
      List<Double> minutesToAlert,
      int realAlerts,
      int realHigh,
      double perThousandVesselHours) {}

  /**
   * The whole evaluation.
   *
   * @param detections every expectation in every run
   * @param rows per detector
   * @param realVesselHours vessel-hours of real traffic observed
   * @param realVessels real vessels seen
   * @param realAlerts the alerts on real traffic (for inspection)
   * @param drifterReported whether the Kattegat drifter was reported as drifting
   */
  public record Result(
      List<Detection> detections,
      List<DetectorRow> rows,
      double realVesselHours,
      int realVessels,
      List<Alert> realAlerts,
      boolean drifterReported) {

    /**
     * Done when: every scenario in time, no high alert on real traffic, the drifter reported as
     * drifting.
     */
    public boolean passed() {
      return detections.stream().allMatch(Detection::detectedInTime)
          && realAlerts.stream().noneMatch(a -> a.severity() == Severity.HIGH)
          && drifterReported;
    }
  }

  private Evaluation() {}

  /** Runs every shipped capture with the scenarios mixed in, against {@code layer}. */
  public static Result run(InfrastructureLayer layer) {
    List<Detection> detections = new ArrayList<>();
    List<Alert> realAlerts = new ArrayList<>();
    double hours = 0;
    int vessels = 0;
    boolean drifter = false;
    for (String capture : CAPTURES) {
      List<VesselObservation> real =
          ObservationFiles.resource("/dev/bulwark/maritime/ais/" + capture).observations();
      long start = real.stream().mapToLong(VesselObservation::timeMillis).min().orElseThrow();
      long end = real.stream().mapToLong(VesselObservation::timeMillis).max().orElseThrow();
      ScenarioSet set = Scenarios.generate(start, layer);
      List<VesselObservation> synthetic = new ArrayList<>();
      NmeaFeed feed = new NmeaFeed("scenarios", synthetic::add);
      set.lines().forEach(l -> feed.line(l.text()));
      feed.finish();
      MaritimeEngine engine = MaritimeEngine.withDefaults(layer, (a, c) -> {});
      ObservationFiles.merge(List.of(real, synthetic)).forEach(engine::accept);
      engine.finish();
      List<Alert> alerts = engine.alerts();
      detect(capture, set, alerts, detections);
      Set<Integer> synth = new HashSet<>(set.vessels());
      for (VesselState v : engine.vessels()) {
        if (!synth.contains(v.mmsi()) && v.hasPosition()) {
          hours += v.observedMillis() / 3_600_000.0;
          vessels++;
        }
      }
      for (Alert a : alerts) {
        // After the capture ends every real vessel falls silent at once: that is the end of the
        // file, not vessels going dark, so real-traffic alerts count only while the capture runs.
        if (synth.contains(a.mmsi()) || a.raised().toEpochMilli() > end) {
          continue;
        }
        if (a.mmsi() == KATTEGAT_DRIFTER && a.kind() == AlertKind.DRIFTING) {
          drifter = true;
          continue;
        }
        realAlerts.add(a);
      }
    }
    return new Result(
        detections, rows(detections, realAlerts, hours), hours, vessels, realAlerts, drifter);
  }

  /** Whether and how soon each scenario of one capture was alerted on. */
  private static void detect(
      String capture, ScenarioSet set, List<Alert> alerts, List<Detection> detections) {
    for (Expectation e : set.expectations()) {
      Optional<Alert> hit =
          alerts.stream()
              .filter(
                  a ->
                      a.kind() == e.kind()
                          && a.mmsi() == e.mmsi()
                          && a.assetName().equals(e.asset()))
              .filter(a -> a.raised().toEpochMilli() >= e.onsetMillis() - 600_000L)
              .findFirst();
      double minutes =
          hit.map(a -> (a.raised().toEpochMilli() - e.onsetMillis()) / 60_000.0).orElse(Double.NaN);
      detections.add(new Detection(capture, e, hit, minutes));
    }
  }

  /** Per detector: scenarios detected, minutes to alert, alerts on real traffic. */
  private static List<DetectorRow> rows(
      List<Detection> detections, List<Alert> realAlerts, double hours) {
    List<DetectorRow> rows = new ArrayList<>();
    Map<AlertKind, int[]> counts = new EnumMap<>(AlertKind.class);
    for (Alert a : realAlerts) {
      int[] c = counts.computeIfAbsent(a.kind(), k -> new int[2]);
      c[0]++;
      if (a.severity() == Severity.HIGH) {
        c[1]++;
      }
    }
    for (AlertKind k : AlertKind.values()) {
      List<Detection> ds = detections.stream().filter(d -> d.expectation().kind() == k).toList();
      List<Double> minutes =
          ds.stream().filter(Detection::detectedInTime).map(Detection::minutesToAlert).toList();
      int[] c = counts.getOrDefault(k, new int[2]);
      rows.add(
          new DetectorRow(
              k,
              ds.size(),
              minutes.size(),
              minutes,
              c[0],
              c[1],
              hours > 0 ? c[0] * 1000.0 / hours : 0));
    }
    return rows;
  }

  /** Per scenario and capture: minutes to alert and, for drags, predicted vs actual crossing. */
  private static String detectionTable(Result r) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%n%-12s %-10s %-36s %6s %-12s %-12s %8s%n",
            "capture",
            "scenario",
            "kind / asset",
            "min",
            "predicted crossing",
            "actual crossing",
            "error"));
    for (Detection d : r.detections()) {
      b.append(detectionLine(d));
    }
    return b.toString();
  }

  /**
   * One scenario's line: minutes from onset to the alert and, for a drag, the crossing time the
   * first warning predicted against the actual one (minutes early or late).
   */
  private static String detectionLine(Detection d) {
    String predicted =
        d.predictedCrossing().map(i -> i.toString().substring(5, 16).replace("T", " ")).orElse("-");
    String actual =
        d.actualCrossing().map(i -> i.toString().substring(5, 16).replace("T", " ")).orElse("-");
    String error =
        d.predictedCrossing().isPresent() && d.actualCrossing().isPresent()
            ? String.format(
                Locale.ROOT,
                "%+.0f min",
                Duration.between(d.actualCrossing().get(), d.predictedCrossing().get()).toSeconds()
                    / 60.0)
            : "-";
    String capture = d.capture().length() > 12 ? d.capture().substring(0, 12) : d.capture();
    return String.format(
        Locale.ROOT,
        "%-12s %-10s %-36s %6s %-12s %-12s %8s%n",
        capture,
        d.expectation().scenario(),
        d.expectation().kind().slug() + " / " + d.expectation().asset().orElse("-"),
        Double.isNaN(d.minutesToAlert())
            ? "missed"
            : String.format(Locale.ROOT, "%.1f", d.minutesToAlert()),
        predicted,
        actual,
        error);
  }

  /** The result as a text table. */
  public static String format(Result r) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "Scenarios mixed into %d real captures (%d real vessels, %.1f vessel-hours).%n%n",
            CAPTURES.size(),
            r.realVessels(),
            r.realVesselHours()));
    b.append(
        String.format(
            Locale.ROOT,
            "%-16s %9s %20s %12s %10s %16s%n",
            "detector",
            "detected",
            "onset->alert (min)",
            "real alerts",
            "real high",
            "per 1000 v-h"));
    for (DetectorRow row : r.rows()) {
      String minutes =
          row.minutesToAlert().isEmpty()
              ? "-"
              : String.format(
                  Locale.ROOT,
                  "%.1f-%.1f",
                  row.minutesToAlert().stream().mapToDouble(Double::doubleValue).min().orElse(0),
                  row.minutesToAlert().stream().mapToDouble(Double::doubleValue).max().orElse(0));
      b.append(
          String.format(
              Locale.ROOT,
              "%-16s %9s %20s %12d %10d %16.1f%n",
              row.kind().slug(),
              row.expected() == 0 ? "-" : row.detected() + "/" + row.expected(),
              minutes,
              row.realAlerts(),
              row.realHigh(),
              row.perThousandVesselHours()));
    }
    b.append(detectionTable(r));
    b.append(
        String.format(
            Locale.ROOT,
            "%nKattegat drifter (MMSI %d) reported as drifting: %s%n",
            KATTEGAT_DRIFTER,
            r.drifterReported() ? "yes" : "NO"));
    for (Detection d : r.detections()) {
      if (!d.detectedInTime()) {
        b.append("MISSED: ")
            .append(d.capture())
            .append(' ')
            .append(d.expectation().scenario())
            .append(' ')
            .append(d.expectation().kind().slug())
            .append(' ')
            .append(d.expectation().asset().orElse("-"))
            .append('\n');
      }
    }
    for (Alert a : r.realAlerts()) {
      b.append(
          String.format(
              Locale.ROOT,
              "real-traffic alert: %s %s %d %s: %s%n",
              a.severity().slug(),
              a.kind().slug(),
              a.mmsi(),
              a.assetName().orElse("-"),
              a.summary()));
    }
    b.append(r.passed() ? "PASS\n" : "FAIL\n");
    return b.toString();
  }
}
