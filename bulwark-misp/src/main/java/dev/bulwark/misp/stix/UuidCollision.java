package dev.bulwark.misp.stix;

/**
 * Two different STIX objects that would take the same MISP uuid (misp-stix #107/#108: {@code
 * indicator--X} and {@code domain-name--X} with different values). The second is given a new uuid
 * instead of being merged into the first. Immutable.
 *
 * @param mispUuid the uuid both claimed
 * @param firstStixId the object that kept it
 * @param secondStixId the object that did not
 * @param assignedMispUuid the uuid the second was given (UUIDv5 of its STIX id)
 */
public record UuidCollision(
    String mispUuid, String firstStixId, String secondStixId, String assignedMispUuid) {}
