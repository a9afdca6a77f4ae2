package dev.bulwark.ais;

/** Type 10: UTC/date inquiry addressed to {@code destMmsi}. Immutable and thread-safe. */
public record UtcDateInquiry(int type, int repeat, int mmsi, int destMmsi) implements AisMessage {}
