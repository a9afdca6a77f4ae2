/**
 * What the detection engine says: a detector's {@code Finding} is folded by the {@code AlertBook}
 * into one {@code Alert} per episode (kind, vessel, asset), raised once and then updated with a
 * stable id, carrying its {@code Evidence} (the measured values and the track as GeoJSON, {@code
 * TrackSnippets}). {@code AlertListener} receives them; in the node that is the path to STIX
 * incidents in the store.
 */
package dev.bulwark.maritime.alert;
