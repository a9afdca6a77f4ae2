/**
 * Public exposure: from a set of STIX objects, only what is TLP:CLEAR and not nation-listed, field
 * by field ({@link dev.bulwark.incidents.exposure.ExposureFilter}), with the list of what is
 * withheld and why for the analyst's preview; the public HTML page and STIX {@code report} made
 * from what remains ({@link dev.bulwark.incidents.exposure.ExposureHtml}).
 */
package dev.bulwark.incidents.exposure;
