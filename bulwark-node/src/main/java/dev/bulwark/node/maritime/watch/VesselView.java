package dev.bulwark.node.maritime.watch;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A vessel's current state as the API and the console show it. Immutable.
 *
 * @param timeMillis track time of its last position, epoch milliseconds (a number, not text: the
 *     engine thread makes 20,000 of these a second, and formatting dates was a seventh of its time)
 * @param sog speed over ground in knots, or -1 when unknown
 * @param cog course over ground in degrees, or -1 when unknown
 * @param flag ISO alpha-3 of the flag implied by the MMSI, "" when unknown
 *     <p>Written as JSON with snake_case field names, like STIX and TAXII.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VesselView(
    int mmsi,
    String name,
    String callSign,
    int imo,
    int shipType,
    String flag,
    double lat,
    double lon,
    double sog,
    double cog,
    int heading,
    long timeMillis) {}
