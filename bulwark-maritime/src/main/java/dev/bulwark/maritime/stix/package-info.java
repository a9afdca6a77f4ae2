/**
 * Alerts as STIX 2.1: the maritime extension-definition and its schema ({@link
 * dev.bulwark.maritime.stix.MaritimeExtension}), the name-based ids that let a restarted node
 * version the same objects, and the mapping of an alert to an incident, the vessel's identity, the
 * asset's infrastructure, a location, the evidence note (with its GeoJSON track) and a sighting
 * ({@link dev.bulwark.maritime.stix.AlertStix}). Pure: no clock, no storage; the caller versions
 * and stores what it gets (the node through its incident ledger).
 */
package dev.bulwark.maritime.stix;
