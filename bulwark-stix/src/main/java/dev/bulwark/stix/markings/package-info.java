/**
 * Data markings and the access rule: the TLP 2.0 marking-definitions ({@link
 * dev.bulwark.stix.markings.Tlp}), Bulwark's releasability marking ({@link
 * dev.bulwark.stix.markings.ReleasabilityMarking}, nation lists with {@link
 * dev.bulwark.stix.markings.NationGroups}) and {@link dev.bulwark.stix.markings.ReleaseRule}, the
 * one function that decides whether a {@link dev.bulwark.stix.markings.Reader} may see an object,
 * and {@link dev.bulwark.stix.markings.GranularRedaction}, which removes the parts of an object its
 * granular markings keep from a reader, and {@link dev.bulwark.stix.markings.VersionRule}, by which
 * a new version never widens its readers. What each marking means is documented in {@code
 * docs/markings.md}.
 */
package dev.bulwark.stix.markings;
