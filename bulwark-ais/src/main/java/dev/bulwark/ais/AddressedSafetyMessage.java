package dev.bulwark.ais;

/** Type 12: addressed safety-related text message. Immutable and thread-safe. */
public record AddressedSafetyMessage(
    int type, int repeat, int mmsi, int seqno, int destMmsi, boolean retransmit, String text)
    implements AisMessage {}
