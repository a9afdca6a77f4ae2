package dev.bulwark.cyber.sighting;

import dev.bulwark.stix.markings.Releasability;
import dev.bulwark.stix.markings.Tlp;
import java.util.Optional;

/**
 * The markings of a sighting: a TLP level and, when it is released beyond its origin, the
 * releasability its node writes as a marking-definition of its own ({@code ReleasabilityMarking}).
 * Immutable and thread-safe.
 *
 * @param tlp the TLP level
 * @param releasability the nations (or, with TLP:RED, recipients) beyond the origin, if any
 */
public record SightingMarking(Tlp tlp, Optional<Releasability> releasability) {}
