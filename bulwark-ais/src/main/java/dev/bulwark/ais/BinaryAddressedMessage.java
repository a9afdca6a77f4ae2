package dev.bulwark.ais;

/**
 * Type 6: addressed binary message, with its application identifier (DAC, FI) and the raw
 * application payload (the bits after the FI). Immutable and thread-safe.
 */
public record BinaryAddressedMessage(
    int type,
    int repeat,
    int mmsi,
    int seqno,
    int destMmsi,
    boolean retransmit,
    int dac,
    int fid,
    BinaryData data)
    implements AisMessage {}
