/**
 * The MISP core format as immutable records: events, attributes, objects with their references,
 * tags, galaxies and clusters, sightings, event reports, organisations and sharing groups.
 */
package dev.bulwark.misp.model;
