package dev.bulwark.misp.stix;

/**
 * One thing a conversion did not carry, or carried narrower than given. Immutable.
 *
 * @param path JSON path in the MISP event (or STIX id on export)
 * @param mispUuid the MISP uuid concerned, may be empty
 * @param what what was not carried ({@code attribute}, {@code sharing-group member}, ...)
 * @param reason why
 */
public record LossEntry(String path, String mispUuid, String what, String reason) {}
