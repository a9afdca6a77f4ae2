package dev.bulwark.node.maritime;

/**
 * A vessel's current state as the API and the console show it. Immutable.
 *
 * @param time track time of its last position (RFC 3339)
 * @param sog speed over ground in knots, or -1 when unknown
 * @param cog course over ground in degrees, or -1 when unknown
 * @param flag ISO alpha-3 of the flag implied by the MMSI, "" when unknown
 */
public record VesselView(
    int mmsi, String name, String callSign, int imo, int shipType, String flag, double lat, double lon, double sog,
    double cog, int heading, String time) {}
