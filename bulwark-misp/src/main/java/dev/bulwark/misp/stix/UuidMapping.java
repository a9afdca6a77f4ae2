package dev.bulwark.misp.stix;

/**
 * One row of the STIX id ⇄ MISP uuid table. Immutable.
 *
 * @param stixId the STIX id ({@code indicator--...})
 * @param mispUuid the MISP uuid it stands for
 */
public record UuidMapping(String stixId, String mispUuid) {}
