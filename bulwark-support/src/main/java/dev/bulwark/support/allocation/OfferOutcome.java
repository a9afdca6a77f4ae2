package dev.bulwark.support.allocation;

/**
 * How much of an offer was used (in its own unit: items or euros) and, for what is left, why.
 * Immutable and thread-safe.
 */
public record OfferOutcome(Offer offer, double used, double unused, String explanation) {}
