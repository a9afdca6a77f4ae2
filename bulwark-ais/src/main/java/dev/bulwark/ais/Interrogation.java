package dev.bulwark.ais;

/**
 * Type 15: interrogation of up to two stations for up to three message types; absent parts are
 * zero. Immutable and thread-safe.
 */
public record Interrogation(
    int type,
    int repeat,
    int mmsi,
    int mmsi1,
    int type11,
    int offset11,
    int type12,
    int offset12,
    int mmsi2,
    int type21,
    int offset21)
    implements AisMessage {}
