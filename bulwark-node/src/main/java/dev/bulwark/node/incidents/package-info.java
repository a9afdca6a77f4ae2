/**
 * The hostile-act register in the node (issue 16): the {@code incidents} collection of STIX
 * incidents and their attributions, responses and campaigns ({@link
 * dev.bulwark.node.incidents.IncidentCollections}), read through the one gate like every other
 * collection; and the daily border-crossing counts behind migration surges ({@link
 * dev.bulwark.node.incidents.MigrationCountStore}). The domain is {@code bulwark-incidents}'.
 */
package dev.bulwark.node.incidents;
