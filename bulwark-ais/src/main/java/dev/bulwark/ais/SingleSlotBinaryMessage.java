package dev.bulwark.ais;

/**
 * Type 25: single slot binary message. {@code appId} (DAC*64+FI) is 0 and absent when not {@code
 * structured}; {@code destMmsi} is 0 when not {@code addressed}. Immutable and thread-safe.
 */
public record SingleSlotBinaryMessage(
    int type,
    int repeat,
    int mmsi,
    boolean addressed,
    boolean structured,
    int destMmsi,
    int appId,
    BinaryData data)
    implements AisMessage {}
