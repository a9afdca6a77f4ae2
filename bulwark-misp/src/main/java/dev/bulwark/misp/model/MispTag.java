package dev.bulwark.misp.model;

/**
 * A MISP tag (a taxonomy machine tag such as {@code tlp:amber}, a galaxy tag, or free text).
 * Immutable.
 *
 * @param name the tag, verbatim
 * @param local whether MISP marks it local (not to be shared)
 */
public record MispTag(String name, boolean local) {}
