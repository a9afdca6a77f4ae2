package dev.bulwark.ais;

/**
 * Type 26: multiple slot binary message, as {@link SingleSlotBinaryMessage} plus the radio status.
 * Immutable and thread-safe.
 */
public record MultipleSlotBinaryMessage(
    int type,
    int repeat,
    int mmsi,
    boolean addressed,
    boolean structured,
    int destMmsi,
    int appId,
    BinaryData data,
    int radio)
    implements AisMessage {}
