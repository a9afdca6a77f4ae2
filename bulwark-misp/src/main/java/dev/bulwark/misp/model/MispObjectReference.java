package dev.bulwark.misp.model;

/**
 * A reference from a MISP object to an attribute or another object. Immutable.
 *
 * @param uuid the reference's uuid
 * @param referencedUuid the attribute or object referred to
 * @param relationshipType the relation ({@code drops}, {@code related-to}, ...)
 * @param comment free text, may be empty
 */
public record MispObjectReference(
    String uuid, String referencedUuid, String relationshipType, String comment) {}
