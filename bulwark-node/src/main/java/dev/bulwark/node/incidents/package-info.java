/**
 * The hostile-act register in the node (issue 16): the {@code incidents} collection of STIX
 * incidents and their attributions, responses and campaigns ({@link
 * dev.bulwark.node.incidents.IncidentCollections}), served over TAXII and federated like any
 * collection and read through the one gate; its JSON API and console page, the promotion of
 * maritime alerts, the public exposure report; and the daily border-crossing counts behind
 * migration surges ({@link dev.bulwark.node.incidents.MigrationCountStore}). The domain is {@code
 * bulwark-incidents}'. What a reader may not see is answered as missing.
 */
package dev.bulwark.node.incidents;
