package dev.bulwark.node.maritime.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.maritime.alert.Alert;
import dev.bulwark.maritime.alert.Severity;
import dev.bulwark.maritime.engine.MaritimeEngine;
import dev.bulwark.maritime.infra.GeoJsonInfrastructure;
import dev.bulwark.maritime.infra.InfrastructureLayer;
import dev.bulwark.maritime.ingest.NmeaFeed;
import dev.bulwark.maritime.model.VesselObservation;
import dev.bulwark.maritime.scenario.ScenarioSet;
import dev.bulwark.maritime.scenario.Scenarios;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo is honest over hours: its replay (the real capture played back and forth, the scenarios
 * looping with a new session per vessel at each wrap) runs through the engine as fast as it can for
 * two hours of demo at the demo's pace (x60: 120 hours of track time, ten passes of the scenarios).
 * Every pass must raise exactly the alerts one pass of the scenarios raises on its own, the real
 * traffic only the alerts of its first loop, and nothing else: no jump, no artefact.
 */
class DemoHonestyTest {

  static final long DEMO_WALL_MILLIS = Long.getLong("demo.wall.minutes", 120) * 60_000L;
  static final double DEMO_PACE = 60;

  @Test
  void twoHoursOfDemoRaiseTheStagedIncidentsOncePerPassAndNoArtefact() throws Exception {
    InfrastructureLayer layer = GeoJsonInfrastructure.baltic().layer();
    long v0 = Instant.parse("2026-12-07T12:00:00Z").toEpochMilli();
    long end = v0 + (long) (DEMO_WALL_MILLIS * DEMO_PACE);
    Map<String, Alert> byId = new LinkedHashMap<>();
    MaritimeEngine engine = MaritimeEngine.withDefaults(layer, (a, c) -> byId.put(a.id(), a));
    ObservationQueue queue = new ObservationQueue(10_000);
    DemoReplaySource demo = new DemoReplaySource(queue, layer, 0, 300_000L, () -> v0);
    demo.start();
    try {
      List<VesselObservation> batch = new ArrayList<>();
      while (engine.now() == Long.MIN_VALUE || engine.now() < end) {
        batch.clear();
        queue.drain(batch, 4096, 1000);
        batch.forEach(engine::accept);
      }
    } finally {
      demo.close();
    }
    List<Alert> raised = List.copyOf(byId.values());
    if (Boolean.getBoolean("demo.print")) {
      raised.forEach(
          a ->
              System.out.println(
                  "ALERT "
                      + key(a)
                      + " "
                      + a.severity()
                      + " "
                      + a.start()
                      + " "
                      + a.raised()
                      + " "
                      + a.end()
                      + " "
                      + a.summary()));
    }
    Set<Integer> staged = new HashSet<>(Scenarios.generate(v0, layer).vessels());
    List<Alert> stagedAlerts = raised.stream().filter(a -> staged.contains(a.mmsi())).toList();
    List<Alert> realAlerts = raised.stream().filter(a -> !staged.contains(a.mmsi())).toList();

    // One pass on its own: what each pass of the loop must raise, no more, no less (a key can have
    // two episodes in a pass: the Eagle S-like ship turns back over Estlink 2).
    Map<String, int[]> alone = new LinkedHashMap<>(); // key -> {alerts, high alerts}
    for (Alert a : onePass(layer, v0)) {
      int[] c = alone.computeIfAbsent(key(a), k -> new int[2]);
      c[0]++;
      c[1] += a.severity() == Severity.HIGH ? 1 : 0;
    }
    Map<String, int[]> looped = new LinkedHashMap<>();
    for (Alert a : stagedAlerts) {
      assertThat(alone).as("%s is an alert one pass raises", key(a)).containsKey(key(a));
      int[] c = looped.computeIfAbsent(key(a), k -> new int[2]);
      c[0]++;
      c[1] += a.severity() == Severity.HIGH ? 1 : 0;
    }
    int passes =
        alone.entrySet().stream()
            .mapToInt(e -> looped.getOrDefault(e.getKey(), new int[2])[0] / e.getValue()[0])
            .min()
            .orElse(0);
    assertThat(passes)
        .as("scenario passes in the demo")
        .isGreaterThanOrEqualTo((int) (DEMO_WALL_MILLIS * DEMO_PACE / 3_600_000L / 15));
    for (Map.Entry<String, int[]> e : alone.entrySet()) {
      int[] l = looped.get(e.getKey());
      int[] one = e.getValue();
      // complete passes raise exactly what one pass raises; the pass under way at most that
      assertThat(l[0])
          .as("alerts of %s", e.getKey())
          .isBetween(passes * one[0], (passes + 1) * one[0]);
      assertThat(l[1])
          .as("high alerts of %s", e.getKey())
          .isBetween(passes * one[1], (passes + 1) * one[1]);
    }
    // The real traffic's alerts all come from its first loop (five minutes of track time).
    assertThat(realAlerts)
        .allMatch(a -> a.raised().toEpochMilli() < v0 + 600_000L, "raised in the first loop");
    assertThat(realAlerts).noneMatch(a -> a.severity() == Severity.HIGH);
    System.out.printf(
        "demo, %d min at x60: %d alerts = %d staged (%d full passes x %d, and a part pass) + %d"
            + " real%n",
        DEMO_WALL_MILLIS / 60_000,
        raised.size(),
        stagedAlerts.size(),
        passes,
        alone.values().stream().mapToInt(c -> c[0]).sum(),
        realAlerts.size());
  }

  private static String key(Alert a) {
    return a.kind().slug() + " " + a.mmsi() + " " + a.assetName().orElse("-");
  }

  /** The alerts one pass of the scenarios raises, fed alone. */
  private static List<Alert> onePass(InfrastructureLayer layer, long v0) {
    ScenarioSet set = Scenarios.generate(v0, layer);
    MaritimeEngine engine = MaritimeEngine.withDefaults(layer, (a, c) -> {});
    NmeaFeed feed = new NmeaFeed("scenarios", engine::accept);
    set.lines().forEach(l -> feed.line(l.text()));
    feed.finish();
    engine.finish();
    return engine.alerts();
  }
}
