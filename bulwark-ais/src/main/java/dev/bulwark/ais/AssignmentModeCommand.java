package dev.bulwark.ais;

/**
 * Type 16: assignment mode command for one or two stations; {@code mmsi2} is 0 when the message is
 * the short (96-bit) form. Immutable and thread-safe.
 */
public record AssignmentModeCommand(
    int type,
    int repeat,
    int mmsi,
    int mmsi1,
    int offset1,
    int increment1,
    int mmsi2,
    int offset2,
    int increment2)
    implements AisMessage {}
