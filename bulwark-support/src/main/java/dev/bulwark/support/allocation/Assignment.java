package dev.bulwark.support.allocation;

/** Units of a requirement filled from an offer, and their value. Immutable and thread-safe. */
public record Assignment(
    String offerId, String ally, String requirementId, double units, double valueEur) {}
