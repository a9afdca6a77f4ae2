package dev.bulwark.maritime.alert;

import dev.bulwark.maritime.infra.Asset;
import java.util.Map;
import java.util.Optional;

/**
 * What a detector saw at one moment, handed to the {@link AlertBook}, which folds findings of the
 * same episode into one alert. Immutable value.
 *
 * @param kind detector's kind
 * @param mmsi the vessel
 * @param other the other vessel of an encounter, or 0
 * @param asset the infrastructure concerned, when any
 * @param startMillis when the behaviour began (track time)
 * @param nowMillis track time of this finding
 * @param severity severity now
 * @param score score now, 0..1
 * @param summary one line for people
 * @param parameters measured values and thresholds
 */
public record Finding(
    AlertKind kind,
    int mmsi,
    int other,
    Optional<Asset> asset,
    long startMillis,
    long nowMillis,
    Severity severity,
    double score,
    String summary,
    Map<String, String> parameters) {}
