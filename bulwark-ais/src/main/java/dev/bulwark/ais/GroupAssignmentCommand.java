package dev.bulwark.ais;

/**
 * Type 23: group assignment command for an area (corners in 1/10 minute). Immutable and
 * thread-safe.
 */
public record GroupAssignmentCommand(
    int type,
    int repeat,
    int mmsi,
    int neLon,
    int neLat,
    int swLon,
    int swLat,
    int stationtype,
    int shiptype,
    int txrx,
    int interval,
    int quiet)
    implements AisMessage {}
