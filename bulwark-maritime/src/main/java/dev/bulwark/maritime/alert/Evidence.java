package dev.bulwark.maritime.alert;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why an alert fired: the vessel's track around the episode, and the measured values and thresholds
 * that decided it. Immutable, thread-safe.
 *
 * @param trackGeoJson a GeoJSON Feature (LineString, property {@code times} in epoch seconds and
 *     {@code sog_kn}) of the track from shortly before the episode to its latest point
 * @param parameters measured values and the thresholds they crossed, by name, in insertion order
 */
public record Evidence(String trackGeoJson, Map<String, String> parameters) {
  public Evidence {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }
}
