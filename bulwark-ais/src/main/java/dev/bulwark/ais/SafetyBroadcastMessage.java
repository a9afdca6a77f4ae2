package dev.bulwark.ais;

/** Type 14: broadcast safety-related text message. Immutable and thread-safe. */
public record SafetyBroadcastMessage(int type, int repeat, int mmsi, String text)
    implements AisMessage {}
