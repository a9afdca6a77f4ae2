package dev.bulwark.stix.pattern;

/**
 * An indicator the index could not take (its pattern is invalid): which and why. Immutable.
 *
 * @param indicatorId the indicator's id
 * @param reason what is wrong (with the column for a syntax error)
 */
public record IndexError(String indicatorId, String reason) {}
