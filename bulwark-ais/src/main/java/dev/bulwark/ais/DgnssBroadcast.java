package dev.bulwark.ais;

/**
 * Type 17: DGNSS broadcast; {@code lon}/{@code lat} in 1/10 minute, {@code data} the raw correction
 * words. Immutable and thread-safe.
 */
public record DgnssBroadcast(int type, int repeat, int mmsi, int lon, int lat, BinaryData data)
    implements AisMessage {}
