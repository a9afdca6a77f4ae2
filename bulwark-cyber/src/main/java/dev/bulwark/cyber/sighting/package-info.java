/**
 * Sightings: matches of an indicator on a sensor's observations aggregated per (indicator, sensor,
 * time window) by {@link dev.bulwark.cyber.sighting.SightingAggregator} into {@link
 * dev.bulwark.cyber.sighting.Sighting} values, written as STIX 2.1 {@code sighting} and {@code
 * observed-data} by {@link dev.bulwark.cyber.sighting.SightingStix} and {@link
 * dev.bulwark.cyber.sighting.ObservedData}, and marked by {@link
 * dev.bulwark.cyber.sighting.SightingMarkings} no wider than both the indicator's markings and the
 * sensor owner's policy (a sighting reveals both).
 */
package dev.bulwark.cyber.sighting;
