/**
 * A register incident as STIX 2.1 ({@link dev.bulwark.incidents.stix.IncidentStix}): an {@code
 * incident} with the OASIS incident-core extension (determination, investigation status, tasks) and
 * the Bulwark hostile-act extension (kind, kind fields, lifecycle, location, first seen); the
 * extension definitions Bulwark publishes ({@link dev.bulwark.incidents.stix.BulwarkExtensions});
 * lifecycle steps as new versions ({@link dev.bulwark.incidents.stix.IncidentVersions}).
 */
package dev.bulwark.incidents.stix;
