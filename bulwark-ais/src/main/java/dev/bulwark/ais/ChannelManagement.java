package dev.bulwark.ais;

/**
 * Type 22: channel management. When {@code addressed}, {@code dest1}/{@code dest2} are set and the
 * area corners are zero; otherwise the corners (1/10 minute) are set and the destinations zero.
 * Immutable and thread-safe.
 */
public record ChannelManagement(
    int type,
    int repeat,
    int mmsi,
    int channelA,
    int channelB,
    int txrx,
    boolean power,
    int neLon,
    int neLat,
    int swLon,
    int swLat,
    int dest1,
    int dest2,
    boolean addressed,
    boolean bandA,
    boolean bandB,
    int zonesize)
    implements AisMessage {}
