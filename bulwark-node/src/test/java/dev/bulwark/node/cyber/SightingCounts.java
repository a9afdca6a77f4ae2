package dev.bulwark.node.cyber;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.cyber.sighting.SightingAggregator;
import dev.bulwark.node.security.NodePrincipal;
import dev.bulwark.node.store.ObjectStore;
import dev.bulwark.node.store.ReadFilter;
import dev.bulwark.node.store.StoredObject;
import dev.bulwark.stix.StixTimestamps;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the tests of the worker and the feeds read back: the stored sighting of an indicator at a
 * sensor in an hour-window of 2017-01-30 (the test events' day), and a bounded wait.
 */
final class SightingCounts {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SightingCounts() {}

  /** The latest stored version of the sighting, if any. */
  static Optional<JsonNode> sighting(
      ObjectStore store, String indicator, NodePrincipal sensor, int hour) {
    long start =
        StixTimestamps.parseMicros(String.format("2017-01-30T%02d:00:00Z", hour)).orElseThrow();
    String id = SightingAggregator.idOf(indicator, CyberIntake.sensorIdentity(sensor), start);
    List<StoredObject> v = store.versions("sightings", id, ReadFilter.SYSTEM);
    return v.isEmpty() ? Optional.empty() : Optional.of(JSON.readTree(v.get(v.size() - 1).json()));
  }

  /** Its count (0 when there is none). */
  static long count(ObjectStore store, String indicator, NodePrincipal sensor, int hour) {
    return sighting(store, indicator, sensor, hour).map(s -> s.path("count").asLong()).orElse(0L);
  }

  /** Waits up to 90 s for the condition. */
  static void await(BooleanSupplier done, String what) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(until);
      Thread.sleep(50);
    }
  }
}
