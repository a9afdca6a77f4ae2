package dev.bulwark.stix.validation;

import java.util.List;
import java.util.Map;

/**
 * The rules of one object type or nested type: its family, the section defining it, its own
 * properties and the ID contributing properties of SCOs. Immutable and thread-safe.
 *
 * @param name type name
 * @param category family
 * @param section STIX 2.1 section of the property table
 * @param props specific properties by name
 * @param idContributing SCO ID contributing properties (section 6), empty for others
 */
record TypeSpec(
    String name,
    Category category,
    String section,
    Map<String, Prop> props,
    List<String> idContributing) {}
