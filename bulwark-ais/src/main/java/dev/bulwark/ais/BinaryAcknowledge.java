package dev.bulwark.ais;

/**
 * Types 7 (binary acknowledge) and 13 (safety-related acknowledge): up to four acknowledged
 * stations; absent slots have MMSI 0 and sequence 0, {@code count} says how many are present.
 * Immutable and thread-safe.
 */
public record BinaryAcknowledge(
    int type,
    int repeat,
    int mmsi,
    int count,
    int mmsi1,
    int seq1,
    int mmsi2,
    int seq2,
    int mmsi3,
    int seq3,
    int mmsi4,
    int seq4)
    implements AisMessage {}
