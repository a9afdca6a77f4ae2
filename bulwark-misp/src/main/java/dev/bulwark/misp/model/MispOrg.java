package dev.bulwark.misp.model;

/**
 * A MISP organisation (creator {@code Orgc}, owner {@code Org}, or sharing-group member).
 * Immutable.
 *
 * @param uuid the organisation's uuid (lower case)
 * @param name its name
 */
public record MispOrg(String uuid, String name) {}
