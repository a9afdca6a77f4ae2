/**
 * Attribution with stated confidence: an {@code attributed-to} relationship (to a threat-actor,
 * intrusion-set or state identity) carrying STIX confidence and the words policy makers use — an
 * ICD 203 estimative term, the Admiralty code, the state-responsibility level — from the MISP
 * taxonomies bundled here ({@link dev.bulwark.incidents.attribution.Taxonomies}); each nation's own
 * view as its own relationship or an {@code opinion} ({@link
 * dev.bulwark.incidents.attribution.AttributionStix}).
 */
package dev.bulwark.incidents.attribution;
