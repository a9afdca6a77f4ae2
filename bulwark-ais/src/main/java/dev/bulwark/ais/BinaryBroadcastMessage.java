package dev.bulwark.ais;

/**
 * Type 8: binary broadcast message with its application identifier (DAC, FI) and raw application
 * payload (the bits after the FI). Immutable and thread-safe.
 */
public record BinaryBroadcastMessage(
    int type, int repeat, int mmsi, int dac, int fid, BinaryData data) implements AisMessage {}
